import type { AnyNodeSchema, RelSpec } from '../schema/define.ts';

/**
 * The node upsert of a schema, for `UNWIND $rows` of `{ key, props }`.
 *
 * The scope owner is matched once, before the UNWIND; a missing owner writes
 * nothing, so the runner MERGEs every scope's owner first.
 */
export function upsertNodesCypher(schema: AnyNodeSchema): string {
  const lines: string[] = [];
  if (schema.scope)
    lines.push(`MATCH (s:${schema.scope.owner.label} {${schema.scope.owner.key}: $scopeKey})`);
  lines.push(
    'UNWIND $rows AS row',
    `MERGE (n:${schema.label} {${schema.key}: row.key})`,
    'ON CREATE SET n.firstseen = timestamp()',
    `SET n += row.props, n.lastupdated = $updateTag${schema.extraLabels.map((l: string) => `, n:${l}`).join('')}`,
  );
  if (schema.scope) {
    // The loaded node comes first in the pattern: the embedded engine expands
    // MERGE patterns from their first node, and the owner has a high degree.
    lines.push(
      `MERGE (n)<-[r:${schema.scope.rel}]-(s)`,
      'ON CREATE SET r.firstseen = timestamp()',
      'SET r.lastupdated = $updateTag',
    );
  }
  lines.push('RETURN count(n) AS written');
  return lines.join('\n');
}

/** The MERGE of one relationship of a schema, for `UNWIND $rows` of `{ key, targets: [{ key, props }] }`. */
export function upsertRelCypher(schema: AnyNodeSchema, rel: RelSpec): string {
  const [left, right] = rel.direction === 'out' ? ['-', '->'] : ['<-', '-'];
  const target = `(m:${rel.target.label} {${rel.target.key}: t.key})`;
  const lines = [
    'UNWIND $rows AS row',
    `MATCH (n:${schema.label} {${schema.key}: row.key})`,
    'UNWIND row.targets AS t',
  ];
  if (rel.sameScope && schema.scope) {
    lines.push(
      `MATCH (:${schema.scope.owner.label} {${schema.scope.owner.key}: $scopeKey})-[:${schema.scope.rel}]->${target}`,
    );
  } else {
    lines.push(`MATCH ${target}`);
  }
  lines.push(
    `MERGE (n)${left}[r:${rel.type}]${right}(m)`,
    'ON CREATE SET r.firstseen = timestamp()',
    'SET r += t.props, r.lastupdated = $updateTag',
    'RETURN count(r) AS written',
  );
  return lines.join('\n');
}
