import {
  DescribePolicyCommand,
  ListPoliciesCommand,
  ListRootsCommand,
  ListTargetsForPolicyCommand,
  type OrganizationsClient,
  type PolicySummary,
  type PolicyTargetSummary,
} from '@aws-sdk/client-organizations';
import { type CollectContext, defineCollector, errorMessage, load, type NodeRow } from '@skygraph/core';
import { classifyAwsError } from '../../classify-error.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AWSOrganizationPolicy, AWSOrganizationPolicyStatement } from '../../schema/organization-policy.ts';
import { parsePolicyDocument } from '../iam/policy-document.ts';
import { statementRows } from '../iam/policy-rows.ts';
import type { OrgScopeContext } from './organization-tree.ts';

/** The authorization policy types collected, with how a warning names them. */
export const ORGANIZATION_POLICY_TYPES = {
  SERVICE_CONTROL_POLICY: 'service control policies (SCPs)',
  RESOURCE_CONTROL_POLICY: 'resource control policies (RCPs)',
} as const;

export type OrganizationPolicyType = keyof typeof ORGANIZATION_POLICY_TYPES;

/** One policy as the API describes it: its summary, its document, and every target it is attached to. */
export interface OrganizationPolicyPage {
  summary: PolicySummary;
  content: string | undefined;
  targets: PolicyTargetSummary[];
}

/**
 * Statement rows of a policy document, keyed as IAM statements are
 * (`<policy id>/statement/<Sid or n>`): the same rows, under a label of their own.
 */
export function organizationStatementRows(
  policyId: string,
  content: string | undefined,
): NodeRow<typeof AWSOrganizationPolicyStatement>[] {
  return statementRows(policyId, parsePolicyDocument(content));
}

/**
 * The policy node, attached to its roots and OUs (keyed `<org id>/<id>` as
 * the tree collector keys them) and accounts, then its statements.
 */
export function transformOrganizationPolicy(page: OrganizationPolicyPage, organizationId: string) {
  const s = page.summary;
  if (!s.Id || !s.Type) return [];
  const id = `${organizationId}/${s.Id}`;
  const targets = (type: PolicyTargetSummary['Type']) =>
    page.targets.filter((t) => t.Type === type && t.TargetId).map((t) => t.TargetId as string);
  return [
    load(AWSOrganizationPolicy, [
      {
        id,
        policy_id: s.Id,
        arn: s.Arn,
        name: s.Name,
        description: s.Description,
        type: s.Type,
        aws_managed: s.AwsManaged,
        content: page.content,
        org_id: organizationId,
        roots: targets('ROOT').map((root) => `${organizationId}/${root}`),
        ous: targets('ORGANIZATIONAL_UNIT').map((ou) => `${organizationId}/${ou}`),
        accounts: targets('ACCOUNT'),
      },
    ]),
    load(AWSOrganizationPolicyStatement, organizationStatementRows(id, page.content)),
  ] as const;
}

/** The policy types enabled on the organisation's roots (ListRoots reports them). */
async function enabledPolicyTypes(
  ctx: CollectContext<OrgScopeContext>,
  client: OrganizationsClient,
): Promise<Set<string>> {
  const enabled = new Set<string>();
  for await (const page of paginate(
    ctx,
    'organizations:ListRoots',
    (NextToken) =>
      client.send(new ListRootsCommand({ NextToken }), { abortSignal: requestSignal(ctx.signal) }),
    (p) => p.NextToken,
  )) {
    for (const root of page.Roots ?? []) {
      for (const t of root.PolicyTypes ?? []) if (t.Type && t.Status === 'ENABLED') enabled.add(t.Type);
    }
  }
  return enabled;
}

async function* policiesOfType(
  ctx: CollectContext<OrgScopeContext>,
  client: OrganizationsClient,
  type: OrganizationPolicyType,
): AsyncIterable<OrganizationPolicyPage> {
  for await (const page of paginate(
    ctx,
    'organizations:ListPolicies',
    (NextToken) =>
      client.send(new ListPoliciesCommand({ Filter: type, NextToken, MaxResults: 20 }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextToken,
  )) {
    for (const summary of page.Policies ?? []) {
      const PolicyId = summary.Id;
      if (!PolicyId) continue;
      const described = await ctx.call('organizations:DescribePolicy', () =>
        client.send(new DescribePolicyCommand({ PolicyId }), { abortSignal: requestSignal(ctx.signal) }),
      );
      const targets: PolicyTargetSummary[] = [];
      for await (const p of paginate(
        ctx,
        'organizations:ListTargetsForPolicy',
        (NextToken) =>
          client.send(new ListTargetsForPolicyCommand({ PolicyId, NextToken, MaxResults: 20 }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        (p) => p.NextToken,
      ))
        targets.push(...(p.Targets ?? []));
      yield {
        summary: described.Policy?.PolicySummary ?? summary,
        content: described.Policy?.Content,
        targets,
      };
    }
  }
}

async function* organizationPolicyPages(
  ctx: CollectContext<OrgScopeContext>,
): AsyncIterable<OrganizationPolicyPage> {
  const client = ctx.context.clients.organizations(ctx.context.region);
  try {
    const enabled = await enabledPolicyTypes(ctx, client);
    for (const [type, what] of Object.entries(ORGANIZATION_POLICY_TYPES) as [
      OrganizationPolicyType,
      string,
    ][]) {
      if (!enabled.has(type)) {
        // Not enabled means none apply (disabling a type detaches its policies): nothing to keep.
        ctx.log.warn({ policyType: type }, `${what} are not enabled on the organisation root; skipped`);
        continue;
      }
      try {
        yield* policiesOfType(ctx, client, type);
      } catch (error) {
        if (ctx.signal.aborted || classifyAwsError(error) !== 'denied') throw error;
        ctx.log.warn(
          { policyType: type, err: errorMessage(error) },
          `access to the organisation's ${what} denied (organizations:ListPolicies, DescribePolicy, ListTargetsForPolicy); skipped`,
        );
      }
    }
  } finally {
    client.destroy();
  }
}

/**
 * The organisation's service and resource control policies, their documents
 * and where they are attached. Runs after the tree collector, whose roots,
 * OUs and accounts the attachments point at. A type not enabled on the root,
 * or one the hub may not read, is skipped with a warning.
 */
export const organizationPoliciesCollector = defineCollector<OrgScopeContext, OrganizationPolicyPage>({
  name: 'organizations:policies',
  schemas: [AWSOrganizationPolicy, AWSOrganizationPolicyStatement],
  fetch: organizationPolicyPages,
  transform: (page, ctx) => transformOrganizationPolicy(page, ctx.context.organizationId),
});
