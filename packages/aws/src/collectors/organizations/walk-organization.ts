import {
  type Account,
  ListAccountsForParentCommand,
  ListOrganizationalUnitsForParentCommand,
  ListRootsCommand,
  type OrganizationsClient,
} from '@aws-sdk/client-organizations';
import type { ApiCaller } from '../../paging.ts';
import { paginate, requestSignal } from '../../paging.ts';

/** A root or OU of the organisation tree. */
export interface OrgParent {
  kind: 'root' | 'ou';
  id: string;
  arn?: string | undefined;
  name?: string | undefined;
  /** The root or OU it sits under (undefined for a root). */
  parentId?: string | undefined;
  /** Root and OU ids from the root down to (and including) this one. */
  path: string[];
}

/** Some of the accounts directly under one root or OU (one API page; at least one page per parent). */
export interface OrgParentPage {
  parent: OrgParent;
  accounts: Account[];
}

/**
 * Walks an organisation breadth-first from its roots: every root and OU is
 * reported (with its accounts) after its parent, so a consumer can link each
 * to a parent it has already seen. Only the queue of OUs still to visit is
 * held, never the whole tree.
 */
export async function* walkOrganization(
  caller: ApiCaller,
  client: OrganizationsClient,
  signal: AbortSignal,
): AsyncIterable<OrgParentPage> {
  const queue: OrgParent[] = [];
  for await (const page of paginate(
    caller,
    'organizations:ListRoots',
    (NextToken) => client.send(new ListRootsCommand({ NextToken }), { abortSignal: requestSignal(signal) }),
    (p) => p.NextToken,
  )) {
    for (const root of page.Roots ?? []) {
      if (root.Id) queue.push({ kind: 'root', id: root.Id, arn: root.Arn, name: root.Name, path: [root.Id] });
    }
  }
  for (let parent = queue.shift(); parent !== undefined; parent = queue.shift()) {
    const ParentId = parent.id;
    let reported = false;
    for await (const page of paginate(
      caller,
      'organizations:ListAccountsForParent',
      (NextToken) =>
        client.send(new ListAccountsForParentCommand({ ParentId, NextToken }), {
          abortSignal: requestSignal(signal),
        }),
      (p) => p.NextToken,
    )) {
      reported = true;
      yield { parent, accounts: page.Accounts ?? [] };
    }
    if (!reported) yield { parent, accounts: [] };
    for await (const page of paginate(
      caller,
      'organizations:ListOrganizationalUnitsForParent',
      (NextToken) =>
        client.send(new ListOrganizationalUnitsForParentCommand({ ParentId, NextToken }), {
          abortSignal: requestSignal(signal),
        }),
      (p) => p.NextToken,
    )) {
      for (const ou of page.OrganizationalUnits ?? []) {
        if (!ou.Id) continue;
        queue.push({
          kind: 'ou',
          id: ou.Id,
          arn: ou.Arn,
          name: ou.Name,
          parentId: parent.id,
          path: [...parent.path, ou.Id],
        });
      }
    }
  }
}
