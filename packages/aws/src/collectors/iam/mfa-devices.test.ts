import { describe, expect, it } from 'vitest';
import { transformMfaDevices } from './mfa-devices.ts';

describe('transformMfaDevices', () => {
  it('keys virtual and hardware devices by serial number and links them to their user', () => {
    const alice = 'arn:aws:iam::123456789012:user/alice';
    const [devices] = transformMfaDevices({
      devices: [
        {
          userArn: alice,
          device: {
            UserName: 'alice',
            SerialNumber: 'arn:aws:iam::123456789012:mfa/alice',
            EnableDate: new Date('2024-01-01T00:00:00Z'),
          },
        },
        {
          userArn: alice,
          device: { UserName: 'alice', SerialNumber: 'GAHT12345678', EnableDate: undefined },
        },
        { userArn: alice, device: { UserName: 'alice', SerialNumber: undefined, EnableDate: undefined } },
      ],
    });
    expect(devices?.rows).toEqual([
      {
        id: 'arn:aws:iam::123456789012:mfa/alice',
        serialnumber: 'arn:aws:iam::123456789012:mfa/alice',
        username: 'alice',
        user_arn: alice,
        enabledate: '2024-01-01T00:00:00.000Z',
        user: alice,
      },
      {
        id: 'GAHT12345678',
        serialnumber: 'GAHT12345678',
        username: 'alice',
        user_arn: alice,
        enabledate: undefined,
        user: alice,
      },
    ]);
  });
});
