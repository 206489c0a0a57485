import type {
  AwsAccount,
  AwsAccountAssignment,
  AwsIamRole,
  AwsIdentityCenter,
  AwsPermissionSet,
  AwsSsoGroup,
  AwsSsoUser,
} from './estate-types.ts';
import { AWS_POLICY } from './generate-iam.ts';
import { iamUniqueId, uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface IdentityCenterGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  /** The organisation's management account: it holds the instance, in its first region. */
  management: AwsAccount;
  /** The active accounts of the organisation (management included) that assignments reach. */
  accounts: readonly AwsAccount[];
  /** Generic users besides the seeded ones. */
  users: number;
  /** Seed the deliberate misconfigurations (a user with direct admin everywhere, an inline `*` permission set). */
  misconfigurations: boolean;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const FIRST_NAMES = ['jordan', 'sam', 'riley', 'casey', 'morgan', 'taylor', 'jamie', 'alex', 'drew', 'quinn'];

/**
 * The management account's IAM Identity Center instance: users and groups of
 * its identity store, permission sets, and assignments across the
 * organisation's accounts. Each assignment provisions the
 * `AWSReservedSSO_<permission set>_<hash>` role in its account (pushed onto
 * the account's IAM roles), as Identity Center does. Seeded: `alice.admin`
 * holds AdministratorAccess on every account directly (not through a group),
 * and the `break-glass` group the `LegacyFullAccess` permission set, whose
 * inline policy allows `*` on `*`.
 */
export function generateIdentityCenter(input: IdentityCenterGenerationInput): AwsIdentityCenter | undefined {
  const { rng, now, management } = input;
  const region = management.enabledRegions[0];
  if (!region) return undefined;
  const instanceId = `ssoins-${rng.hex(16)}`;
  const storeId = `d-${rng.hex(10)}`;
  const domain = `${management.name.split('-')[0] ?? 'acme'}.example`;
  const user = (userName: string, external: boolean): AwsSsoUser => ({
    userId: `${rng.hex(10)}-${uuid(rng)}`,
    userName,
    displayName: userName.replace('.', ' '),
    email: `${userName}@${domain}`,
    ...(external ? { externalId: { issuer: 'https://scim.okta.example', id: rng.lowerAlnum(20) } } : {}),
  });
  const users = [
    user('alice.admin', false),
    ...Array.from({ length: input.users }, (_, i) =>
      user(`${FIRST_NAMES[i % FIRST_NAMES.length]}.${i}`, rng.chance(0.6)),
    ),
  ];
  const generic = users.slice(1);
  const group = (displayName: string, description: string, members: AwsSsoUser[]): AwsSsoGroup => ({
    groupId: `${rng.hex(10)}-${uuid(rng)}`,
    displayName,
    description,
    memberIds: members.map((u) => u.userId),
  });
  const admins = group('platform-admins', 'Administrators of the platform accounts', generic.slice(0, 1));
  const developers = group(
    'developers',
    'Application developers',
    generic.filter((_, i) => i % 2 === 1),
  );
  const auditors = group(
    'auditors',
    'Security and compliance reviewers',
    generic.filter((_, i) => i % 3 === 0),
  );
  const breakGlass = group('break-glass', 'Emergency access', generic.slice(0, 1));
  const groups = [admins, developers, auditors, ...(input.misconfigurations ? [breakGlass] : [])];

  const permissionSet = (
    name: string,
    description: string,
    managedPolicyArns: string[],
    fields: Partial<AwsPermissionSet> = {},
  ): AwsPermissionSet => ({
    arn: `arn:aws:sso:::permissionSet/${instanceId}/ps-${rng.hex(16)}`,
    name,
    description,
    sessionDuration: 'PT1H',
    createdDate: iso(now - rng.int(100, 900) * DAY),
    managedPolicyArns,
    tags: [{ key: 'owner', value: 'platform' }],
    ...fields,
  });
  const adminSet = permissionSet('AdministratorAccess', 'Full access', [AWS_POLICY.administratorAccess]);
  const powerSet = permissionSet('PowerUserAccess', 'Everything but IAM', [AWS_POLICY.powerUserAccess]);
  const readSet = permissionSet(
    'ReadOnlyAccess',
    'Read-only access',
    [AWS_POLICY.readOnlyAccess, AWS_POLICY.securityAudit],
    {
      sessionDuration: 'PT8H',
    },
  );
  const legacySet = permissionSet('LegacyFullAccess', 'Left over from the migration to Identity Center', [], {
    inlinePolicy: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] },
  });
  const permissionSets = [adminSet, powerSet, readSet, ...(input.misconfigurations ? [legacySet] : [])];

  const assignments: AwsAccountAssignment[] = [];
  const assign = (
    accounts: readonly AwsAccount[],
    set: AwsPermissionSet,
    type: 'USER' | 'GROUP',
    id: string,
  ) => {
    for (const a of accounts)
      assignments.push({ accountId: a.id, permissionSetArn: set.arn, principalType: type, principalId: id });
  };
  const members = input.accounts.filter((a) => a.id !== management.id);
  assign(input.accounts, readSet, 'GROUP', auditors.groupId);
  assign(members, powerSet, 'GROUP', developers.groupId);
  assign([management], adminSet, 'GROUP', admins.groupId);
  if (input.misconfigurations) {
    const [alice] = users;
    if (alice) assign(input.accounts, adminSet, 'USER', alice.userId);
    assign([management], legacySet, 'GROUP', breakGlass.groupId);
  }
  provisionRoles(rng, now, region, input.accounts, permissionSets, assignments);
  return {
    instanceArn: `arn:aws:sso:::instance/${instanceId}`,
    identityStoreId: storeId,
    name: 'organization',
    region,
    createdDate: iso(now - 1000 * DAY),
    status: 'ACTIVE',
    users,
    groups,
    permissionSets,
    assignments,
  };
}

/**
 * The roles Identity Center provisions: one per permission set assigned in an
 * account, under `/aws-reserved/sso.amazonaws.com/` (with the instance's
 * region in the path outside us-east-1), trusting the account's SAML provider.
 */
function provisionRoles(
  rng: Rng,
  now: number,
  region: string,
  accounts: readonly AwsAccount[],
  permissionSets: readonly AwsPermissionSet[],
  assignments: readonly AwsAccountAssignment[],
): void {
  const path = `/aws-reserved/sso.amazonaws.com/${region === 'us-east-1' ? '' : `${region}/`}`;
  for (const account of accounts) {
    const provider = `arn:aws:iam::${account.id}:saml-provider/AWSSSO_${rng.hex(16)}_DO_NOT_DELETE`;
    for (const set of permissionSets) {
      if (!assignments.some((a) => a.accountId === account.id && a.permissionSetArn === set.arn)) continue;
      const roleName = `AWSReservedSSO_${set.name}_${rng.hex(16)}`;
      const role: AwsIamRole = {
        roleName,
        roleId: iamUniqueId(rng, 'AROA'),
        arn: `arn:aws:iam::${account.id}:role${path}${roleName}`,
        path,
        createDate: set.createdDate,
        maxSessionDuration: 3600,
        assumeRolePolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Federated: provider },
              Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'],
              Condition: { StringEquals: { 'SAML:aud': 'https://signin.aws.amazon.com/saml' } },
            },
          ],
        },
        attachedPolicyArns: [...set.managedPolicyArns],
        inlinePolicies: set.inlinePolicy
          ? [{ policyName: 'AwsSSOInlinePolicy', document: set.inlinePolicy }]
          : [],
        instanceProfiles: [],
        roleLastUsed: { lastUsedDate: iso(now - rng.int(0, 30) * DAY), region },
        tags: [],
      };
      account.iam.roles.push(role);
    }
  }
}
