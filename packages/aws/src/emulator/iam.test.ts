import {
  GenerateCredentialReportCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
  GetAccountPasswordPolicyCommand,
  GetAccountSummaryCommand,
  GetCredentialReportCommand,
  GetLoginProfileCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListMFADevicesCommand,
  ListPoliciesCommand,
  paginateGetAccountAuthorizationDetails,
  paginateListGroups,
  paginateListRoles,
  paginateListUsers,
} from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PolicyDocument } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;
let iam: IAMClient;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 31,
    scale: { accounts: 3, regionsPerAccount: 1, resourcesPerRegion: 2, usersPerAccount: 12 },
  });
  iam = new IAMClient(clientConfig(emulator));
});
afterAll(() => emulator.close());

const decode = (doc: string | undefined): PolicyDocument =>
  JSON.parse(decodeURIComponent(doc ?? '')) as PolicyDocument;

async function allDetails(
  client: IAMClient,
  filter?: ('User' | 'Role' | 'Group' | 'LocalManagedPolicy' | 'AWSManagedPolicy')[],
) {
  const pages: GetAccountAuthorizationDetailsCommandOutput[] = [];
  for await (const page of paginateGetAccountAuthorizationDetails(
    { client, pageSize: 7 },
    filter ? { Filter: filter } : {},
  ))
    pages.push(page);
  return {
    pages: pages.length,
    users: pages.flatMap((p) => p.UserDetailList ?? []),
    groups: pages.flatMap((p) => p.GroupDetailList ?? []),
    roles: pages.flatMap((p) => p.RoleDetailList ?? []),
    policies: pages.flatMap((p) => p.Policies ?? []),
  };
}

describe('IAM emulation', () => {
  it('pages GetAccountAuthorizationDetails and returns every entity of the account', async () => {
    const account = emulator.estate.accounts[0];
    const details = await allDetails(iam);
    const { users, groups, roles, policies } = account?.iam ?? {
      users: [],
      groups: [],
      roles: [],
      policies: [],
    };
    expect(details.pages).toBeGreaterThan(3);
    expect(details.users.map((u) => u.UserName)).toEqual(users.map((u) => u.userName));
    expect(details.groups.map((g) => g.GroupName)).toEqual(groups.map((g) => g.groupName));
    expect(details.roles.map((r) => r.RoleName)).toEqual(roles.map((r) => r.roleName));
    const local = details.policies.filter((p) => !p.Arn?.startsWith('arn:aws:iam::aws:'));
    expect(local.map((p) => p.PolicyName)).toEqual(policies.map((p) => p.policyName));
    const adminPolicy = details.policies.find((p) => p.PolicyName === 'AdministratorAccess');
    expect(adminPolicy?.AttachmentCount).toBeGreaterThan(0);
    expect(decode(adminPolicy?.PolicyVersionList?.[0]?.Document).Statement[0]).toMatchObject({
      Action: '*',
      Resource: '*',
    });
  });

  it('filters GetAccountAuthorizationDetails by entity type', async () => {
    const details = await allDetails(iam, ['Role']);
    expect(details.users).toEqual([]);
    expect(details.policies).toEqual([]);
    expect(details.roles.length).toBeGreaterThan(3);
  });

  it('renders the seeded risky principals in the documented shape', async () => {
    const { users, roles, policies } = await allDetails(iam);
    const alice = users.find((u) => u.UserName === 'admin-alice');
    expect(alice?.AttachedManagedPolicies).toEqual([
      { PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' },
    ]);
    const bob = users.find((u) => u.UserName === 'ops-bob');
    expect(decode(bob?.UserPolicyList?.[0]?.PolicyDocument).Statement[0]).toMatchObject({
      Effect: 'Allow',
      Action: '*',
      Resource: '*',
    });
    expect(users.find((u) => u.UserName === 'many-groups-carol')?.GroupList?.length).toBeGreaterThanOrEqual(
      5,
    );
    const dave = users.find((u) => u.UserName === 'assume-anything-dave');
    expect(decode(dave?.UserPolicyList?.[0]?.PolicyDocument).Statement[0]).toMatchObject({
      Action: 'sts:AssumeRole',
      Resource: '*',
    });

    const vendor = roles.find((r) => r.RoleName === 'cross-account-vendor-role');
    const external = emulator.estate.accounts.find((a) => a.parentId === undefined)?.id;
    expect(decode(vendor?.AssumeRolePolicyDocument).Statement[0]?.Principal).toEqual({
      AWS: `arn:aws:iam::${external}:root`,
    });
    expect(
      decode(roles.find((r) => r.RoleName === 'trust-everyone-role')?.AssumeRolePolicyDocument).Statement[0]
        ?.Principal,
    ).toEqual({
      AWS: '*',
    });
    const app = roles.find((r) => r.RoleName === 'ec2-app-role');
    expect(decode(app?.AssumeRolePolicyDocument).Statement[0]?.Principal).toEqual({
      Service: 'ec2.amazonaws.com',
    });
    expect(app?.InstanceProfileList?.[0]).toMatchObject({
      InstanceProfileName: 'ec2-app-profile',
      Roles: [{ RoleName: 'ec2-app-role' }],
    });
    expect(app?.RoleLastUsed?.LastUsedDate).toBeInstanceOf(Date);
    const versioned = policies.find((p) => p.PolicyName === 'app-bucket-read');
    expect(versioned?.PolicyVersionList?.map((v) => [v.VersionId, v.IsDefaultVersion])).toEqual([
      ['v1', false],
      ['v2', true],
    ]);
    expect(versioned?.DefaultVersionId).toBe('v2');
  });

  it('lists users with PasswordLastUsed, and access keys old and new', async () => {
    const users: { UserName?: string; PasswordLastUsed?: Date }[] = [];
    let pages = 0;
    for await (const page of paginateListUsers({ client: iam, pageSize: 4 }, {})) {
      pages++;
      users.push(...(page.Users ?? []));
    }
    expect(pages).toBeGreaterThan(2);
    expect(users.find((u) => u.UserName === 'admin-alice')?.PasswordLastUsed).toBeInstanceOf(Date);
    expect(users.find((u) => u.UserName === 'ci-deployer')?.PasswordLastUsed).toBeUndefined();
    const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'ci-deployer' }));
    const ages = (keys.AccessKeyMetadata ?? []).map(
      (k) => (Date.now() - (k.CreateDate?.getTime() ?? 0)) / 86_400_000,
    );
    expect(Math.max(...ages)).toBeGreaterThan(365);
    expect(Math.min(...ages)).toBeLessThan(90);
    expect(keys.AccessKeyMetadata?.[0]?.AccessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    const profile = await iam.send(new GetLoginProfileCommand({ UserName: 'admin-alice' }));
    expect(profile.LoginProfile?.UserName).toBe('admin-alice');
    expect((await rejectionOf(iam.send(new GetLoginProfileCommand({ UserName: 'ci-deployer' })))).name).toBe(
      'NoSuchEntityException',
    );
    expect((await rejectionOf(iam.send(new ListAccessKeysCommand({ UserName: 'nobody' })))).name).toBe(
      'NoSuchEntityException',
    );
  });

  it('lists roles, groups and policies with Marker paging', async () => {
    const roles: string[] = [];
    for await (const page of paginateListRoles({ client: iam, pageSize: 2 }, {}))
      roles.push(...(page.Roles ?? []).map((r) => r.RoleName ?? ''));
    expect(roles).toEqual(emulator.estate.accounts[0]?.iam.roles.map((r) => r.roleName));
    const groups: string[] = [];
    for await (const page of paginateListGroups({ client: iam, pageSize: 3 }, {}))
      groups.push(...(page.Groups ?? []).map((g) => g.GroupName ?? ''));
    expect(groups).toContain('admins');
    const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local' }));
    expect(local.Policies?.every((p) => p.Arn?.includes(emulator.estate.accounts[0]?.id ?? '-'))).toBe(true);
    const attachedAws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS', OnlyAttached: true }));
    expect(attachedAws.Policies?.map((p) => p.PolicyName)).toContain('AdministratorAccess');
    expect(attachedAws.IsTruncated).toBe(false);
  });

  it('summarises the account: root MFA and keys, and the counts of its entities', async () => {
    const [management, member] = emulator.estate.accounts;
    if (!management || !member) throw new Error('the estate has no member account');
    const summary = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap;
    expect(summary).toMatchObject({
      AccountMFAEnabled: 1,
      AccountAccessKeysPresent: 0,
      Users: management.iam.users.length,
      Groups: management.iam.groups.length,
      Roles: management.iam.roles.length,
      Policies: management.iam.policies.length,
      InstanceProfiles: 1,
      UsersQuota: 5000,
    });
    const memberIam = new IAMClient(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, member.id) }),
    );
    // The second account of a misconfigured estate has an unsecured root user with an access key.
    expect((await memberIam.send(new GetAccountSummaryCommand({}))).SummaryMap).toMatchObject({
      AccountMFAEnabled: 0,
      AccountAccessKeysPresent: 1,
    });
  });

  it('returns the password policy, or NoSuchEntity where the account has none', async () => {
    const policy = (await iam.send(new GetAccountPasswordPolicyCommand({}))).PasswordPolicy;
    expect(policy).toEqual({
      MinimumPasswordLength: 14,
      RequireSymbols: true,
      RequireNumbers: true,
      RequireUppercaseCharacters: true,
      RequireLowercaseCharacters: true,
      AllowUsersToChangePassword: true,
      ExpirePasswords: true,
      MaxPasswordAge: 90,
      PasswordReusePrevention: 24,
      HardExpiry: false,
    });
    const without = emulator.estate.accounts.find((a) => a.parentId !== undefined && !a.iam.passwordPolicy);
    if (!without) throw new Error('no account without a password policy');
    const client = new IAMClient(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, without.id) }),
    );
    const error = await rejectionOf(client.send(new GetAccountPasswordPolicyCommand({})));
    expect(error.name).toBe('NoSuchEntityException');
    expect(error.$metadata?.httpStatusCode).toBe(404);
  });

  it('generates the credential report, then serves it as base64 CSV with the documented columns', async () => {
    const member = emulator.estate.accounts[1];
    if (!member) throw new Error('the estate has no member account');
    const client = new IAMClient(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, member.id) }),
    );
    expect((await rejectionOf(client.send(new GetCredentialReportCommand({})))).name).toBe(
      'CredentialReportNotPresentException',
    );
    expect((await client.send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await rejectionOf(client.send(new GetCredentialReportCommand({})))).name).toBe(
      'CredentialReportNotReadyException',
    );
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect((await client.send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await client.send(new GetCredentialReportCommand({}));
    expect(report.ReportFormat).toBe('text/csv');
    expect(report.GeneratedTime).toBeInstanceOf(Date);
    const [header, ...lines] = Buffer.from(report.Content ?? new Uint8Array())
      .toString('utf8')
      .split('\n');
    const columns = header?.split(',') ?? [];
    expect(columns.slice(0, 9)).toEqual([
      'user',
      'arn',
      'user_creation_time',
      'password_enabled',
      'password_last_used',
      'password_last_changed',
      'password_next_rotation',
      'mfa_active',
      'access_key_1_active',
    ]);
    expect(columns).toHaveLength(22);
    const rows = lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [columns[i], v])));
    expect(rows[0]).toMatchObject({
      user: '<root_account>',
      arn: `arn:aws:iam::${member.id}:root`,
      password_enabled: 'not_supported',
      mfa_active: 'false',
      access_key_1_active: 'true',
    });
    expect(rows[0]?.access_key_1_last_used_date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/);
    expect(rows.slice(1).map((r) => r.user)).toEqual(member.iam.users.map((u) => u.userName));
    const bob = rows.find((r) => r.user === 'ops-bob');
    expect(bob).toMatchObject({
      password_enabled: 'true',
      mfa_active: 'false',
      access_key_2_active: 'false',
    });
    expect(rows.find((r) => r.user === 'ci-deployer')).toMatchObject({
      password_enabled: 'false',
      password_last_used: 'N/A',
      access_key_2_active: 'true',
    });
  });

  it('lists virtual and hardware MFA devices of a user', async () => {
    const alice = await iam.send(new ListMFADevicesCommand({ UserName: 'admin-alice' }));
    expect(alice.MFADevices?.[0]?.SerialNumber).toMatch(/^arn:aws:iam::\d{12}:mfa\/admin-alice$/);
    expect(alice.MFADevices?.[0]?.EnableDate).toBeInstanceOf(Date);
    const carol = await iam.send(new ListMFADevicesCommand({ UserName: 'many-groups-carol' }));
    expect(carol.MFADevices?.map((d) => d.SerialNumber)).toEqual([expect.stringMatching(/^GAHT\d{8}$/)]);
    expect((await iam.send(new ListMFADevicesCommand({ UserName: 'ops-bob' }))).MFADevices).toEqual([]);
  });

  it('answers for the assumed account only', async () => {
    const member = emulator.estate.accounts[1];
    const client = new IAMClient(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, member?.id ?? '') }),
    );
    const details = await allDetails(client, ['User']);
    expect(details.users.map((u) => u.Arn)).toEqual(member?.iam.users.map((u) => u.arn));
    expect(details.users.every((u) => u.Arn?.includes(`::${member?.id}:`))).toBe(true);
  });
});
