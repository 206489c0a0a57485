import { stringify } from 'csv-stringify/sync';
import { AwsApiError } from './api-error.ts';
import type { AwsAccessKey, AwsAccount, AwsIamUser } from './estate-types.ts';
import type { RequestContext } from './request-context.ts';
import { el, wrap } from './xml.ts';

/**
 * The account-level IAM operations: GetAccountSummary,
 * GetAccountPasswordPolicy and the credential report
 * (GenerateCredentialReport, GetCredentialReport), in the shapes the IAM API
 * reference documents.
 */

/** The documented default quotas GetAccountSummary reports beside the counts. */
const QUOTAS: Record<string, number> = {
  AccessKeysPerUserQuota: 2,
  AttachedPoliciesPerGroupQuota: 10,
  AttachedPoliciesPerRoleQuota: 10,
  AttachedPoliciesPerUserQuota: 10,
  GlobalEndpointTokenVersion: 1,
  GroupPolicySizeQuota: 5120,
  GroupsPerUserQuota: 10,
  GroupsQuota: 300,
  InstanceProfilesQuota: 1000,
  PoliciesQuota: 1500,
  PolicySizeQuota: 6144,
  PolicyVersionsInUseQuota: 10000,
  RolePolicySizeQuota: 10240,
  RolesQuota: 1000,
  ServerCertificatesQuota: 20,
  SigningCertificatesPerUserQuota: 2,
  UserPolicySizeQuota: 2048,
  UsersQuota: 5000,
  VersionsPerPolicyQuota: 5,
};

/** The SummaryMap of an account, computed from its estate. */
export function accountSummary(account: AwsAccount): Record<string, number> {
  const { iam } = account;
  const devices = iam.users.reduce((n, u) => n + u.mfaDevices.length, 0) + iam.root.mfaDevices.length;
  const profiles = new Set(iam.roles.flatMap((r) => r.instanceProfiles.map((p) => p.arn)));
  // Identity providers of the account show up in the trust policies of its roles.
  const providers = new Set(
    iam.roles.flatMap((r) =>
      r.assumeRolePolicyDocument.Statement.flatMap((s) => {
        const federated = s.Principal && s.Principal !== '*' ? s.Principal.Federated : undefined;
        return (Array.isArray(federated) ? federated : federated ? [federated] : []).filter((f) =>
          f.startsWith(`arn:aws:iam::${account.id}:`),
        );
      }),
    ),
  );
  const attachedAws = new Set(
    [...iam.users, ...iam.groups, ...iam.roles]
      .flatMap((e) => e.attachedPolicyArns)
      .filter((arn) => arn.startsWith('arn:aws:iam::aws:')),
  );
  return {
    ...QUOTAS,
    AccountAccessKeysPresent: iam.root.accessKeys.length > 0 ? 1 : 0,
    AccountMFAEnabled: iam.root.mfaDevices.length > 0 ? 1 : 0,
    AccountSigningCertificatesPresent: 0,
    Groups: iam.groups.length,
    InstanceProfiles: profiles.size,
    MFADevices: devices,
    MFADevicesInUse: devices,
    Policies: iam.policies.length,
    PolicyVersionsInUse: iam.policies.reduce((n, p) => n + p.versions.length, 0) + attachedAws.size,
    Providers: providers.size,
    Roles: iam.roles.length,
    ServerCertificates: 0,
    Users: iam.users.length,
  };
}

function getAccountSummary(ctx: RequestContext): string {
  const summary = accountSummary(ctx.account);
  return wrap(
    'SummaryMap',
    Object.entries(summary)
      .map(([key, value]) => wrap('entry', el('key', key) + el('value', value)))
      .join(''),
  );
}

function getAccountPasswordPolicy(ctx: RequestContext): string {
  const policy = ctx.account.iam.passwordPolicy;
  if (!policy)
    throw new AwsApiError(
      'NoSuchEntity',
      `The Password Policy with domain name ${ctx.account.id} cannot be found.`,
      404,
    );
  return wrap(
    'PasswordPolicy',
    el('MinimumPasswordLength', policy.minimumPasswordLength) +
      el('RequireSymbols', policy.requireSymbols) +
      el('RequireNumbers', policy.requireNumbers) +
      el('RequireUppercaseCharacters', policy.requireUppercaseCharacters) +
      el('RequireLowercaseCharacters', policy.requireLowercaseCharacters) +
      el('AllowUsersToChangePassword', policy.allowUsersToChangePassword) +
      el('ExpirePasswords', policy.maxPasswordAge !== undefined) +
      el('MaxPasswordAge', policy.maxPasswordAge) +
      el('PasswordReusePrevention', policy.passwordReusePrevention) +
      el('HardExpiry', policy.hardExpiry),
  );
}

/** How long generating a report takes here; AWS takes seconds and asks callers to poll. */
export const CREDENTIAL_REPORT_GENERATION_MS = 50;
/** IAM serves a report for four hours; a request after that generates a new one. */
const REPORT_LIFETIME_MS = 4 * 3600_000;

/** When each account's report generation started (the emulator's own state, not the estate's). */
const reports = new WeakMap<AwsAccount, number>();

const isoSeconds = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

function generateCredentialReport(ctx: RequestContext): string {
  const now = Date.now();
  const started = reports.get(ctx.account);
  if (started === undefined || now - started > REPORT_LIFETIME_MS) {
    reports.set(ctx.account, now);
    return (
      el('State', 'STARTED') + el('Description', 'No report exists. Starting a new report generation task')
    );
  }
  return el('State', now - started < CREDENTIAL_REPORT_GENERATION_MS ? 'INPROGRESS' : 'COMPLETE');
}

/** Report dates are ISO 8601 with an explicit offset, e.g. `2024-05-01T10:00:00+00:00`. */
const reportDate = (iso: string | undefined, absent = 'N/A') =>
  iso ? new Date(iso).toISOString().replace(/\.\d{3}Z$/, '+00:00') : absent;

function keyColumns(key: AwsAccessKey | undefined): string[] {
  const used = key?.lastUsedDate !== undefined;
  return [
    String(key?.status === 'Active'),
    reportDate(key?.createDate),
    reportDate(key?.lastUsedDate),
    used ? (key?.lastUsedRegion ?? 'N/A') : 'N/A',
    used ? (key?.lastUsedService ?? 'N/A') : 'N/A',
  ];
}

/** The documented columns of the credential report, in order. */
export const CREDENTIAL_REPORT_COLUMNS = [
  'user',
  'arn',
  'user_creation_time',
  'password_enabled',
  'password_last_used',
  'password_last_changed',
  'password_next_rotation',
  'mfa_active',
  'access_key_1_active',
  'access_key_1_last_rotated',
  'access_key_1_last_used_date',
  'access_key_1_last_used_region',
  'access_key_1_last_used_service',
  'access_key_2_active',
  'access_key_2_last_rotated',
  'access_key_2_last_used_date',
  'access_key_2_last_used_region',
  'access_key_2_last_used_service',
  'cert_1_active',
  'cert_1_last_rotated',
  'cert_2_active',
  'cert_2_last_rotated',
] as const;

const NO_CERTIFICATES = ['false', 'N/A', 'false', 'N/A'];

/** The CSV of an account's credential report: the root user first, then every IAM user. */
export function credentialReportCsv(account: AwsAccount): string {
  const { root, passwordPolicy } = account.iam;
  const rows = [
    [
      '<root_account>',
      `arn:aws:iam::${account.id}:root`,
      reportDate(root.createDate),
      'not_supported',
      reportDate(root.passwordLastUsed, 'no_information'),
      'not_supported',
      'not_supported',
      String(root.mfaDevices.length > 0),
      ...keyColumns(root.accessKeys[0]),
      ...keyColumns(root.accessKeys[1]),
      ...NO_CERTIFICATES,
    ],
    ...account.iam.users.map((u: AwsIamUser) => {
      const changed = u.loginProfile?.createDate;
      const maxAge = passwordPolicy?.maxPasswordAge;
      const next =
        changed && maxAge !== undefined
          ? reportDate(new Date(Date.parse(changed) + maxAge * 86_400_000).toISOString())
          : 'N/A';
      return [
        u.userName,
        u.arn,
        reportDate(u.createDate),
        String(u.loginProfile !== undefined),
        u.loginProfile ? reportDate(u.passwordLastUsed, 'no_information') : 'N/A',
        reportDate(changed),
        next,
        String(u.mfaDevices.length > 0),
        ...keyColumns(u.accessKeys[0]),
        ...keyColumns(u.accessKeys[1]),
        ...NO_CERTIFICATES,
      ];
    }),
  ];
  // IAM user names may hold commas: cells are quoted where CSV needs it.
  return stringify([[...CREDENTIAL_REPORT_COLUMNS], ...rows], { record_delimiter: 'unix' }).trimEnd();
}

function getCredentialReport(ctx: RequestContext): string {
  const started = reports.get(ctx.account);
  const now = Date.now();
  if (started === undefined)
    throw new AwsApiError(
      'ReportNotPresent',
      'Credential report does not exist. Use GenerateCredentialReport to generate a credential report.',
      410,
    );
  if (now - started > REPORT_LIFETIME_MS)
    throw new AwsApiError(
      'ReportExpired',
      'Credential report is expired. Use GenerateCredentialReport to generate a new credential report.',
      410,
    );
  if (now - started < CREDENTIAL_REPORT_GENERATION_MS)
    throw new AwsApiError('ReportInProgress', 'Credential report is being generated.', 404);
  return (
    el('Content', Buffer.from(credentialReportCsv(ctx.account), 'utf8').toString('base64')) +
    el('ReportFormat', 'text/csv') +
    el('GeneratedTime', isoSeconds(started + CREDENTIAL_REPORT_GENERATION_MS))
  );
}

export const IAM_ACCOUNT_OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  GetAccountSummary: getAccountSummary,
  GetAccountPasswordPolicy: getAccountPasswordPolicy,
  GenerateCredentialReport: generateCredentialReport,
  GetCredentialReport: getCredentialReport,
};
