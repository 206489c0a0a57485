import { describe, expect, it } from 'vitest';
import {
  type AwsCredentialIdentity,
  type AwsCredentialIdentityProvider,
  shareCredentials,
} from './credentials.ts';

describe('shareCredentials', () => {
  it('resolves once for every client and renews shortly before expiry', async () => {
    let calls = 0;
    let lifetime = 60 * 60_000;
    const provider = (async (): Promise<AwsCredentialIdentity> => {
      calls++;
      return {
        accessKeyId: `AKIA${calls}`,
        secretAccessKey: 's',
        expiration: new Date(Date.now() + lifetime),
      };
    }) as AwsCredentialIdentityProvider;
    const shared = shareCredentials(provider, 5 * 60_000);
    const [a, b] = await Promise.all([shared(), shared()]);
    expect(a.accessKeyId).toBe('AKIA1');
    expect(b.accessKeyId).toBe('AKIA1');
    expect(calls).toBe(1);
    // A session about to expire is renewed.
    lifetime = 60_000;
    const shortLived = shareCredentials(provider, 5 * 60_000);
    await shortLived();
    await shortLived();
    expect(calls).toBe(3);
  });

  it('does not keep a failure: the next request tries again', async () => {
    let calls = 0;
    const provider = (async (): Promise<AwsCredentialIdentity> => {
      calls++;
      if (calls === 1) throw Object.assign(new Error('denied'), { name: 'AccessDenied' });
      return { accessKeyId: 'AKIA', secretAccessKey: 's' };
    }) as AwsCredentialIdentityProvider;
    const shared = shareCredentials(provider);
    await expect(shared()).rejects.toThrow('denied');
    await Promise.resolve();
    await expect(shared()).resolves.toMatchObject({ accessKeyId: 'AKIA' });
  });
});
