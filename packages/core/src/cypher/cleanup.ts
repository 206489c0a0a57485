import { type AnyNodeSchema, relationshipsOf, type ScopeRelSpec } from '../schema/define.ts';
import { assertIdentifier } from '../schema/identifier.ts';

/** What a cleanup statement deletes; the stale check tells which of them have anything to do. */
export type CleanupTarget =
  | { kind: 'stale-nodes' }
  | { kind: 'relationship'; type: string; direction: 'out' | 'in' }
  | { kind: 'scope-edges' };

export interface CleanupStatement {
  cypher: string;
  deletes: CleanupTarget;
}

function filterClause(filterProps: readonly string[]): string {
  return filterProps.map((p) => ` AND n.${assertIdentifier(p, 'scope filter')} = $filter_${p}`).join('');
}

/**
 * Cleanup statements of one schema under one scope. Each deletes at most
 * `$batch` entities and returns `deleted`; the runner repeats a statement
 * until it deletes fewer than `$batch`, so no transaction grows with the
 * size of the deletion. Order matters: the relationships of stale nodes go
 * first (a high-degree node is never detached in one transaction), then the
 * nodes, then stale relationships of the nodes that stay. The node and
 * relationship statements also return what they deleted, for the change log.
 */
export function cleanupCypher(
  schema: AnyNodeSchema,
  filterProps: readonly string[],
  exclude: readonly string[] = [],
): CleanupStatement[] {
  const scope = schema.scope;
  if (!scope) return [];
  // Nodes of another type that carries this type's label as an extra one
  // (an inbound rule is an AWSIpRule too) are that type's to clean up.
  const filters =
    filterClause(filterProps) +
    exclude.map((label) => ` AND NOT n:${assertIdentifier(label, 'label')}`).join('');
  const owner = `(s:${scope.owner.label} {${scope.owner.key}: $scopeKey})`;
  // A node another owner still holds (a shared CIDR range, a tag of a shared
  // network) is not this scope's to delete: only its scope edge goes (below).
  const stale =
    `${owner}-[sr:${scope.rel}]->(n:${schema.label})\nWHERE n.lastupdated <> $updateTag${filters}\n` +
    `AND NOT EXISTS { MATCH (n)<-[:${scope.rel}]-(other:${scope.owner.label}) WHERE other <> s }`;
  const staleNodes = { kind: 'stale-nodes' } as const;
  const statements: CleanupStatement[] = [
    // Grafeo has no `r <> sr` on relationships, so the scope edge is told apart by its owner.
    {
      cypher: `MATCH ${stale}\nMATCH (n)-[r]-(o)\nWHERE o <> s\nWITH DISTINCT r LIMIT $batch\nDELETE r\nRETURN count(r) AS deleted`,
      deletes: staleNodes,
    },
    {
      cypher: `MATCH ${stale}\nWITH n LIMIT $batch\nWITH n, n.${schema.key} AS key\nDETACH DELETE n\nRETURN count(*) AS deleted, collect(key) AS keys`,
      deletes: staleNodes,
    },
  ];
  for (const [, rel] of relationshipsOf(schema)) {
    const [left, right] = rel.direction === 'out' ? ['-', '->'] : ['<-', '-'];
    statements.push({
      cypher:
        `MATCH ${owner}-[:${scope.rel}]->(n:${schema.label})${left}[r:${rel.type}]${right}(m:${rel.target.label})\n` +
        `WHERE r.lastupdated <> $updateTag${filters}\nWITH DISTINCT r, n.${schema.key} AS key, m.${rel.target.key} AS target LIMIT $batch\n` +
        `DELETE r\nRETURN count(*) AS deleted, collect([key, target, '${rel.type}']) AS pairs`,
      deletes: { kind: 'relationship', type: rel.type, direction: rel.direction },
    });
  }
  statements.push({
    cypher:
      `MATCH ${owner}-[r:${scope.rel}]->(n:${schema.label})\nWHERE r.lastupdated <> $updateTag${filters}\n` +
      'WITH r LIMIT $batch\nDELETE r\nRETURN count(r) AS deleted',
    deletes: { kind: 'scope-edges' },
  });
  return statements;
}

/**
 * One read over a scope that tells, per label, whether anything is stale:
 * nodes, scope edges, and which relationship types (of `$outTypes` going out,
 * `$inTypes` coming in) have stale edges. It walks the scope's nodes and
 * their edges once, where the cleanup statements would walk them once per
 * statement; after an unchanged sync it returns no rows and cleanup runs
 * nothing. Only nodes with one of `labels` (the scope's schemas) are read. It may over-report (a type another schema declares), never under-report.
 */
export function staleCheckCypher(
  scope: ScopeRelSpec,
  labels: readonly string[],
  filterProps: readonly string[],
): string {
  const labelled = labels.map((label) => `n:${assertIdentifier(label, 'label')}`).join(' OR ');
  return [
    `MATCH (s:${scope.owner.label} {${scope.owner.key}: $scopeKey})-[sr:${scope.rel}]->(n)`,
    `WHERE (${labelled})${filterClause(filterProps)}`,
    // Pattern comprehensions: the embedded engine runs OPTIONAL MATCH here many times slower.
    'WITH n, sr, [(n)-[o]->() WHERE o.lastupdated <> $updateTag AND type(o) IN $outTypes | type(o)] AS outTypes,',
    '  [(n)<-[i]-() WHERE i.lastupdated <> $updateTag AND type(i) IN $inTypes | type(i)] AS inTypes',
    'WHERE n.lastupdated <> $updateTag OR sr.lastupdated <> $updateTag OR size(outTypes) > 0 OR size(inTypes) > 0',
    'UNWIND labels(n) AS label',
    'RETURN label,',
    '  sum(CASE WHEN n.lastupdated <> $updateTag THEN 1 ELSE 0 END) AS staleNodes,',
    '  sum(CASE WHEN sr.lastupdated <> $updateTag THEN 1 ELSE 0 END) AS staleEdges,',
    '  collect(DISTINCT outTypes) AS outTypes, collect(DISTINCT inTypes) AS inTypes',
  ].join('\n');
}
