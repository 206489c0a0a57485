import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { AWSInlinePolicy, AWSPolicyStatement } from '../../schema/iam-policy.ts';
import { AWSGroup } from '../../schema/iam-principal.ts';
import { isoDate, present } from '../where.ts';
import { type AuthorizationDetailsPage, authorizationDetails } from './authorization-details.ts';
import { parsePolicyDocument } from './policy-document.ts';
import { inlinePolicyId, inlinePolicyRows } from './policy-rows.ts';

/** Group rows with their inline policies (policies first: groups point at them). */
export function transformGroups(page: AuthorizationDetailsPage) {
  const groups: NodeRow<typeof AWSGroup>[] = [];
  const inline: NodeRow<typeof AWSInlinePolicy>[] = [];
  const statements: NodeRow<typeof AWSPolicyStatement>[] = [];
  for (const g of page.GroupDetailList ?? []) {
    if (!g.Arn || !g.GroupName) continue;
    const embedded = inlinePolicyRows(g.Arn, g.GroupPolicyList, parsePolicyDocument);
    inline.push(...embedded.inline);
    statements.push(...embedded.statements);
    groups.push({
      id: g.Arn,
      arn: g.Arn,
      groupid: g.GroupId,
      name: g.GroupName,
      path: g.Path,
      createdate: isoDate(g.CreateDate),
      policies: [
        ...present((g.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn)),
        ...present((g.GroupPolicyList ?? []).map((p) => p.PolicyName)).map((name) =>
          inlinePolicyId(g.Arn as string, name),
        ),
      ],
    });
  }
  return [
    load(AWSInlinePolicy, inline),
    load(AWSPolicyStatement, statements),
    load(AWSGroup, groups),
  ] as const;
}

/** IAM groups of an account with their policies (IAM GetAccountAuthorizationDetails, groups only). */
export const groupsCollector = defineCollector<AwsScopeContext, AuthorizationDetailsPage>({
  name: 'iam:groups',
  schemas: [AWSInlinePolicy, AWSPolicyStatement, AWSGroup],
  fetch: (ctx) => authorizationDetails(ctx, ['Group']),
  transform: (page) => transformGroups(page),
});
