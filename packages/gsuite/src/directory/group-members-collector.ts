import { type AnyLoad, defineCollector, errorMessage, load, type RelTarget } from '@skygraph/core';
import type { admin_directory_v1 } from 'googleapis/build/src/apis/admin/directory_v1.js';
import { classifyDirectoryError } from '../api/google-error.ts';
import { mergeBounded } from '../api/merge-bounded.ts';
import { paginate } from '../api/paginate.ts';
import type { DirectoryCollectContext, DirectoryContext } from '../directory-context.ts';
import { GSuiteGroup } from '../schema/group.ts';
import { type DirectoryGroup, groupProperties, isNamedGroup, listGroups } from './groups-collector.ts';

/** One page of a group's direct members, or why they could not be listed. */
export interface MembersPage {
  group: DirectoryGroup & { id: string; email: string };
  members: admin_directory_v1.Schema$Member[];
  /** Set when the members could not be listed (the group is then shown without them). */
  error?: string;
}

/**
 * A group row carrying one page of its direct members: users and groups as
 * MEMBER_GSUITE_GROUP and MEMBER_OF (with their role), owners also as
 * OWNER_GSUITE_GROUP. Whole-domain (CUSTOMER) members have no node to point at.
 */
export function transformMembers(page: MembersPage, customerId: string): AnyLoad[] {
  const users: RelTarget[] = [];
  const userOwners: string[] = [];
  const groups: RelTarget[] = [];
  const groupOwners: string[] = [];
  for (const member of page.members) {
    if (!member.id) continue;
    const target = { key: member.id, props: { role: member.role ?? null } };
    if (member.type === 'USER') {
      users.push(target);
      if (member.role === 'OWNER') userOwners.push(member.id);
    } else if (member.type === 'GROUP') {
      groups.push(target);
      if (member.role === 'OWNER') groupOwners.push(member.id);
    }
  }
  return [
    load(GSuiteGroup, [
      {
        ...groupProperties(page.group, customerId),
        members_error: page.error ?? null,
        memberUsers: users,
        memberOfUsers: users,
        ownerUsers: userOwners,
        memberGroups: groups,
        memberOfGroups: groups,
        ownerGroups: groupOwners,
      },
    ]),
  ];
}

async function* membersOf(
  ctx: DirectoryCollectContext,
  group: MembersPage['group'],
  onSkipped: () => void,
): AsyncGenerator<MembersPage> {
  try {
    for await (const page of paginate(ctx, 'directory:members.list', (pageToken) =>
      ctx.context.admin.members.list(
        { groupKey: group.id, maxResults: 200, ...(pageToken ? { pageToken } : {}) },
        { signal: ctx.signal },
      ),
    )) {
      yield { group, members: page.members ?? [] };
    }
  } catch (error) {
    const kind = classifyDirectoryError(error);
    // Throttling and outages the runner could not absorb fail the scope; a group we may not read is skipped.
    if (kind !== 'denied' && kind !== 'not-found') throw error;
    onSkipped();
    const message = errorMessage(error);
    ctx.log.warn(
      { group: group.email, kind, err: message },
      'could not list the members of a group; skipped',
    );
    yield { group, members: [], error: message };
  }
}

/**
 * Direct members of every group (`members.list`), several groups at once.
 * Groups are listed again here because memberships may point at any group,
 * so all of them must exist first (the groups collector runs before).
 */
export const groupMembersCollector = defineCollector<DirectoryContext, MembersPage>({
  name: 'group-members',
  schemas: [GSuiteGroup],
  async *fetch(ctx) {
    let skipped = 0;
    async function* perGroup() {
      for await (const page of listGroups(ctx)) {
        for (const group of (page.groups ?? []).filter(isNamedGroup)) {
          yield membersOf(ctx, group, () => {
            skipped += 1;
          });
        }
      }
    }
    yield* mergeBounded(perGroup(), ctx.context.memberConcurrency);
    if (skipped > 0) {
      ctx.log.warn(
        { groups: skipped },
        `the members of ${skipped} group(s) could not be listed; those groups carry members_error and no member edges`,
      );
    }
  },
  transform: (page, ctx) => transformMembers(page, ctx.context.customerId),
});
