import {
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  type PasswordPolicy,
  type SummaryKeyType,
} from '@aws-sdk/client-iam';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { AWSAccountIam } from '../../schema/account-iam.ts';
import { partitionOf } from '../where.ts';
import { type CredentialRow, credentialReport, reportDate, reportFlag } from './credential-report.ts';
import { optionalCall } from './optional-call.ts';

/** What the account-level IAM calls answered; `undefined` where a call was refused. */
export interface AccountIamPage {
  accountId: string;
  summary: Partial<Record<SummaryKeyType, number>> | undefined;
  /** `null`: the account has no password policy (NoSuchEntity). */
  passwordPolicy: PasswordPolicy | null | undefined;
  /** The root user's row of the credential report. */
  root: CredentialRow | undefined;
}

/** The account's IAM summary, password policy and root credentials, as properties of its node. */
export function transformAccountIam(page: AccountIamPage) {
  const s = page.summary;
  const p = page.passwordPolicy;
  const r = page.root;
  const row: NodeRow<typeof AWSAccountIam> = {
    id: page.accountId,
    account_mfa_enabled: s?.AccountMFAEnabled,
    account_access_keys_present: s?.AccountAccessKeysPresent,
    account_signing_certificates_present: s?.AccountSigningCertificatesPresent,
    mfa_devices: s?.MFADevices,
    mfa_devices_in_use: s?.MFADevicesInUse,
    users: s?.Users,
    groups: s?.Groups,
    roles: s?.Roles,
    policies: s?.Policies,
    instance_profiles: s?.InstanceProfiles,
    providers: s?.Providers,
    server_certificates: s?.ServerCertificates,
    policy_versions_in_use: s?.PolicyVersionsInUse,
    password_policy_present: p === undefined ? undefined : p !== null,
    password_min_length: p?.MinimumPasswordLength,
    password_require_symbols: p?.RequireSymbols,
    password_require_numbers: p?.RequireNumbers,
    password_require_uppercase: p?.RequireUppercaseCharacters,
    password_require_lowercase: p?.RequireLowercaseCharacters,
    password_allow_users_to_change: p?.AllowUsersToChangePassword,
    password_expire_passwords: p?.ExpirePasswords,
    password_max_age_days: p?.MaxPasswordAge,
    password_reuse_prevention: p?.PasswordReusePrevention,
    password_hard_expiry: p?.HardExpiry,
    root_password_last_used: reportDate(r?.password_last_used),
    root_mfa_active: reportFlag(r?.mfa_active),
    root_access_key_1_active: reportFlag(r?.access_key_1_active),
    root_access_key_1_last_rotated: reportDate(r?.access_key_1_last_rotated),
    root_access_key_1_last_used_date: reportDate(r?.access_key_1_last_used_date),
    root_access_key_2_active: reportFlag(r?.access_key_2_active),
    root_access_key_2_last_rotated: reportDate(r?.access_key_2_last_rotated),
    root_access_key_2_last_used_date: reportDate(r?.access_key_2_last_used_date),
  };
  return [load(AWSAccountIam, [row])] as const;
}

/**
 * IAM GetAccountSummary, GetAccountPasswordPolicy and the root user's row of
 * the credential report, onto the account node. Each part the audit role may
 * not read is skipped with a warning and left unknown.
 */
export const accountIamCollector = defineCollector<AwsScopeContext, AccountIamPage>({
  name: 'iam:account',
  schemas: [AWSAccountIam],
  async *fetch(ctx) {
    const iam = ctx.context.clients.iam(ctx.context.region);
    try {
      const summary = await optionalCall(ctx, 'iam:GetAccountSummary', () =>
        iam.send(new GetAccountSummaryCommand({}), { abortSignal: requestSignal(ctx.signal) }),
      );
      const policy = await optionalCall(ctx, 'iam:GetAccountPasswordPolicy', () =>
        iam.send(new GetAccountPasswordPolicyCommand({}), { abortSignal: requestSignal(ctx.signal) }),
      );
      const report = await credentialReport(ctx);
      yield {
        accountId: ctx.context.accountId,
        summary: summary.status === 'ok' ? summary.value.SummaryMap : undefined,
        passwordPolicy:
          policy.status === 'ok'
            ? (policy.value.PasswordPolicy ?? null)
            : policy.status === 'not-found'
              ? null
              : undefined,
        root: report?.get(`arn:${partitionOf(ctx.context.region)}:iam::${ctx.context.accountId}:root`),
      };
    } finally {
      iam.destroy();
    }
  },
  transform: (page) => transformAccountIam(page),
});
