import { gsuiteQuery } from './provider-query.ts';

/** Google Workspace: the directory's users, administrators, 2-Step Verification and groups. */

const ACTIVE = 'coalesce(u.suspended, false) = false AND coalesce(u.archived, false) = false';

const userColumns = {
  customer_id: 'string',
  email: 'string',
  name: 'string?',
  org_unit: 'string?',
} as const;

const USER_RETURN =
  'c.id AS customer_id, u.primary_email AS email, u.name AS name, u.org_unit_path AS org_unit';

export const gsuiteTenants = gsuiteQuery({
  name: 'gsuite_customers',
  title: 'Workspace customers',
  group: 'users',
  tags: ['inventory', 'estate', 'identity'],
  description: 'Each Workspace customer with its number of users, administrators and groups',
  cypher: `MATCH (c:GSuiteTenant)
OPTIONAL MATCH (c)-[:RESOURCE]->(u:GSuiteUser)
WITH c, count(u) AS users, count(CASE WHEN u.is_admin = true THEN 1 END) AS admins
OPTIONAL MATCH (c)-[:RESOURCE]->(g:GSuiteGroup)
RETURN c.id AS customer_id, users, admins, count(g) AS groups
ORDER BY customer_id`,
  columns: { customer_id: 'string', users: 'number', admins: 'number', groups: 'number' },
  identity: ['customer_id'],
});

export const gsuiteUsers = gsuiteQuery({
  name: 'gsuite_users',
  title: 'Workspace users',
  group: 'users',
  tags: ['inventory', 'list', 'identity'],
  description: 'Every user with admin rights, 2-Step Verification, suspension and last login',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)
RETURN ${USER_RETURN}, u.is_admin AS admin, u.is_enrolled_in_2_sv AS two_sv_enrolled, u.is_enforced_in_2_sv AS two_sv_enforced, u.suspended AS suspended, u.last_login_time AS last_login
ORDER BY email`,
  columns: {
    ...userColumns,
    admin: 'boolean?',
    two_sv_enrolled: 'boolean?',
    two_sv_enforced: 'boolean?',
    suspended: 'boolean?',
    last_login: 'string?',
  },
  identity: ['email'],
});

export const gsuiteAdmins = gsuiteQuery({
  name: 'gsuite_admins',
  title: 'Workspace administrators',
  group: 'users',
  tags: ['inventory', 'security', 'identity', 'drift'],
  description: 'Super administrators and delegated administrators of the directory',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)
WHERE u.is_admin = true OR u.is_delegated_admin = true
RETURN ${USER_RETURN}, CASE WHEN u.is_admin = true THEN 'super admin' ELSE 'delegated admin' END AS role, u.is_enrolled_in_2_sv AS two_sv_enrolled, u.suspended AS suspended
ORDER BY role DESC, email`,
  columns: { ...userColumns, role: 'string', two_sv_enrolled: 'boolean?', suspended: 'boolean?' },
  identity: ['email'],
});

export const gsuiteAdminsNo2sv = gsuiteQuery({
  name: 'gsuite_admins_without_2sv',
  title: 'Administrators without 2-Step Verification',
  group: 'users',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Active administrators not enrolled in 2-Step Verification: one phished password takes the whole directory',
  severity: 'critical',
  remediation:
    'Enrol the administrator in 2-Step Verification (security keys), and enforce 2SV for the admin organisational unit.',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)
WHERE (u.is_admin = true OR u.is_delegated_admin = true) AND coalesce(u.is_enrolled_in_2_sv, false) = false AND ${ACTIVE}
RETURN ${USER_RETURN}, CASE WHEN u.is_admin = true THEN 'super admin' ELSE 'delegated admin' END AS role
ORDER BY email`,
  columns: { ...userColumns, role: 'string' },
  identity: ['email'],
});

export const gsuiteUsersNo2sv = gsuiteQuery({
  name: 'gsuite_users_without_2sv',
  title: 'Users without 2-Step Verification',
  group: 'users',
  tags: ['security', 'identity', 'misconfig'],
  description: 'Active users not enrolled in 2-Step Verification',
  severity: 'medium',
  remediation: 'Enforce 2-Step Verification for their organisational unit, with an enrolment period.',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)
WHERE coalesce(u.is_enrolled_in_2_sv, false) = false AND ${ACTIVE}
RETURN ${USER_RETURN}, u.last_login_time AS last_login
ORDER BY org_unit, email`,
  columns: { ...userColumns, last_login: 'string?' },
  identity: ['email'],
});

export const gsuiteSuspended = gsuiteQuery({
  name: 'gsuite_users_suspended',
  title: 'Suspended users',
  group: 'users',
  tags: ['inventory', 'identity', 'list'],
  description: 'Suspended users and why',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)
WHERE u.suspended = true
RETURN ${USER_RETURN}, u.suspension_reason AS reason, u.last_login_time AS last_login
ORDER BY email`,
  columns: { ...userColumns, reason: 'string?', last_login: 'string?' },
  identity: ['email'],
});

export const gsuiteSuspendedInGroups = gsuiteQuery({
  name: 'gsuite_suspended_users_in_groups',
  title: 'Suspended users still in groups',
  group: 'groups',
  tags: ['security', 'identity', 'drift'],
  description: 'Suspended users that are still members of groups (and keep access when reactivated)',
  severity: 'low',
  remediation: 'Remove leavers from their groups as part of offboarding.',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)-[:MEMBER_GSUITE_GROUP]->(g:GSuiteGroup)
WHERE u.suspended = true
WITH c, u, g ORDER BY g.email
RETURN ${USER_RETURN}, collect(DISTINCT g.email) AS groups
ORDER BY email`,
  columns: { ...userColumns, groups: 'string[]' },
  identity: ['email'],
});

export const gsuiteInactive = gsuiteQuery({
  name: 'gsuite_users_inactive',
  title: 'Active accounts nobody uses',
  group: 'users',
  tags: ['security', 'identity', 'drift'],
  description: 'Active users who never signed in, or not in the last $days days',
  severity: 'low',
  remediation: 'Suspend or delete accounts that are not used; check they are not shared mailboxes first.',
  parameters: [{ name: 'days', type: 'number', default: 90, description: 'Days without a sign-in' }],
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(u:GSuiteUser)
WHERE ${ACTIVE} AND (u.last_login_time IS NULL OR u.last_login_time STARTS WITH '1970-' OR datetime(u.last_login_time) < datetime() - duration({days: $days}))
RETURN ${USER_RETURN}, u.last_login_time AS last_login, u.creation_time AS created
ORDER BY email`,
  columns: { ...userColumns, last_login: 'string?', created: 'string?' },
  identity: ['email'],
});

export const gsuiteGroups = gsuiteQuery({
  name: 'gsuite_groups',
  title: 'Workspace groups',
  group: 'groups',
  tags: ['inventory', 'list', 'identity'],
  description: 'Groups with their direct user and group members',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(g:GSuiteGroup)
OPTIONAL MATCH (m:GSuiteUser)-[:MEMBER_GSUITE_GROUP]->(g)
WITH c, g, count(DISTINCT m) AS user_members
OPTIONAL MATCH (sub:GSuiteGroup)-[:MEMBER_GSUITE_GROUP]->(g)
RETURN c.id AS customer_id, g.email AS group_email, g.name AS group_name, user_members, count(DISTINCT sub) AS group_members
ORDER BY group_email`,
  columns: {
    customer_id: 'string',
    group_email: 'string',
    group_name: 'string?',
    user_members: 'number',
    group_members: 'number',
  },
  identity: ['group_email'],
});

export const gsuiteMemberships = gsuiteQuery({
  name: 'gsuite_group_members',
  title: 'Group memberships',
  group: 'groups',
  tags: ['inventory', 'identity', 'drift'],
  description: 'Who is a direct member of which group, with their role',
  cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(g:GSuiteGroup)<-[m:MEMBER_GSUITE_GROUP]-(member)
RETURN c.id AS customer_id, g.email AS group_email, coalesce(member.primary_email, member.email) AS member, CASE WHEN member:GSuiteGroup THEN 'group' ELSE 'user' END AS member_type, m.role AS role
ORDER BY group_email, member`,
  columns: {
    customer_id: 'string',
    group_email: 'string',
    member: 'string',
    member_type: 'string',
    role: 'string?',
  },
  identity: ['group_email', 'member'],
});

export const gsuiteQueries = [
  gsuiteTenants,
  gsuiteUsers,
  gsuiteAdmins,
  gsuiteAdminsNo2sv,
  gsuiteUsersNo2sv,
  gsuiteSuspended,
  gsuiteSuspendedInGroups,
  gsuiteInactive,
  gsuiteGroups,
  gsuiteMemberships,
] as const;
