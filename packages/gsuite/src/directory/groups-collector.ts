import { type AnyLoad, type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { admin_directory_v1 } from 'googleapis/build/src/apis/admin/directory_v1.js';
import { paginate } from '../api/paginate.ts';
import type { DirectoryContext } from '../directory-context.ts';
import { GSuiteGroupNode } from '../schema/group.ts';

/** One page of `groups.list`. */
export type GroupsPage = admin_directory_v1.Schema$Groups;
export type DirectoryGroup = admin_directory_v1.Schema$Group;

/** A group's own properties (Cartography's names). */
export function groupProperties(group: DirectoryGroup & { id: string; email: string }, customerId: string) {
  return {
    id: group.id,
    group_id: group.id,
    email: group.email,
    name: group.name ?? null,
    description: group.description || null,
    admin_created: group.adminCreated ?? null,
    direct_members_count: group.directMembersCount ?? null,
    aliases: group.aliases ?? null,
    etag: group.etag ?? null,
    kind: group.kind ?? null,
    customer_id: customerId,
  };
}

export function isNamedGroup(group: DirectoryGroup): group is DirectoryGroup & { id: string; email: string } {
  return Boolean(group.id && group.email);
}

/** Groups of one page as GSuiteGroup nodes, without memberships. */
export function transformGroups(page: GroupsPage, customerId: string): AnyLoad[] {
  const rows: NodeRow<typeof GSuiteGroupNode>[] = (page.groups ?? [])
    .filter(isNamedGroup)
    .map((group) => groupProperties(group, customerId));
  return [load(GSuiteGroupNode, rows)];
}

/** Streams the pages of `groups.list` for the customer (200 a page). */
export function listGroups(ctx: CollectContext<DirectoryContext>): AsyncGenerator<GroupsPage> {
  return paginate(ctx, 'directory:groups.list', (pageToken) =>
    ctx.context.admin.groups.list(
      { customer: ctx.context.customer, maxResults: 200, ...(pageToken ? { pageToken } : {}) },
      { signal: ctx.signal },
    ),
  );
}

/** Every group of the customer, before memberships (which may point at any of them). */
export const groupsCollector = defineCollector<DirectoryContext, GroupsPage>({
  name: 'groups',
  schemas: [GSuiteGroupNode],
  fetch: (ctx) => listGroups(ctx),
  transform: (page, ctx) => transformGroups(page, ctx.context.customerId),
});
