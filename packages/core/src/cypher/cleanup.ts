import { type AnyNodeSchema, relationshipsOf } from '../schema/define.ts';
import { assertIdentifier } from '../schema/identifier.ts';

/**
 * Cleanup statements of one schema under one scope. Each deletes at most
 * `$batch` entities and returns `deleted`; the runner repeats a statement
 * until it deletes fewer than `$batch`, so no transaction grows with the
 * size of the deletion. Order matters: the relationships of stale nodes go
 * first (a high-degree node is never detached in one transaction), then the
 * nodes, then stale relationships of the nodes that stay. The node and
 * relationship statements also return what they deleted, for the change log.
 */
export function cleanupCypher(schema: AnyNodeSchema, filterProps: readonly string[]): string[] {
  const scope = schema.scope;
  if (!scope) return [];
  const filters = filterProps
    .map((p) => ` AND n.${assertIdentifier(p, 'scope filter')} = $filter_${p}`)
    .join('');
  const owner = `(s:${scope.owner.label} {${scope.owner.key}: $scopeKey})`;
  // A node another owner still holds (a shared CIDR range, a tag of a shared
  // network) is not this scope's to delete: only its scope edge goes (below).
  const stale =
    `${owner}-[sr:${scope.rel}]->(n:${schema.label})\nWHERE n.lastupdated <> $updateTag${filters}\n` +
    `AND NOT EXISTS { MATCH (n)<-[:${scope.rel}]-(other:${scope.owner.label}) WHERE other <> s }`;
  const statements = [
    // Grafeo has no `r <> sr` on relationships, so the scope edge is told apart by its owner.
    `MATCH ${stale}\nMATCH (n)-[r]-(o)\nWHERE o <> s\nWITH DISTINCT r LIMIT $batch\nDELETE r\nRETURN count(r) AS deleted`,
    `MATCH ${stale}\nWITH n LIMIT $batch\nWITH n, n.${schema.key} AS key\nDETACH DELETE n\nRETURN count(*) AS deleted, collect(key) AS keys`,
  ];
  for (const [, rel] of relationshipsOf(schema)) {
    const [left, right] = rel.direction === 'out' ? ['-', '->'] : ['<-', '-'];
    statements.push(
      `MATCH ${owner}-[:${scope.rel}]->(n:${schema.label})${left}[r:${rel.type}]${right}(m:${rel.target.label})\n` +
        `WHERE r.lastupdated <> $updateTag${filters}\nWITH DISTINCT r, n.${schema.key} AS key, m.${rel.target.key} AS target LIMIT $batch\n` +
        `DELETE r\nRETURN count(*) AS deleted, collect([key, target, '${rel.type}']) AS pairs`,
    );
  }
  statements.push(
    `MATCH ${owner}-[r:${scope.rel}]->(n:${schema.label})\nWHERE r.lastupdated <> $updateTag${filters}\n` +
      'WITH r LIMIT $batch\nDELETE r\nRETURN count(r) AS deleted',
  );
  return statements;
}
