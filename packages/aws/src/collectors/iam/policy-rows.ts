import type { NodeRow } from '@skygraph/core';
import type { AWSInlinePolicy, AWSPolicyStatement } from '../../schema/iam-policy.ts';
import { asList, type PolicyDocument, statementsOf } from './policy-document.ts';

/** Cartography's id of an inline policy. */
export function inlinePolicyId(principalArn: string, policyName: string): string {
  return `${principalArn}/inline_policy/${policyName}`;
}

/**
 * Statement rows of a policy document. A statement is keyed by its Sid, or
 * by its 1-based position when it has none (or repeats a Sid already used).
 */
export function statementRows(
  policyId: string,
  doc: PolicyDocument | undefined,
): NodeRow<typeof AWSPolicyStatement>[] {
  const rows: NodeRow<typeof AWSPolicyStatement>[] = [];
  const used = new Set<string>();
  statementsOf(doc).forEach((s, index) => {
    const sid = typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
    const suffix = sid !== undefined && !used.has(sid) ? sid : String(index + 1);
    used.add(suffix);
    rows.push({
      id: `${policyId}/statements/${suffix}`,
      sid,
      effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
      action: nullIfEmpty(asList(s.Action)),
      notaction: nullIfEmpty(asList(s.NotAction)),
      resource: nullIfEmpty(asList(s.Resource)),
      notresource: nullIfEmpty(asList(s.NotResource)),
      condition: s.Condition === undefined ? undefined : JSON.stringify(s.Condition),
      policy: policyId,
    });
  });
  return rows;
}

function nullIfEmpty(list: string[]): string[] | undefined {
  return list.length === 0 ? undefined : list;
}

/** Inline policy and statement rows of one principal's embedded policies. */
export function inlinePolicyRows(
  principalArn: string,
  policies: readonly { PolicyName?: string | undefined; PolicyDocument?: string | undefined }[] | undefined,
  parse: (raw: string | undefined) => PolicyDocument | undefined,
) {
  const inline: NodeRow<typeof AWSInlinePolicy>[] = [];
  const statements: NodeRow<typeof AWSPolicyStatement>[] = [];
  for (const p of policies ?? []) {
    if (!p.PolicyName) continue;
    const id = inlinePolicyId(principalArn, p.PolicyName);
    inline.push({ id, name: p.PolicyName, type: 'inline', principal_arn: principalArn });
    statements.push(...statementRows(id, parse(p.PolicyDocument)));
  }
  return { inline, statements };
}
