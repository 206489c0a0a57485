import { defineNode } from '@skygraph/core';

/**
 * The account-level IAM facts skygraph keeps on `AWSAccount`:
 * - IAM GetAccountSummary, under the names of Cartography's
 *   `AWSAccountSummarySchema` (numbers, `1`/`0` for the flags);
 * - the account password policy (GetAccountPasswordPolicy), which Cartography
 *   does not collect, in the `password_*` style of its other password
 *   policy models (`password_policy_present` is false where the account has
 *   none, null where it could not be read);
 * - the root user's row of the credential report (`root_*`).
 *
 * They are not the account writer's to set: the organisation scope writes
 * accounts without them. {@link AWSAccountIam} writes them from each
 * account's own scope, onto the node the account writer keeps.
 */
export const AWS_ACCOUNT_IAM_PROPERTIES = {
  /** 1 when the root user has an MFA device. */
  account_mfa_enabled: 'number?',
  /** 1 when the root user has access keys. */
  account_access_keys_present: 'number?',
  account_signing_certificates_present: 'number?',
  mfa_devices: 'number?',
  mfa_devices_in_use: 'number?',
  users: 'number?',
  groups: 'number?',
  roles: 'number?',
  policies: 'number?',
  instance_profiles: 'number?',
  providers: 'number?',
  server_certificates: 'number?',
  policy_versions_in_use: 'number?',
  password_policy_present: 'boolean?',
  password_min_length: 'number?',
  password_require_symbols: 'boolean?',
  password_require_numbers: 'boolean?',
  password_require_uppercase: 'boolean?',
  password_require_lowercase: 'boolean?',
  password_allow_users_to_change: 'boolean?',
  password_expire_passwords: 'boolean?',
  password_max_age_days: 'number?',
  /** How many previous passwords a user cannot reuse. */
  password_reuse_prevention: 'number?',
  password_hard_expiry: 'boolean?',
  /** When the root user's password was last used to sign in (credential report). */
  root_password_last_used: 'string?',
  root_mfa_active: 'boolean?',
  root_access_key_1_active: 'boolean?',
  root_access_key_1_last_rotated: 'string?',
  root_access_key_1_last_used_date: 'string?',
  root_access_key_2_active: 'boolean?',
  root_access_key_2_last_rotated: 'string?',
  root_access_key_2_last_used_date: 'string?',
} as const;

/**
 * The account-level IAM facts as a write of their own onto `AWSAccount` (like
 * Cartography's composite `AWSAccountSummarySchema`): it sets only these
 * properties and has no scope, so nothing is ever cleaned up through it.
 * Queries see the properties on `AWSAccount` itself.
 */
export const AWSAccountIam = defineNode({
  label: 'AWSAccount',
  key: 'id',
  properties: { id: 'string', ...AWS_ACCOUNT_IAM_PROPERTIES },
  description: 'The IAM summary, password policy and root credentials of an AWS account.',
});
