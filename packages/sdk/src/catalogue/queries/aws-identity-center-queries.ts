import { awsQuery } from './provider-query.ts';

/** IAM Identity Center: who reaches which accounts through which permission sets. */

export const identityCenterPermissionSets = awsQuery({
  name: 'identitycenter_permission_sets',
  title: 'IAM Identity Center permission sets',
  group: 'identitycenter',
  tags: ['inventory', 'list', 'identity'],
  description:
    'Permission sets of the Identity Center instance, with their policies and the accounts where they provision a role',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(ps:AWSPermissionSet)
OPTIONAL MATCH (ps)-[:ASSIGNED_TO_ROLE]->(r:AWSRole)<-[:RESOURCE]-(t:AWSAccount)
WITH a, ps, t ORDER BY t.id
WITH a, ps, collect(DISTINCT t.id) AS accounts
RETURN a.id AS account_id, a.name AS account_name, ps.name AS permission_set, ps.arn AS permission_set_arn, ps.session_duration AS session_duration, ps.managed_policy_arns AS managed_policies, ps.inline_policy IS NOT NULL AS has_inline_policy, ps.grants_admin AS grants_admin, accounts AS provisioned_in
ORDER BY account_name, permission_set`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    permission_set: 'string?',
    permission_set_arn: 'string',
    session_duration: 'string?',
    managed_policies: 'string[]?',
    has_inline_policy: 'boolean',
    grants_admin: 'boolean?',
    provisioned_in: 'string[]',
  },
  identity: ['permission_set_arn'],
});

export const identityCenterAdminAccess = awsQuery({
  name: 'identitycenter_admin_access',
  title: 'Identity Center users and groups with administrator access to an account',
  group: 'identitycenter',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Users and groups whose Identity Center assignment gives them an administrator permission set (AdministratorAccess, or an inline policy allowing everything) in an account, through the AWSReservedSSO role it provisions',
  severity: 'high',
  remediation:
    'Keep administrator permission sets to a small break-glass group, assign day-to-day work narrower permission sets (PowerUser, read-only, job functions), and require MFA and short sessions for the admin set.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)-[x:ALLOWED_BY]->(p)
WHERE p:AWSSSOUser OR p:AWSSSOGroup
MATCH (ps:AWSPermissionSet {arn: x.permission_set_arn})
WHERE ps.grants_admin = true
RETURN a.id AS account_id, a.name AS account_name, CASE WHEN p.user_name IS NULL THEN 'GROUP' ELSE 'USER' END AS principal_type, p.id AS principal_id, coalesce(p.user_name, p.display_name) AS principal_name, ps.name AS permission_set, r.arn AS role_arn
ORDER BY account_name, principal_type, principal_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    principal_type: 'string',
    principal_id: 'string',
    principal_name: 'string?',
    permission_set: 'string?',
    role_arn: 'string',
  },
  identity: ['account_id', 'principal_id', 'role_arn'],
});

export const identityCenterInlineAdmin = awsQuery({
  name: 'identitycenter_permission_set_inline_admin',
  title: 'Permission sets whose inline policy allows everything',
  group: 'identitycenter',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Identity Center permission sets with an inline policy allowing every action on every resource without a condition: an administrator set that no managed-policy review finds',
  severity: 'high',
  remediation:
    'Replace the inline policy with the managed policies the users need (or AdministratorAccess for a deliberate, tightly assigned admin set), and review who is assigned the set.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(ps:AWSPermissionSet)
WHERE ps.inline_policy_allows_all = true
RETURN a.id AS account_id, a.name AS account_name, ps.name AS permission_set, ps.arn AS permission_set_arn, ps.inline_policy AS inline_policy
ORDER BY account_name, permission_set`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    permission_set: 'string?',
    permission_set_arn: 'string',
    inline_policy: 'string?',
  },
  identity: ['permission_set_arn'],
});

export const identityCenterDirectUserAssignments = awsQuery({
  name: 'identitycenter_direct_user_assignments',
  title: 'Identity Center users assigned permission sets directly',
  group: 'identitycenter',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Users given access to accounts by an assignment of their own rather than through a group: access that outlives role changes and escapes group reviews',
  severity: 'low',
  remediation:
    'Assign permission sets to groups, make the user a member of the group, and remove the direct assignment.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(u:AWSSSOUser)
WHERE size(coalesce(u.account_assignments, [])) > 0
OPTIONAL MATCH (u)-[:HAS_PERMISSION_SET]->(ps:AWSPermissionSet)
WITH a, u, ps ORDER BY ps.name
WITH a, u, collect(ps.name) AS permission_sets
RETURN a.id AS account_id, a.name AS account_name, u.id AS user_id, u.user_name AS user_name, size(u.account_assignments) AS assignments, permission_sets
ORDER BY account_name, user_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    user_id: 'string',
    user_name: 'string?',
    assignments: 'number',
    permission_sets: 'string[]',
  },
  identity: ['user_id'],
});

export const awsIdentityCenterQueries = [
  identityCenterPermissionSets,
  identityCenterAdminAccess,
  identityCenterInlineAdmin,
  identityCenterDirectUserAssignments,
] as const;
