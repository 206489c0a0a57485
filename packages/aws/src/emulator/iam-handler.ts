import { AwsApiError } from './api-error.ts';
import type {
  AwsAccount,
  AwsIamGroup,
  AwsIamRole,
  AwsIamUser,
  AwsInlinePolicy,
  AwsManagedPolicy,
  AwsTag,
  PolicyDocument,
} from './estate-types.ts';
import { IAM_ACCOUNT_OPERATIONS } from './iam-account-handler.ts';
import { decodeToken, encodeToken, intParam, pageOf } from './paging.ts';
import { listParam, type RequestContext } from './request-context.ts';
import { el, list, stringList, wrap } from './xml.ts';

/** Policy documents travel URL-encoded (RFC 3986) in the IAM Query API. */
export function encodePolicy(document: PolicyDocument): string {
  return encodeURIComponent(JSON.stringify(document)).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

const tags = (t: readonly AwsTag[]) =>
  list('Tags', 'member', t, (x) => el('Key', x.key) + el('Value', x.value));
const inline = (name: string, policies: readonly AwsInlinePolicy[]) =>
  list(
    name,
    'member',
    policies,
    (p) => el('PolicyName', p.policyName) + el('PolicyDocument', encodePolicy(p.document)),
  );
const boundary = (arn: string | undefined) =>
  arn
    ? wrap(
        'PermissionsBoundary',
        el('PermissionsBoundaryType', 'PermissionsBoundaryPolicy') + el('PermissionsBoundaryArn', arn),
      )
    : '';

function policyName(ctx: RequestContext, arn: string): string {
  return (
    ctx.estate.awsManagedPolicies.find((p) => p.arn === arn)?.policyName ??
    ctx.account.iam.policies.find((p) => p.arn === arn)?.policyName ??
    arn.slice(arn.lastIndexOf('/') + 1)
  );
}

const attached = (ctx: RequestContext, arns: readonly string[]) =>
  list(
    'AttachedManagedPolicies',
    'member',
    arns,
    (arn) => el('PolicyName', policyName(ctx, arn)) + el('PolicyArn', arn),
  );

function attachmentCounts(account: AwsAccount): {
  attachments: Map<string, number>;
  boundaries: Map<string, number>;
} {
  const attachments = new Map<string, number>();
  const boundaries = new Map<string, number>();
  const add = (map: Map<string, number>, arn: string | undefined) => {
    if (arn) map.set(arn, (map.get(arn) ?? 0) + 1);
  };
  for (const e of [...account.iam.users, ...account.iam.groups, ...account.iam.roles]) {
    for (const arn of e.attachedPolicyArns) add(attachments, arn);
  }
  for (const e of [...account.iam.users, ...account.iam.roles]) add(boundaries, e.permissionsBoundaryArn);
  return { attachments, boundaries };
}

function roleBasics(r: AwsIamRole): string {
  return (
    el('Path', r.path) +
    el('RoleName', r.roleName) +
    el('RoleId', r.roleId) +
    el('Arn', r.arn) +
    el('CreateDate', r.createDate) +
    el('AssumeRolePolicyDocument', encodePolicy(r.assumeRolePolicyDocument))
  );
}

function instanceProfiles(r: AwsIamRole): string {
  return list(
    'InstanceProfileList',
    'member',
    r.instanceProfiles,
    (p) =>
      el('Path', p.path) +
      el('InstanceProfileName', p.instanceProfileName) +
      el('InstanceProfileId', p.instanceProfileId) +
      el('Arn', p.arn) +
      el('CreateDate', p.createDate) +
      list('Roles', 'member', [r], roleBasics),
  );
}

type Counts = ReturnType<typeof attachmentCounts>;

function managedPolicy(p: AwsManagedPolicy, counts: Counts, withVersions: boolean): string {
  const defaultVersion = p.versions.find((v) => v.isDefaultVersion) ?? p.versions[p.versions.length - 1];
  return (
    el('PolicyName', p.policyName) +
    el('PolicyId', p.policyId) +
    el('Arn', p.arn) +
    el('Path', p.path) +
    el('DefaultVersionId', defaultVersion?.versionId) +
    el('AttachmentCount', counts.attachments.get(p.arn) ?? 0) +
    el('PermissionsBoundaryUsageCount', counts.boundaries.get(p.arn) ?? 0) +
    el('IsAttachable', p.isAttachable) +
    (withVersions ? el('Description', p.description) : '') +
    el('CreateDate', p.createDate) +
    el('UpdateDate', p.updateDate) +
    (withVersions
      ? list(
          'PolicyVersionList',
          'member',
          p.versions,
          (v) =>
            el('Document', encodePolicy(v.document)) +
            el('VersionId', v.versionId) +
            el('IsDefaultVersion', v.isDefaultVersion) +
            el('CreateDate', v.createDate),
        )
      : '')
  );
}

/** Pages with Marker/MaxItems (1..1000, default 100) and answers IsTruncated/Marker. */
function paged<T>(ctx: RequestContext, items: readonly T[]): { items: T[]; tail: string } {
  const validation = (m: string) => new AwsApiError('ValidationError', m);
  const max = intParam(ctx.params.get('MaxItems') ?? undefined, 'maxItems', validation) ?? 100;
  if (max < 1 || max > 1000) {
    throw validation(
      `1 validation error detected: Value '${max}' at 'maxItems' failed to satisfy constraint: Member must have value between 1 and 1000`,
    );
  }
  const start = decodeToken(ctx.operation, ctx.params.get('Marker') ?? undefined, () =>
    validation('Invalid Marker.'),
  );
  const page = pageOf(items, start, max);
  const tail =
    page.next === undefined
      ? el('IsTruncated', false)
      : el('IsTruncated', true) + el('Marker', encodeToken(ctx.operation, page.next));
  return { items: page.items, tail };
}

function withPathPrefix<T extends { path: string }>(ctx: RequestContext, items: readonly T[]): readonly T[] {
  const prefix = ctx.params.get('PathPrefix');
  return prefix ? items.filter((i) => i.path.startsWith(prefix)) : items;
}

function findUser(ctx: RequestContext, name: string | null): AwsIamUser {
  if (!name)
    throw new AwsApiError('ValidationError', 'Must specify userName when calling with non-User credentials');
  const user = ctx.account.iam.users.find((u) => u.userName === name);
  if (!user) throw new AwsApiError('NoSuchEntity', `The user with name ${name} cannot be found.`, 404);
  return user;
}

/** The user name the caller means: the parameter, or the calling user itself. */
function userNameParam(ctx: RequestContext): string | null {
  const name = ctx.params.get('UserName');
  if (name) return name;
  return ctx.caller.kind === 'assumed-role'
    ? null
    : ctx.caller.arn.slice(ctx.caller.arn.lastIndexOf('/') + 1);
}

type Entry =
  | { kind: 'User'; user: AwsIamUser }
  | { kind: 'Group'; group: AwsIamGroup }
  | { kind: 'Role'; role: AwsIamRole }
  | { kind: 'LocalManagedPolicy' | 'AWSManagedPolicy'; policy: AwsManagedPolicy };

function getAccountAuthorizationDetails(ctx: RequestContext): string {
  const { iam } = ctx.account;
  const filter = listParam(ctx.params, 'Filter');
  const valid = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'];
  for (const f of filter)
    if (!valid.includes(f)) throw new AwsApiError('ValidationError', `Invalid filter value: ${f}`);
  const wants = (kind: string) => filter.length === 0 || filter.includes(kind);
  const counts = attachmentCounts(ctx.account);
  const entries: Entry[] = [];
  if (wants('User')) for (const user of iam.users) entries.push({ kind: 'User', user });
  if (wants('Group')) for (const group of iam.groups) entries.push({ kind: 'Group', group });
  if (wants('Role')) for (const role of iam.roles) entries.push({ kind: 'Role', role });
  if (wants('LocalManagedPolicy'))
    for (const policy of iam.policies) entries.push({ kind: 'LocalManagedPolicy', policy });
  if (wants('AWSManagedPolicy')) {
    // AWS managed policies appear once something in the account uses them.
    for (const policy of ctx.estate.awsManagedPolicies) {
      if (counts.attachments.has(policy.arn) || counts.boundaries.has(policy.arn))
        entries.push({ kind: 'AWSManagedPolicy', policy });
    }
  }
  const { items, tail } = paged(ctx, entries);
  let users = '';
  let groups = '';
  let roles = '';
  let policies = '';
  for (const e of items) {
    if (e.kind === 'User') {
      const u = e.user;
      users += wrap(
        'member',
        el('Path', u.path) +
          el('UserName', u.userName) +
          el('UserId', u.userId) +
          el('Arn', u.arn) +
          el('CreateDate', u.createDate) +
          inline('UserPolicyList', u.inlinePolicies) +
          stringList('GroupList', 'member', u.groups) +
          attached(ctx, u.attachedPolicyArns) +
          boundary(u.permissionsBoundaryArn) +
          tags(u.tags),
      );
    } else if (e.kind === 'Group') {
      const g = e.group;
      groups += wrap(
        'member',
        el('Path', g.path) +
          el('GroupName', g.groupName) +
          el('GroupId', g.groupId) +
          el('Arn', g.arn) +
          el('CreateDate', g.createDate) +
          inline('GroupPolicyList', g.inlinePolicies) +
          attached(ctx, g.attachedPolicyArns),
      );
    } else if (e.kind === 'Role') {
      const r = e.role;
      roles += wrap(
        'member',
        roleBasics(r) +
          instanceProfiles(r) +
          inline('RolePolicyList', r.inlinePolicies) +
          attached(ctx, r.attachedPolicyArns) +
          boundary(r.permissionsBoundaryArn) +
          tags(r.tags) +
          (r.roleLastUsed
            ? wrap(
                'RoleLastUsed',
                el('LastUsedDate', r.roleLastUsed.lastUsedDate) + el('Region', r.roleLastUsed.region),
              )
            : '<RoleLastUsed/>'),
      );
    } else {
      policies += wrap('member', managedPolicy(e.policy, counts, true));
    }
  }
  return (
    wrap('UserDetailList', users) +
    wrap('GroupDetailList', groups) +
    wrap('RoleDetailList', roles) +
    wrap('Policies', policies) +
    tail
  );
}

function listUsers(ctx: RequestContext): string {
  const { items, tail } = paged(ctx, withPathPrefix(ctx, ctx.account.iam.users));
  return (
    list(
      'Users',
      'member',
      items,
      (u) =>
        el('Path', u.path) +
        el('UserName', u.userName) +
        el('UserId', u.userId) +
        el('Arn', u.arn) +
        el('CreateDate', u.createDate) +
        el('PasswordLastUsed', u.passwordLastUsed),
    ) + tail
  );
}

function listRoles(ctx: RequestContext): string {
  const { items, tail } = paged(ctx, withPathPrefix(ctx, ctx.account.iam.roles));
  return (
    list(
      'Roles',
      'member',
      items,
      (r) =>
        roleBasics(r) + el('Description', r.description) + el('MaxSessionDuration', r.maxSessionDuration),
    ) + tail
  );
}

const groupXml = (g: AwsIamGroup) =>
  el('Path', g.path) +
  el('GroupName', g.groupName) +
  el('GroupId', g.groupId) +
  el('Arn', g.arn) +
  el('CreateDate', g.createDate);

function listGroups(ctx: RequestContext): string {
  const { items, tail } = paged(ctx, withPathPrefix(ctx, ctx.account.iam.groups));
  return list('Groups', 'member', items, groupXml) + tail;
}

function listPolicies(ctx: RequestContext): string {
  const scope = ctx.params.get('Scope') ?? 'All';
  if (!['All', 'AWS', 'Local'].includes(scope))
    throw new AwsApiError('ValidationError', `Invalid scope: ${scope}`);
  const onlyAttached = ctx.params.get('OnlyAttached') === 'true';
  const counts = attachmentCounts(ctx.account);
  let policies: AwsManagedPolicy[] = [
    ...(scope !== 'Local' ? ctx.estate.awsManagedPolicies : []),
    ...(scope !== 'AWS' ? ctx.account.iam.policies : []),
  ];
  if (onlyAttached) policies = policies.filter((p) => (counts.attachments.get(p.arn) ?? 0) > 0);
  const { items, tail } = paged(ctx, withPathPrefix(ctx, policies));
  return list('Policies', 'member', items, (p) => managedPolicy(p, counts, false)) + tail;
}

function listAccessKeys(ctx: RequestContext): string {
  const user = findUser(ctx, userNameParam(ctx));
  const { items, tail } = paged(ctx, user.accessKeys);
  return (
    list(
      'AccessKeyMetadata',
      'member',
      items,
      (k) =>
        el('UserName', user.userName) +
        el('AccessKeyId', k.accessKeyId) +
        el('Status', k.status) +
        el('CreateDate', k.createDate),
    ) + tail
  );
}

function getLoginProfile(ctx: RequestContext): string {
  const user = findUser(ctx, userNameParam(ctx));
  if (!user.loginProfile)
    throw new AwsApiError('NoSuchEntity', `Login Profile for User ${user.userName} cannot be found.`, 404);
  return wrap(
    'LoginProfile',
    el('UserName', user.userName) +
      el('CreateDate', user.loginProfile.createDate) +
      el('PasswordResetRequired', user.loginProfile.passwordResetRequired),
  );
}

function getAccessKeyLastUsed(ctx: RequestContext): string {
  const id = ctx.params.get('AccessKeyId') ?? '';
  for (const user of ctx.account.iam.users) {
    const key = user.accessKeys.find((k) => k.accessKeyId === id);
    if (!key) continue;
    return (
      el('UserName', user.userName) +
      wrap(
        'AccessKeyLastUsed',
        el('LastUsedDate', key.lastUsedDate) +
          el('ServiceName', key.lastUsedService ?? 'N/A') +
          el('Region', key.lastUsedRegion ?? 'N/A'),
      )
    );
  }
  throw new AwsApiError(
    'AccessDenied',
    `User: ${ctx.caller.arn} is not authorized to perform: iam:GetAccessKeyLastUsed on resource: access key ${id}`,
    403,
  );
}

function listGroupsForUser(ctx: RequestContext): string {
  const user = findUser(ctx, ctx.params.get('UserName'));
  const groups = ctx.account.iam.groups.filter((g) => user.groups.includes(g.groupName));
  const { items, tail } = paged(ctx, groups);
  return list('Groups', 'member', items, groupXml) + tail;
}

function listMfaDevices(ctx: RequestContext): string {
  const user = findUser(ctx, userNameParam(ctx));
  const { items, tail } = paged(ctx, user.mfaDevices);
  return (
    list(
      'MFADevices',
      'member',
      items,
      (d) =>
        el('UserName', user.userName) + el('SerialNumber', d.serialNumber) + el('EnableDate', d.enableDate),
    ) + tail
  );
}

const OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  GetAccountAuthorizationDetails: getAccountAuthorizationDetails,
  ListUsers: listUsers,
  ListRoles: listRoles,
  ListGroups: listGroups,
  ListPolicies: listPolicies,
  ListAccessKeys: listAccessKeys,
  GetLoginProfile: getLoginProfile,
  GetAccessKeyLastUsed: getAccessKeyLastUsed,
  ListGroupsForUser: listGroupsForUser,
  ListMFADevices: listMfaDevices,
  ...IAM_ACCOUNT_OPERATIONS,
};

export const IAM_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

export function handleIam(ctx: RequestContext): string {
  const op = OPERATIONS[ctx.operation];
  if (!op)
    throw new AwsApiError(
      'InvalidAction',
      `Could not find operation ${ctx.operation} for version 2010-05-08`,
    );
  return op(ctx);
}
