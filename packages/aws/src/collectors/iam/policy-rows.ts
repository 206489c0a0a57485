import type { NodeRow } from '@skygraph/core';
import type { AWSInlinePolicy, AWSPolicyStatement } from '../../schema/iam-policy.ts';
import { asList, type PolicyDocument, statementsOf } from './policy-document.ts';

/** Cartography's id of an inline policy. */
export function inlinePolicyId(principalArn: string, policyName: string): string {
  return `${principalArn}/inline_policy/${policyName}`;
}

/**
 * Statement rows of a policy document, keyed as Cartography keys them:
 * `<policy id>/statement/<Sid>`, or `<policy id>/statement/<n>` for the n-th
 * statement without a Sid. A Sid used twice in one document (IAM allows it)
 * counts as no Sid the second time, so no statement is lost.
 */
export function statementRows(
  policyId: string,
  doc: PolicyDocument | undefined,
): NodeRow<typeof AWSPolicyStatement>[] {
  const rows: NodeRow<typeof AWSPolicyStatement>[] = [];
  const used = new Set<string>();
  let unnamed = 0;
  for (const s of statementsOf(doc)) {
    const sid = typeof s.Sid === 'string' && s.Sid !== '' ? s.Sid : undefined;
    const suffix = sid !== undefined && !used.has(sid) ? sid : String(++unnamed);
    used.add(suffix);
    rows.push({
      id: `${policyId}/statement/${suffix}`,
      sid,
      effect: s.Effect === 'Deny' ? 'Deny' : 'Allow',
      action: nullIfEmpty(asList(s.Action)),
      notaction: nullIfEmpty(asList(s.NotAction)),
      resource: nullIfEmpty(asList(s.Resource)),
      notresource: nullIfEmpty(asList(s.NotResource)),
      // Cartography's shape: the Condition block in a list, as Python's json.dumps writes it.
      condition: s.Condition === undefined ? undefined : pythonJson([s.Condition]),
      policy: policyId,
    });
  }
  return rows;
}

/**
 * JSON as Python's `json.dumps` writes it by default (`", "` and `": "`
 * separators, DEL and non-ASCII escaped), so a value Cartography stores as JSON text
 * is the same string when skygraph stores it.
 */
export function pythonJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.map(([k, v]) => `${pythonJson(k)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  if (typeof value === 'string') {
    return JSON.stringify(value).replace(
      /[\u007f-\uffff]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
    );
  }
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return JSON.stringify(value);
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
