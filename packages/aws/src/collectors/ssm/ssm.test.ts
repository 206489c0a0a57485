import { describe, expect, it } from 'vitest';
import { transformInstances, transformParameters } from './ssm.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };

describe('SSM transforms', () => {
  it('links EC2 managed instances (not hybrid nodes) to their instance', () => {
    const [rows] = transformInstances(
      {
        instances: [
          { InstanceId: 'i-0abc', PingStatus: 'Online', LastPingDateTime: new Date('2025-01-01T00:00:00Z') },
          { InstanceId: 'mi-0123', PingStatus: 'Online' },
        ],
      },
      where,
    );
    expect(rows.rows.map((r) => [r.id, r.instance, r.last_ping_date_time])).toEqual([
      ['i-0abc', 'i-0abc', 1735689600],
      ['mi-0123', undefined, undefined],
    ]);
  });

  it('flags credential-like names and links a SecureString to its key by key id', () => {
    const arn = (n: string) => `arn:aws:ssm:us-east-1:111122223333:parameter${n}`;
    const [rows] = transformParameters(
      {
        parameters: [
          { ARN: arn('/db/password'), Name: '/db/password', Type: 'String' },
          {
            ARN: arn('/db/token'),
            Name: '/db/token',
            Type: 'SecureString',
            KeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          },
          { ARN: arn('/app/level'), Name: '/app/level', Type: 'SecureString', KeyId: 'alias/aws/ssm' },
        ],
      },
      where,
    );
    expect(rows.rows.map((r) => [r.name, r.secret_like_name, r.kms_key])).toEqual([
      ['/db/password', true, undefined],
      ['/db/token', true, '1234abcd-12ab-34cd-56ef-1234567890ab'],
      ['/app/level', false, undefined],
    ]);
  });
});
