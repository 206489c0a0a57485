import { awsQuery } from './provider-query.ts';

/** Accounts and IAM: who can do what in the AWS estate. */

export const awsAccounts = awsQuery({
  name: 'aws_accounts',
  title: 'AWS accounts',
  group: 'account',
  tags: ['inventory', 'estate', 'list'],
  description:
    'Every AWS account in the graph: organisation members and accounts only seen in trust policies',
  cypher: `MATCH (a:AWSAccount)
RETURN a.id AS account_id, a.name AS account_name, a.status AS status, a.inscope AS in_scope, a.foreign AS foreign
ORDER BY account_name, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    status: 'string?',
    in_scope: 'boolean?',
    foreign: 'boolean?',
  },
  identity: ['account_id'],
});

export const iamUsers = awsQuery({
  name: 'iam_users',
  title: 'IAM users',
  group: 'iam',
  tags: ['inventory', 'list', 'identity'],
  description: 'Named IAM users by account, with when their password was last used',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)
RETURN a.id AS account_id, a.name AS account_name, u.name AS user_name, u.arn AS user_arn, u.createdate AS created, u.passwordlastused AS password_last_used
ORDER BY account_name, user_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    user_name: 'string',
    user_arn: 'string',
    created: 'string?',
    password_last_used: 'string?',
  },
  identity: ['user_arn'],
});

export const iamUsersWithPassword = awsQuery({
  name: 'iam_user_password',
  title: 'IAM users signing in with a password',
  group: 'iam',
  tags: ['security', 'identity', 'anomaly'],
  description: 'IAM users that have used a console password: long-lived credentials outside single sign-on',
  severity: 'low',
  remediation: 'Move people to IAM Identity Center (SSO) and delete the login profiles of IAM users.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)
WHERE u.passwordlastused IS NOT NULL AND u.passwordlastused <> ''
RETURN a.id AS account_id, a.name AS account_name, u.name AS user_name, u.arn AS user_arn, u.passwordlastused AS password_last_used
ORDER BY account_name, user_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    user_name: 'string',
    user_arn: 'string',
    password_last_used: 'string',
  },
  identity: ['user_arn'],
});

export const iamAccessKeys = awsQuery({
  name: 'iam_access_keys',
  title: 'IAM access keys',
  group: 'iam',
  tags: ['inventory', 'identity', 'drift'],
  description: 'Access keys of IAM users, with their age and last use',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)-[:AWS_ACCESS_KEY]->(k:AWSAccountAccessKey)
RETURN a.id AS account_id, a.name AS account_name, u.name AS user_name, k.accesskeyid AS access_key_id, k.status AS status, k.createdate AS created, k.lastuseddate AS last_used
ORDER BY account_name, user_name, access_key_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    user_name: 'string',
    access_key_id: 'string',
    status: 'string?',
    created: 'string?',
    last_used: 'string?',
  },
  identity: ['access_key_id'],
});

/** What the access-key age and use findings return, for `(a:AWSAccount)`, `(u:AWSUser)` and `(k:AWSAccountAccessKey)`. */
const ACCESS_KEY_RETURN =
  'RETURN a.id AS account_id, a.name AS account_name, u.name AS user_name, k.accesskeyid AS access_key_id, k.createdate AS created, k.lastuseddate AS last_used';
const ACCESS_KEY_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  user_name: 'string',
  access_key_id: 'string',
  created: 'string',
  last_used: 'string?',
} as const;

export const iamAccessKeysOld = awsQuery({
  name: 'iam_access_key_old',
  title: 'Old active access keys',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description: 'Active access keys created more than $days days ago (not rotated)',
  severity: 'medium',
  remediation:
    'Rotate the key (create a new one, switch the consumer, delete the old one), or replace it with a role.',
  parameters: [{ name: 'days', type: 'number', default: 90, description: 'Maximum key age in days' }],
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)-[:AWS_ACCESS_KEY]->(k:AWSAccountAccessKey)
WHERE coalesce(k.status, 'Active') = 'Active' AND datetime(k.createdate) < datetime() - duration({days: $days})
${ACCESS_KEY_RETURN}
ORDER BY created, access_key_id`,
  columns: ACCESS_KEY_COLUMNS,
  identity: ['access_key_id'],
});

export const iamAccessKeysUnused = awsQuery({
  name: 'iam_access_key_unused',
  title: 'Active access keys not used lately',
  group: 'iam',
  tags: ['security', 'identity', 'anomaly'],
  description: 'Active access keys not used for $days days (or never used and older than that)',
  severity: 'medium',
  remediation: 'Deactivate the key, and delete it once nothing breaks; workloads should use roles instead.',
  parameters: [{ name: 'days', type: 'number', default: 90, description: 'Days without use' }],
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)-[:AWS_ACCESS_KEY]->(k:AWSAccountAccessKey)
WHERE coalesce(k.status, 'Active') = 'Active' AND datetime(coalesce(k.lastuseddate, k.createdate)) < datetime() - duration({days: $days})
${ACCESS_KEY_RETURN}
ORDER BY last_used, created, access_key_id`,
  columns: ACCESS_KEY_COLUMNS,
  identity: ['access_key_id'],
});

export const iamUserConsoleWithoutMfa = awsQuery({
  name: 'iam_user_console_no_mfa',
  title: 'IAM users signing in without MFA',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description: 'IAM users with a console password and no MFA device (credential report)',
  severity: 'high',
  remediation:
    'Require MFA for console users (an IAM policy denying everything without aws:MultiFactorAuthPresent), or remove the login profile.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)
WHERE u.password_enabled = true AND u.mfa_active = false
RETURN a.id AS account_id, a.name AS account_name, u.name AS user_name, u.arn AS user_arn, u.passwordlastused AS password_last_used
ORDER BY account_name, user_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    user_name: 'string',
    user_arn: 'string',
    password_last_used: 'string?',
  },
  identity: ['user_arn'],
});

export const iamRootWithoutMfa = awsQuery({
  name: 'iam_root_no_mfa',
  title: 'Root users without MFA',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description: 'Accounts whose root user has no MFA device (IAM GetAccountSummary AccountMFAEnabled)',
  severity: 'critical',
  remediation:
    'Sign in as root and enable MFA (a hardware key for the management account), or manage root access centrally with Organizations.',
  cypher: `MATCH (a:AWSAccount)
WHERE a.account_mfa_enabled = 0
RETURN a.id AS account_id, a.name AS account_name, a.root_password_last_used AS root_password_last_used
ORDER BY account_name, account_id`,
  columns: { account_id: 'string', account_name: 'string?', root_password_last_used: 'string?' },
  identity: ['account_id'],
});

export const iamRootAccessKeys = awsQuery({
  name: 'iam_root_access_keys',
  title: 'Root users with access keys',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Accounts whose root user has access keys (AccountAccessKeysPresent): unrestricted, long-lived credentials',
  severity: 'critical',
  remediation: 'Delete the root access keys; give the workloads that use them an IAM role.',
  cypher: `MATCH (a:AWSAccount)
WHERE a.account_access_keys_present = 1
RETURN a.id AS account_id, a.name AS account_name,
  [d IN [a.root_access_key_1_last_used_date, a.root_access_key_2_last_used_date] WHERE d IS NOT NULL] AS keys_last_used
ORDER BY account_name, account_id`,
  columns: { account_id: 'string', account_name: 'string?', keys_last_used: 'string[]' },
  identity: ['account_id'],
});

export const iamPasswordPolicyWeak = awsQuery({
  name: 'iam_password_policy_weak',
  title: 'Weak or missing password policy',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Accounts without a password policy, or whose policy allows passwords shorter than $min_length characters, remembers fewer than $reuse of them, or does not require every character class',
  severity: 'medium',
  remediation:
    'Set a password policy: at least 14 characters, upper and lower case, numbers and symbols, 24 remembered passwords.',
  parameters: [
    { name: 'min_length', type: 'number', default: 14, description: 'Shortest acceptable minimum length' },
    { name: 'reuse', type: 'number', default: 24, description: 'Fewest acceptable remembered passwords' },
  ],
  cypher: `MATCH (a:AWSAccount)
WHERE a.password_policy_present IS NOT NULL
WITH a, [w IN [
  CASE WHEN a.password_policy_present = false THEN 'no password policy' END,
  CASE WHEN a.password_min_length < $min_length THEN 'minimum length ' + toString(a.password_min_length) END,
  CASE WHEN a.password_policy_present AND coalesce(a.password_reuse_prevention, 0) < $reuse THEN 'remembers ' + toString(coalesce(a.password_reuse_prevention, 0)) + ' passwords' END,
  CASE WHEN a.password_require_symbols = false THEN 'no symbols required' END,
  CASE WHEN a.password_require_numbers = false THEN 'no numbers required' END,
  CASE WHEN a.password_require_uppercase = false THEN 'no upper case required' END,
  CASE WHEN a.password_require_lowercase = false THEN 'no lower case required' END
] WHERE w IS NOT NULL] AS weaknesses
WHERE size(weaknesses) > 0
RETURN a.id AS account_id, a.name AS account_name, a.password_policy_present AS has_policy, a.password_min_length AS min_length, weaknesses
ORDER BY account_name, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    has_policy: 'boolean',
    min_length: 'number?',
    weaknesses: 'string[]',
  },
  identity: ['account_id'],
});

export const iamUserManyGroups = awsQuery({
  name: 'iam_user_many_groups',
  title: 'IAM users in many groups',
  group: 'iam',
  tags: ['security', 'identity', 'drift'],
  description:
    'IAM users that belong to more than $max_groups groups: permissions that accumulated over time',
  severity: 'low',
  remediation:
    'Review the memberships; give the user one role-shaped group, or move them to SSO permission sets.',
  parameters: [
    {
      name: 'max_groups',
      type: 'number',
      default: 4,
      description: 'Group memberships above which a user is reported',
    },
  ],
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSUser)-[:MEMBER_AWS_GROUP]->(g:AWSGroup)
WITH a, u, g ORDER BY g.name
WITH a, u, collect(DISTINCT g.name) AS groups
WHERE size(groups) > $max_groups
RETURN a.id AS account_id, a.name AS account_name, u.name AS user_name, u.arn AS user_arn, size(groups) AS group_count, groups
ORDER BY group_count DESC, user_name, user_arn`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    user_name: 'string',
    user_arn: 'string',
    group_count: 'number',
    groups: 'string[]',
  },
  identity: ['user_arn'],
});

export const iamGroups = awsQuery({
  name: 'iam_groups',
  title: 'IAM groups',
  group: 'iam',
  tags: ['inventory', 'list', 'identity'],
  description: 'IAM groups by account, with their members',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(g:AWSGroup)
OPTIONAL MATCH (u:AWSUser)-[:MEMBER_AWS_GROUP]->(g)
WITH a, g, u ORDER BY u.name
RETURN a.id AS account_id, a.name AS account_name, g.name AS group_name, g.arn AS group_arn, collect(DISTINCT u.name) AS members
ORDER BY account_name, group_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    group_name: 'string',
    group_arn: 'string',
    members: 'string[]',
  },
  identity: ['group_arn'],
});

export const iamRoles = awsQuery({
  name: 'iam_roles',
  title: 'IAM roles',
  group: 'iam',
  tags: ['inventory', 'list', 'identity'],
  description: 'IAM roles by account',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)
RETURN a.id AS account_id, a.name AS account_name, r.name AS role_name, r.arn AS role_arn, r.createdate AS created
ORDER BY account_name, role_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    role_name: 'string',
    role_arn: 'string',
    created: 'string?',
  },
  identity: ['role_arn'],
});

export const iamRoleTrusts = awsQuery({
  name: 'iam_role_trusted_principals',
  title: 'Who each role trusts',
  group: 'iam',
  tags: ['inventory', 'security', 'identity', 'drift'],
  description:
    'The principals each role trust policy names (accounts, users, roles, services, identity providers)',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)
OPTIONAL MATCH (r)-[:TRUSTS_AWS_PRINCIPAL]->(p:AWSPrincipal)
WITH a, r, p ORDER BY p.arn
WITH a, r, collect(DISTINCT p.arn) AS linked
WITH a, r, linked + [x IN coalesce(r.trusted_aws_principals, []) WHERE NOT x IN linked] AS principals
WHERE size(principals) > 0
RETURN a.id AS account_id, a.name AS account_name, r.name AS role_name, r.arn AS role_arn, principals, size(principals) AS principal_count
ORDER BY principal_count DESC, account_name, role_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    role_name: 'string',
    role_arn: 'string',
    principals: 'string[]',
    principal_count: 'number',
  },
  identity: ['role_arn'],
});

export const iamRoleAssumableBy = awsQuery({
  name: 'iam_role_assumable_by',
  title: 'Which principals can assume each role',
  group: 'iam',
  tags: ['inventory', 'security', 'identity', 'drift'],
  description:
    'Principals whose policies allow sts:AssumeRole on a role that also trusts them (STS_ASSUMEROLE_ALLOW)',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)<-[:STS_ASSUMEROLE_ALLOW]-(p:AWSPrincipal)
WITH a, r, p ORDER BY p.arn
RETURN a.id AS account_id, a.name AS account_name, r.name AS role_name, r.arn AS role_arn, collect(DISTINCT p.arn) AS principals, count(DISTINCT p) AS principal_count
ORDER BY principal_count DESC, account_name, role_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    role_name: 'string',
    role_arn: 'string',
    principals: 'string[]',
    principal_count: 'number',
  },
  identity: ['role_arn'],
});

export const iamRoleTrustsEveryone = awsQuery({
  name: 'iam_role_trusts_everyone',
  title: 'Roles any AWS principal can assume',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Roles whose trust policy names the principal "*": anyone with an AWS account can try to assume them',
  severity: 'critical',
  remediation:
    'Name the trusted accounts or roles in the trust policy, and add conditions such as sts:ExternalId or aws:PrincipalOrgID.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)
WHERE '*' IN coalesce(r.trusted_aws_principals, []) OR EXISTS { MATCH (r)-[:TRUSTS_AWS_PRINCIPAL]->(p:AWSPrincipal) WHERE p.arn = '*' }
RETURN a.id AS account_id, a.name AS account_name, r.name AS role_name, r.arn AS role_arn
ORDER BY account_name, role_name`,
  columns: { account_id: 'string', account_name: 'string?', role_name: 'string', role_arn: 'string' },
  identity: ['role_arn'],
});

export const iamRoleTrustsOutside = awsQuery({
  name: 'iam_role_trusts_external_account',
  title: 'Roles trusting accounts outside the organisation',
  group: 'iam',
  tags: ['security', 'identity', 'drift'],
  description: 'Roles that principals of an account outside the organisation can assume',
  severity: 'high',
  remediation:
    'Confirm the third party needs the role; require sts:ExternalId and keep its permissions minimal.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)
OPTIONAL MATCH (r)-[:TRUSTS_AWS_PRINCIPAL]->(p:AWSPrincipal)
WITH a, r, collect(p.arn) + coalesce(r.trusted_aws_principals, []) AS trusted
UNWIND trusted AS principal
WITH a, r, principal, CASE WHEN principal =~ '^[0-9]{12}$' THEN principal ELSE split(principal, ':')[4] END AS trusted_account
WHERE trusted_account IS NOT NULL AND trusted_account =~ '^[0-9]{12}$' AND trusted_account <> a.id
  AND NOT EXISTS { MATCH (o:AWSAccount) WHERE o.id = trusted_account AND coalesce(o.foreign, false) = false }
WITH a, r, principal, trusted_account ORDER BY principal
RETURN a.id AS account_id, a.name AS account_name, r.name AS role_name, r.arn AS role_arn, trusted_account, collect(DISTINCT principal) AS principals
ORDER BY account_name, role_name, trusted_account`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    role_name: 'string',
    role_arn: 'string',
    trusted_account: 'string',
    principals: 'string[]',
  },
  identity: ['role_arn', 'trusted_account'],
});

export const iamAdmins = awsQuery({
  name: 'iam_admin_principals',
  title: 'Principals with administrator rights',
  group: 'iam',
  tags: ['security', 'identity', 'drift'],
  description: 'Users, groups and roles allowed every action on every resource, directly or through a group',
  severity: 'high',
  remediation:
    'Keep administrator rights to a few break-glass roles; give people and workloads least-privilege policies.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(p:AWSPrincipal)
MATCH (p)-[:MEMBER_AWS_GROUP*0..1]->(holder:AWSPrincipal)-[:POLICY]->(policy:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE s.effect = 'Allow' AND any(x IN coalesce(s.action, []) WHERE x IN ['*', '*:*', 'iam:*']) AND '*' IN coalesce(s.resource, [])
WITH a, p, policy, holder ORDER BY policy.name, holder.name
RETURN a.id AS account_id, a.name AS account_name, p.name AS principal_name, p.arn AS principal_arn, collect(DISTINCT policy.name) AS policies, collect(DISTINCT holder.name) AS granted_through
ORDER BY account_name, principal_name, principal_arn`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    principal_name: 'string?',
    principal_arn: 'string',
    policies: 'string[]',
    granted_through: 'string[]',
  },
  identity: ['principal_arn'],
});

export const iamAssumeAnyRole = awsQuery({
  name: 'iam_assume_any_role',
  title: 'Principals allowed to assume any role',
  group: 'iam',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Principals allowed sts:AssumeRole on every resource: they can pivot into any role that trusts their account',
  severity: 'high',
  remediation: 'Restrict the Resource of sts:AssumeRole to the role ARNs the principal needs.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(p:AWSPrincipal)
MATCH (p)-[:MEMBER_AWS_GROUP*0..1]->(holder:AWSPrincipal)-[:POLICY]->(policy:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE s.effect = 'Allow' AND any(x IN coalesce(s.action, []) WHERE x IN ['sts:AssumeRole', 'sts:*']) AND '*' IN coalesce(s.resource, [])
WITH a, p, policy ORDER BY policy.name
RETURN a.id AS account_id, a.name AS account_name, p.name AS principal_name, p.arn AS principal_arn, collect(DISTINCT policy.name) AS policies
ORDER BY account_name, principal_name, principal_arn`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    principal_name: 'string?',
    principal_arn: 'string',
    policies: 'string[]',
  },
  identity: ['principal_arn'],
});

export const awsIamQueries = [
  awsAccounts,
  iamUsers,
  iamUsersWithPassword,
  iamAccessKeys,
  iamAccessKeysOld,
  iamAccessKeysUnused,
  iamUserConsoleWithoutMfa,
  iamRootWithoutMfa,
  iamRootAccessKeys,
  iamPasswordPolicyWeak,
  iamUserManyGroups,
  iamGroups,
  iamRoles,
  iamRoleTrusts,
  iamRoleAssumableBy,
  iamRoleTrustsEveryone,
  iamRoleTrustsOutside,
  iamAdmins,
  iamAssumeAnyRole,
] as const;
