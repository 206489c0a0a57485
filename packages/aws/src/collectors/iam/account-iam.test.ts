import { describe, expect, it } from 'vitest';
import { transformAccountIam } from './account-iam.ts';

const ROOT = {
  user: '<root_account>',
  arn: 'arn:aws:iam::123456789012:root',
  password_last_used: '2024-05-01T10:00:00+00:00',
  mfa_active: 'false',
  access_key_1_active: 'true',
  access_key_1_last_rotated: '2019-01-01T00:00:00+00:00',
  access_key_1_last_used_date: 'N/A',
  access_key_2_active: 'false',
  access_key_2_last_rotated: 'N/A',
  access_key_2_last_used_date: 'N/A',
};

describe('transformAccountIam', () => {
  it("writes the summary under Cartography's names, the password policy and the root user", () => {
    const [account] = transformAccountIam({
      accountId: '123456789012',
      summary: {
        AccountMFAEnabled: 0,
        AccountAccessKeysPresent: 1,
        Users: 7,
        MFADevices: 3,
        UsersQuota: 5000,
      },
      passwordPolicy: {
        MinimumPasswordLength: 8,
        RequireSymbols: false,
        RequireNumbers: true,
        ExpirePasswords: false,
        PasswordReusePrevention: undefined,
      },
      root: ROOT,
    });
    expect(account?.schema.label).toBe('AWSAccount');
    expect(account?.rows).toEqual([
      expect.objectContaining({
        id: '123456789012',
        account_mfa_enabled: 0,
        account_access_keys_present: 1,
        users: 7,
        mfa_devices: 3,
        password_policy_present: true,
        password_min_length: 8,
        password_require_symbols: false,
        password_require_numbers: true,
        password_expire_passwords: false,
        password_reuse_prevention: undefined,
        root_password_last_used: '2024-05-01T10:00:00.000Z',
        root_mfa_active: false,
        root_access_key_1_active: true,
        root_access_key_1_last_rotated: '2019-01-01T00:00:00.000Z',
        root_access_key_1_last_used_date: undefined,
        root_access_key_2_active: false,
      }),
    ]);
    expect(Object.keys(account?.rows[0] ?? {})).not.toContain('UsersQuota');
  });

  it('tells an account without a password policy from one whose policy could not be read', () => {
    const none = transformAccountIam({
      accountId: '1',
      summary: undefined,
      passwordPolicy: null,
      root: undefined,
    });
    expect(none[0]?.rows[0]).toMatchObject({
      password_policy_present: false,
      password_min_length: undefined,
    });
    const unknown = transformAccountIam({
      accountId: '1',
      summary: undefined,
      passwordPolicy: undefined,
      root: undefined,
    });
    expect(unknown[0]?.rows[0]?.password_policy_present).toBeUndefined();
    expect(unknown[0]?.rows[0]?.account_mfa_enabled).toBeUndefined();
  });
});
