import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, resolveConfig } from '@skygraph/core';
import { GoogleAuth, JWT, OAuth2Client } from 'google-auth-library';
import { describe, expect, it } from 'vitest';
import { gsuiteOptions } from '../options.ts';
import { DIRECTORY_SCOPES, resolveDirectoryAuth } from './directory-auth.ts';

const config = (flags: Record<string, unknown>) => resolveConfig(gsuiteOptions, { flags, env: {} });
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const serviceAccount = JSON.stringify({
  type: 'service_account',
  client_email: 'skygraph@acme-sec.iam.gserviceaccount.com',
  private_key: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
});

describe('resolveDirectoryAuth', () => {
  it('delegated: a service-account JWT acting as the admin, with the read-only scopes', () => {
    const auth = resolveDirectoryAuth(
      config({
        gsuiteAuth: 'delegated',
        gsuiteAdminEmail: 'admin@example.com',
        gsuiteCredentialsEnvVar: 'GSUITE_SA',
      }),
      { env: { GSUITE_SA: serviceAccount } },
    );
    expect(auth).toBeInstanceOf(JWT);
    const jwt = auth as JWT;
    expect(jwt.subject).toBe('admin@example.com');
    expect(jwt.email).toBe('skygraph@acme-sec.iam.gserviceaccount.com');
    expect(jwt.scopes).toEqual(DIRECTORY_SCOPES);
    expect(DIRECTORY_SCOPES.every((s) => s.endsWith('.readonly'))).toBe(true);
  });

  it('delegated: says what is missing', () => {
    expect(() =>
      resolveDirectoryAuth(config({ gsuiteCredentialsEnvVar: 'GSUITE_SA' }), {
        env: { GSUITE_SA: serviceAccount },
      }),
    ).toThrow(/--gsuite-admin-email is required/);
    expect(() =>
      resolveDirectoryAuth(config({ gsuiteAdminEmail: 'admin@example.com' }), { env: {} }),
    ).toThrow(ConfigError);
    expect(() =>
      resolveDirectoryAuth(
        config({ gsuiteAdminEmail: 'admin@example.com', gsuiteCredentialsEnvVar: 'GSUITE_SA' }),
        {
          env: { GSUITE_SA: '{"type":"authorized_user"}' },
        },
      ),
    ).toThrow(/client_email and private_key/);
    expect(() =>
      resolveDirectoryAuth(
        config({ gsuiteAdminEmail: 'admin@example.com', gsuiteCredentialsEnvVar: 'GSUITE_SA' }),
        {
          env: { GSUITE_SA: 'not json' },
        },
      ),
    ).toThrow(/does not hold a JSON object/);
  });

  it('oauth: a client with its refresh token', () => {
    const auth = resolveDirectoryAuth(
      config({ gsuiteAuth: 'oauth', gsuiteCredentialsEnvVar: 'GSUITE_OAUTH' }),
      {
        env: {
          GSUITE_OAUTH: JSON.stringify({ client_id: 'id', client_secret: 'secret', refresh_token: 'rt' }),
        },
      },
    );
    expect(auth).toBeInstanceOf(OAuth2Client);
    expect((auth as OAuth2Client).credentials.refresh_token).toBe('rt');
    expect(() =>
      resolveDirectoryAuth(config({ gsuiteAuth: 'oauth', gsuiteCredentialsEnvVar: 'GSUITE_OAUTH' }), {
        env: { GSUITE_OAUTH: JSON.stringify({ client_id: 'id' }) },
      }),
    ).toThrow(/client_id, client_secret and refresh_token/);
  });

  it('default: Application Default Credentials; an access token wins over any mode', () => {
    expect(resolveDirectoryAuth(config({ gsuiteAuth: 'default' }), { env: {} })).toBeInstanceOf(GoogleAuth);
    const token = resolveDirectoryAuth(config({}), { env: {}, accessToken: 'ya29.token' });
    expect((token as OAuth2Client).credentials.access_token).toBe('ya29.token');
  });
});
