import {
  type Group,
  type IdentitystoreClient,
  ListGroupMembershipsCommand,
  ListGroupsCommand,
  ListUsersCommand,
  type User,
} from '@aws-sdk/client-identitystore';
import {
  type AccountAssignmentForPrincipal,
  DescribePermissionSetCommand,
  GetInlinePolicyForPermissionSetCommand,
  type InstanceMetadata,
  ListAccountAssignmentsForPrincipalCommand,
  ListInstancesCommand,
  ListManagedPoliciesInPermissionSetCommand,
  ListPermissionSetsCommand,
  type PermissionSet as SdkPermissionSet,
  type SSOAdminClient,
} from '@aws-sdk/client-sso-admin';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { IdentityCenter, PermissionSet, SSOGroup, SSOUser } from '../../schema/identity-center.ts';
import { asList, parsePolicyDocument, statementsOf } from '../iam/policy-document.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, unixSeconds, type Where } from '../where.ts';

const ADMINISTRATOR_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';

/** A permission set with its policies. */
export interface PermissionSetDetails {
  permissionSet: SdkPermissionSet;
  managedPolicyArns: string[];
  /** The inline policy JSON; '' when there is none. */
  inlinePolicy: string;
}

/** A user or group with the groups it is in (users) and its account assignments. */
export interface Principal<T> {
  principal: T;
  assignments: AccountAssignmentForPrincipal[];
  groupIds?: string[];
}

/** The pages of the collector: an instance with its permission sets, then its groups, then its users. */
export type IdentityCenterPage =
  | { instance: InstanceMetadata; permissionSets: PermissionSetDetails[] }
  | { identityStoreId: string; groups: Principal<Group>[] }
  | { identityStoreId: string; users: Principal<User>[] };

/** Whether a policy document allows every action on every resource without a condition. */
export function allowsEverything(policy: string): boolean {
  return statementsOf(parsePolicyDocument(policy)).some(
    (s) =>
      s.Effect === 'Allow' &&
      s.Condition === undefined &&
      asList(s.Action).includes('*') &&
      asList(s.Resource).includes('*'),
  );
}

export function transformInstance(
  page: { instance: InstanceMetadata; permissionSets: PermissionSetDetails[] },
  where: Where,
) {
  const arn = page.instance.InstanceArn;
  if (!arn) return [load(IdentityCenter, []), load(PermissionSet, [])] as const;
  const instance: NodeRow<typeof IdentityCenter> = {
    id: arn,
    arn,
    identity_store_id: page.instance.IdentityStoreId,
    created_date: unixSeconds(page.instance.CreatedDate),
    status: page.instance.Status,
    region: where.region,
  };
  const sets: NodeRow<typeof PermissionSet>[] = [];
  for (const d of page.permissionSets) {
    const p = d.permissionSet;
    if (!p.PermissionSetArn) continue;
    sets.push({
      id: p.PermissionSetArn,
      arn: p.PermissionSetArn,
      name: p.Name,
      description: p.Description,
      session_duration: p.SessionDuration,
      instance_arn: arn,
      region: where.region,
      managed_policy_arns: d.managedPolicyArns,
      inline_policy: d.inlinePolicy || undefined,
      inline_policy_allows_all: allowsEverything(d.inlinePolicy),
      grants_admin: d.managedPolicyArns.includes(ADMINISTRATOR_ACCESS) || allowsEverything(d.inlinePolicy),
      instance: arn,
    });
  }
  return [load(IdentityCenter, [instance]), load(PermissionSet, sets)] as const;
}

/** The assignment fields of a principal: where it has access, and the permission sets that give it. */
function assignmentFields(assignments: AccountAssignmentForPrincipal[]) {
  const sets = [...new Set(present(assignments.map((a) => a.PermissionSetArn)))];
  return {
    account_assignments: assignments
      .filter((a) => a.AccountId && a.PermissionSetArn)
      .map((a) => `${a.AccountId}|${a.PermissionSetArn}`),
    permissionSets: sets,
    roles: sets,
  };
}

const externalId = (p: Group | User) => p.ExternalIds?.[0]?.Id;

export function transformGroups(page: { identityStoreId: string; groups: Principal<Group>[] }, where: Where) {
  const rows = page.groups
    .filter((g) => g.principal.GroupId)
    .map(
      ({ principal: g, assignments }): NodeRow<typeof SSOGroup> => ({
        id: g.GroupId as string,
        display_name: g.DisplayName,
        description: g.Description,
        identity_store_id: page.identityStoreId,
        external_id: externalId(g),
        region: where.region,
        ...assignmentFields(assignments),
      }),
    );
  return [load(SSOGroup, rows)] as const;
}

export function transformUsers(page: { identityStoreId: string; users: Principal<User>[] }, where: Where) {
  const rows = page.users
    .filter((u) => u.principal.UserId)
    .map(({ principal: u, assignments, groupIds = [] }): NodeRow<typeof SSOUser> => {
      const external = externalId(u);
      return {
        id: u.UserId as string,
        user_name: u.UserName,
        identity_store_id: page.identityStoreId,
        external_id: external,
        region: where.region,
        ...assignmentFields(assignments),
        groups: groupIds,
        memberOf: groupIds,
        identity: external,
      };
    });
  return [load(SSOUser, rows)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;
const signal = (ctx: Ctx) => ({ abortSignal: requestSignal(ctx.signal) });

async function permissionSetDetails(
  ctx: Ctx,
  sso: SSOAdminClient,
  InstanceArn: string,
  PermissionSetArn: string,
): Promise<PermissionSetDetails | undefined> {
  const described = await ctx.call('sso:DescribePermissionSet', () =>
    sso.send(new DescribePermissionSetCommand({ InstanceArn, PermissionSetArn }), signal(ctx)),
  );
  if (!described.PermissionSet) return undefined;
  const managedPolicyArns: string[] = [];
  for await (const page of paginate(
    ctx,
    'sso:ListManagedPoliciesInPermissionSet',
    (NextToken) =>
      sso.send(
        new ListManagedPoliciesInPermissionSetCommand({
          InstanceArn,
          PermissionSetArn,
          MaxResults: 100,
          NextToken,
        }),
        signal(ctx),
      ),
    (p) => p.NextToken,
  ))
    managedPolicyArns.push(...present((page.AttachedManagedPolicies ?? []).map((p) => p.Arn)));
  const inline = await ctx.call('sso:GetInlinePolicyForPermissionSet', () =>
    sso.send(new GetInlinePolicyForPermissionSetCommand({ InstanceArn, PermissionSetArn }), signal(ctx)),
  );
  return {
    permissionSet: described.PermissionSet,
    managedPolicyArns,
    inlinePolicy: inline.InlinePolicy ?? '',
  };
}

async function permissionSetsOf(
  ctx: Ctx,
  sso: SSOAdminClient,
  InstanceArn: string,
): Promise<PermissionSetDetails[]> {
  const limit = pLimit(4);
  const arns: string[] = [];
  for await (const page of paginate(
    ctx,
    'sso:ListPermissionSets',
    (NextToken) =>
      sso.send(new ListPermissionSetsCommand({ InstanceArn, MaxResults: 100, NextToken }), signal(ctx)),
    (p) => p.NextToken,
  ))
    arns.push(...(page.PermissionSets ?? []));
  const details = await Promise.all(
    arns.map((arn) => limit(() => permissionSetDetails(ctx, sso, InstanceArn, arn))),
  );
  return details.filter((d): d is PermissionSetDetails => d !== undefined);
}

/** A principal's account assignments, as Cartography reads them (one listing per user and group). */
async function assignmentsOf(
  ctx: Ctx,
  sso: SSOAdminClient,
  InstanceArn: string,
  PrincipalId: string,
  PrincipalType: 'USER' | 'GROUP',
): Promise<AccountAssignmentForPrincipal[]> {
  const out: AccountAssignmentForPrincipal[] = [];
  for await (const page of paginate(
    ctx,
    'sso:ListAccountAssignmentsForPrincipal',
    (NextToken) =>
      sso.send(
        new ListAccountAssignmentsForPrincipalCommand({
          InstanceArn,
          PrincipalId,
          PrincipalType,
          MaxResults: 100,
          NextToken,
        }),
        signal(ctx),
      ),
    (p) => p.NextToken,
  ))
    out.push(...(page.AccountAssignments ?? []));
  return out;
}

async function groupsOf(
  ctx: Ctx,
  sso: SSOAdminClient,
  store: IdentitystoreClient,
  instance: { InstanceArn: string; IdentityStoreId: string },
): Promise<{ groups: Principal<Group>[]; groupsOfUser: Map<string, string[]> }> {
  const { InstanceArn, IdentityStoreId } = instance;
  const limit = pLimit(4);
  const listed: Group[] = [];
  for await (const page of paginate(
    ctx,
    'identitystore:ListGroups',
    (NextToken) =>
      store.send(new ListGroupsCommand({ IdentityStoreId, MaxResults: 100, NextToken }), signal(ctx)),
    (p) => p.NextToken,
  ))
    listed.push(...(page.Groups ?? []));
  const groupsOfUser = new Map<string, string[]>();
  const groups = await Promise.all(
    listed.map((g) =>
      limit(async (): Promise<Principal<Group>> => {
        const GroupId = g.GroupId ?? '';
        for await (const page of paginate(
          ctx,
          'identitystore:ListGroupMemberships',
          (NextToken) =>
            store.send(
              new ListGroupMembershipsCommand({ IdentityStoreId, GroupId, MaxResults: 100, NextToken }),
              signal(ctx),
            ),
          (p) => p.NextToken,
        ))
          for (const m of page.GroupMemberships ?? []) {
            const userId = m.MemberId && 'UserId' in m.MemberId ? m.MemberId.UserId : undefined;
            if (userId) groupsOfUser.set(userId, [...(groupsOfUser.get(userId) ?? []), GroupId]);
          }
        return { principal: g, assignments: await assignmentsOf(ctx, sso, InstanceArn, GroupId, 'GROUP') };
      }),
    ),
  );
  return { groups, groupsOfUser };
}

async function* instancePages(
  ctx: Ctx,
  sso: SSOAdminClient,
  store: IdentitystoreClient,
  instance: InstanceMetadata,
): AsyncIterable<IdentityCenterPage> {
  const InstanceArn = instance.InstanceArn;
  const IdentityStoreId = instance.IdentityStoreId;
  if (!InstanceArn || !IdentityStoreId) return;
  yield { instance, permissionSets: await permissionSetsOf(ctx, sso, InstanceArn) };
  const { groups, groupsOfUser } = await groupsOf(ctx, sso, store, { InstanceArn, IdentityStoreId });
  yield { identityStoreId: IdentityStoreId, groups };
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'identitystore:ListUsers',
    (NextToken) =>
      store.send(new ListUsersCommand({ IdentityStoreId, MaxResults: 100, NextToken }), signal(ctx)),
    (p) => p.NextToken,
  )) {
    const users = await Promise.all(
      (page.Users ?? []).map((u) =>
        limit(async () => ({
          principal: u,
          groupIds: groupsOfUser.get(u.UserId ?? '') ?? [],
          assignments: await assignmentsOf(ctx, sso, InstanceArn, u.UserId ?? '', 'USER'),
        })),
      ),
    );
    yield { identityStoreId: IdentityStoreId, users };
  }
}

async function* identityCenterPages(
  ctx: Ctx,
  sso: SSOAdminClient,
  store: IdentitystoreClient,
): AsyncIterable<IdentityCenterPage> {
  // Only the organisation's management account (or an account instance's owner) holds an instance,
  // in one region; elsewhere ListInstances answers none. A refusal costs this region's instance only.
  const instances = await unlessRefused(
    ctx,
    { message: 'IAM Identity Center refused (sso:ListInstances); skipped', operation: 'ListInstances' },
    async () => {
      const out: InstanceMetadata[] = [];
      for await (const page of paginate(
        ctx,
        'sso:ListInstances',
        (NextToken) => sso.send(new ListInstancesCommand({ MaxResults: 100, NextToken }), signal(ctx)),
        (p) => p.NextToken,
      ))
        out.push(...(page.Instances ?? []));
      return out;
    },
  );
  for (const instance of instances ?? []) yield* instancePages(ctx, sso, store, instance);
}

/** IAM Identity Center of a region: its instance, permission sets, groups and users with their assignments. */
export const identityCenterCollector = defineCollector<AwsScopeContext, IdentityCenterPage>({
  name: 'identitycenter:instances',
  schemas: [IdentityCenter, PermissionSet, SSOGroup, SSOUser],
  fetch: (ctx) => {
    const { clients, region } = ctx.context;
    return streamWith(clients.ssoAdmin(region), (sso) =>
      streamWith(clients.identityStore(region), (store) => identityCenterPages(ctx, sso, store)),
    );
  },
  transform: (page, ctx) =>
    'instance' in page
      ? transformInstance(page, ctx.context)
      : 'groups' in page
        ? transformGroups(page, ctx.context)
        : transformUsers(page, ctx.context),
});
