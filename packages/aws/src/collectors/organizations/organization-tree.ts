import { type Account, DescribeOrganizationCommand, type Organization } from '@aws-sdk/client-organizations';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsClients } from '../../aws-clients.ts';
import { type AccountSelection, isSelected } from '../../discovery/account-selection.ts';
import { requestSignal } from '../../paging.ts';
import {
  AWSAccount,
  AWSOrganization,
  AWSOrganizationalUnit,
  AWSOrganizationRoot,
} from '../../schema/organization.ts';
import { isoDate } from '../where.ts';
import { type OrgParentPage, walkOrganization } from './walk-organization.ts';

/** What the organisation scope's collector gets. */
export interface OrgScopeContext {
  readonly organizationId: string;
  /** The region the Organizations API is called in. */
  readonly region: string;
  /** The hub's clients (the management or delegated administrator account). */
  readonly clients: AwsClients;
  /** Which member accounts this run syncs (written as `inscope`). */
  readonly selection: AccountSelection;
}

export type OrganizationPage =
  | { kind: 'organization'; organization: Organization }
  | { kind: 'parent'; page: OrgParentPage };

/** An account row as the organisation lists it. */
export function accountRow(
  account: Account,
  organizationId: string,
  inscope: boolean,
): NodeRow<typeof AWSAccount> | undefined {
  if (!account.Id) return undefined;
  return {
    id: account.Id,
    name: account.Name,
    inscope,
    foreign: false,
    arn: account.Arn,
    email: account.Email,
    state: account.State ?? account.Status,
    status: account.Status,
    joined_method: account.JoinedMethod,
    joined_timestamp: isoDate(account.JoinedTimestamp),
    org_id: organizationId,
  };
}

/**
 * Rows of one page of the organisation walk: the accounts first, then the
 * root or OU that holds them, pointing at its own parent (already loaded: the
 * walk is breadth-first) and at its accounts.
 */
export function transformOrganization(
  page: OrganizationPage,
  context: Pick<OrgScopeContext, 'organizationId' | 'selection'>,
) {
  const orgId = context.organizationId;
  if (page.kind === 'organization') {
    const o = page.organization;
    return [
      load(AWSOrganization, [
        {
          id: o.Id ?? orgId,
          arn: o.Arn,
          feature_set: o.FeatureSet,
          management_account_id: o.MasterAccountId,
          management_account_arn: o.MasterAccountArn,
          management_account_email: o.MasterAccountEmail,
        },
      ]),
    ];
  }
  const { parent, accounts } = page.page;
  const rows: NodeRow<typeof AWSAccount>[] = [];
  for (const a of accounts) {
    const selected =
      a.Id !== undefined &&
      isSelected(
        { id: a.Id, name: a.Name, state: a.State ?? a.Status, path: parent.path },
        context.selection,
      );
    const row = accountRow(a, orgId, selected);
    if (row) rows.push(row);
  }
  const accountIds = rows.map((r) => r.id);
  const rootId = `${orgId}/${parent.path[0] ?? parent.id}`;
  if (parent.kind === 'root') {
    return [
      load(AWSAccount, rows),
      load(AWSOrganizationRoot, [
        {
          id: rootId,
          root_id: parent.id,
          arn: parent.arn,
          name: parent.name,
          org_id: orgId,
          organization: orgId,
          accounts: accountIds,
          accountParents: accountIds,
        },
      ]),
    ] as const;
  }
  const parentId = parent.parentId ?? '';
  const underRoot = parentId.startsWith('r-');
  const parentKey = `${orgId}/${parentId}`;
  return [
    load(AWSAccount, rows),
    load(AWSOrganizationalUnit, [
      {
        id: `${orgId}/${parent.id}`,
        ou_id: parent.id,
        arn: parent.arn,
        name: parent.name,
        org_id: orgId,
        root_id: rootId,
        parent_root_id: underRoot ? parentKey : undefined,
        parent_ou_id: underRoot ? undefined : parentKey,
        parentRoot: underRoot ? parentKey : undefined,
        // As in Cartography, the root holds every OU of its tree, nested ones included.
        rootResource: rootId,
        parentOu: underRoot ? undefined : parentKey,
        ouResource: underRoot ? undefined : parentKey,
        accounts: accountIds,
        accountParents: accountIds,
      },
    ]),
  ] as const;
}

async function* organizationPages(ctx: CollectContext<OrgScopeContext>): AsyncIterable<OrganizationPage> {
  const client = ctx.context.clients.organizations(ctx.context.region);
  try {
    const described = await ctx.call('organizations:DescribeOrganization', () =>
      client.send(new DescribeOrganizationCommand({}), { abortSignal: requestSignal(ctx.signal) }),
    );
    if (described.Organization) yield { kind: 'organization', organization: described.Organization };
    for await (const page of walkOrganization(ctx, client, ctx.signal)) yield { kind: 'parent', page };
  } finally {
    client.destroy();
  }
}

/** The organisation, its roots and OUs, and every member account with its place in the tree. */
export const organizationCollector = defineCollector<OrgScopeContext, OrganizationPage>({
  name: 'organizations:tree',
  schemas: [AWSOrganization, AWSAccount, AWSOrganizationRoot, AWSOrganizationalUnit],
  fetch: organizationPages,
  transform: (page, ctx) => transformOrganization(page, ctx.context),
});
