import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { AWSManagedPolicy, AWSPolicyStatement } from '../../schema/iam-policy.ts';
import { isoDate } from '../where.ts';
import { type AuthorizationDetailsPage, authorizationDetails } from './authorization-details.ts';
import { parsePolicyDocument } from './policy-document.ts';
import { statementRows } from './policy-rows.ts';

/**
 * Managed policy rows (customer managed, and the AWS managed ones the account
 * uses) with the statements of their default version.
 */
export function transformManagedPolicies(page: AuthorizationDetailsPage) {
  const policies: NodeRow<typeof AWSManagedPolicy>[] = [];
  const statements: NodeRow<typeof AWSPolicyStatement>[] = [];
  for (const p of page.Policies ?? []) {
    if (!p.Arn || !p.PolicyName) continue;
    const version =
      p.PolicyVersionList?.find((v) => v.IsDefaultVersion) ??
      p.PolicyVersionList?.find((v) => v.VersionId === p.DefaultVersionId);
    policies.push({
      id: p.Arn,
      arn: p.Arn,
      name: p.PolicyName,
      type: 'managed',
      policyid: p.PolicyId,
      path: p.Path,
      description: p.Description,
      default_version_id: p.DefaultVersionId,
      isattachable: p.IsAttachable,
      createdate: isoDate(p.CreateDate),
      updatedate: isoDate(p.UpdateDate),
      aws_managed: p.Arn.startsWith('arn:aws:iam::aws:') || /^arn:aws[\w-]*:iam::aws:/.test(p.Arn),
    });
    statements.push(...statementRows(p.Arn, parsePolicyDocument(version?.Document)));
  }
  return [load(AWSManagedPolicy, policies), load(AWSPolicyStatement, statements)] as const;
}

/** Managed policies of an account (IAM GetAccountAuthorizationDetails, policies only). */
export const managedPoliciesCollector = defineCollector<AwsScopeContext, AuthorizationDetailsPage>({
  name: 'iam:managed-policies',
  schemas: [AWSManagedPolicy, AWSPolicyStatement],
  fetch: (ctx) => authorizationDetails(ctx, ['LocalManagedPolicy', 'AWSManagedPolicy']),
  transform: (page) => transformManagedPolicies(page),
});
