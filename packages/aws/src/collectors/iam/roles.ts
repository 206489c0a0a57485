import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { AWSInlinePolicy, AWSPolicyStatement } from '../../schema/iam-policy.ts';
import {
  AWSFederatedPrincipal,
  AWSRole,
  AWSRootPrincipal,
  AWSServicePrincipal,
} from '../../schema/iam-principal.ts';
import { AWSInstanceProfile } from '../../schema/instance-profile.ts';
import { isoDate, present } from '../where.ts';
import { type AuthorizationDetailsPage, authorizationDetails } from './authorization-details.ts';
import { parsePolicyDocument, trustedPrincipals } from './policy-document.ts';
import { inlinePolicyId, inlinePolicyRows } from './policy-rows.ts';

/**
 * Role rows with their inline policies, trusted principals and instance
 * profiles. The account's root principal and the service and federated
 * principals the trust policies name come before the roles, so the trust
 * edges find them; instance profiles come after, as they point at roles.
 */
export function transformRoles(page: AuthorizationDetailsPage, where: { accountId: string }) {
  const roles: NodeRow<typeof AWSRole>[] = [];
  const inline: NodeRow<typeof AWSInlinePolicy>[] = [];
  const statements: NodeRow<typeof AWSPolicyStatement>[] = [];
  const services = new Set<string>();
  const federated = new Set<string>();
  const profiles = new Map<string, NodeRow<typeof AWSInstanceProfile>>();
  for (const r of page.RoleDetailList ?? []) {
    if (!r.Arn || !r.RoleName) continue;
    const arn = r.Arn;
    const embedded = inlinePolicyRows(arn, r.RolePolicyList, parsePolicyDocument);
    inline.push(...embedded.inline);
    statements.push(...embedded.statements);
    const trustDocument = parsePolicyDocument(r.AssumeRolePolicyDocument);
    const trusted = trustedPrincipals(trustDocument);
    for (const s of trusted.service) services.add(s);
    for (const f of trusted.federated) federated.add(f);
    roles.push({
      id: arn,
      arn,
      roleid: r.RoleId,
      name: r.RoleName,
      path: r.Path,
      createdate: isoDate(r.CreateDate),
      trusted_aws_principals: trusted.aws,
      trust_policy: trustDocument ? JSON.stringify(trustDocument) : undefined,
      policies: [
        ...present((r.AttachedManagedPolicies ?? []).map((p) => p.PolicyArn)),
        ...present((r.RolePolicyList ?? []).map((p) => p.PolicyName)).map((name) =>
          inlinePolicyId(arn, name),
        ),
      ],
      trusts: [...trusted.aws.filter((p) => p !== '*'), ...trusted.service, ...trusted.federated],
    });
    for (const p of r.InstanceProfileList ?? []) {
      if (!p.Arn || !p.InstanceProfileName || profiles.has(p.Arn)) continue;
      profiles.set(p.Arn, {
        id: p.Arn,
        arn: p.Arn,
        instance_profile_id: p.InstanceProfileId,
        instance_profile_name: p.InstanceProfileName,
        path: p.Path,
        createdate: isoDate(p.CreateDate),
        roles: present((p.Roles ?? []).map((role) => role.Arn)),
      });
    }
  }
  const root = `arn:aws:iam::${where.accountId}:root`;
  return [
    load(AWSRootPrincipal, [{ id: root, arn: root }]),
    load(
      AWSServicePrincipal,
      [...services].map((s) => ({ id: s, arn: s, type: 'Service' })),
    ),
    load(
      AWSFederatedPrincipal,
      [...federated].map((f) => ({ id: f, arn: f, type: 'Federated', accounts: where.accountId })),
    ),
    load(AWSInlinePolicy, inline),
    load(AWSPolicyStatement, statements),
    load(AWSRole, roles),
    load(AWSInstanceProfile, [...profiles.values()]),
  ] as const;
}

/** IAM roles of an account with their policies, trust relationships and instance profiles. */
export const rolesCollector = defineCollector<AwsScopeContext, AuthorizationDetailsPage>({
  name: 'iam:roles',
  schemas: [
    AWSRootPrincipal,
    AWSServicePrincipal,
    AWSFederatedPrincipal,
    AWSInlinePolicy,
    AWSPolicyStatement,
    AWSRole,
    AWSInstanceProfile,
  ],
  fetch: (ctx) => authorizationDetails(ctx, ['Role']),
  transform: (page, ctx) => transformRoles(page, ctx.context),
});
