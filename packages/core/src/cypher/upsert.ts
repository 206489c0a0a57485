import { type AnyNodeSchema, HASH_PROPERTY, type RelSpec } from '../schema/define.ts';

/** Options of the generated upserts. */
export interface UpsertOptions {
  /**
   * Also return what the write changed, for the change log: keys of nodes
   * created (`added`), `[key, [[property, old value], ...]]` of nodes whose
   * properties changed (`changed`), and `[key, target]` of relationships
   * created (`added`). The comparison happens in the same statement, so
   * tracking needs no extra read.
   */
  track?: boolean;
}

// Where the fingerprint (`row.hash`) differs: the properties whose value changed, with the
// old value. A property changed unless old and new are equal or both null
// (`=` on null is null).
const CHANGED_PROPS =
  `CASE WHEN n.${HASH_PROPERTY} = row.hash THEN [] ELSE ` +
  '[k IN keys(row.props) WHERE NOT coalesce(n[k] = row.props[k], n[k] IS NULL AND row.props[k] IS NULL) | [k, n[k]]] END';

/**
 * Cartography's writer bookkeeping on node or relationship `v`, from the
 * `$moduleName` and `$moduleVersion` parameters the loader and the analysis
 * jobs get: a SET item, e.g. `SET r.lastupdated = $updateTag, ${writerStamp('r')}`.
 */
export const writerStamp = (v: string) =>
  `${v}._module_name = $moduleName, ${v}._module_version = $moduleVersion`;

/**
 * The node upsert of a schema, for `UNWIND $rows` of `{ key, props, hash }`.
 *
 * The scope owner is matched once, before the UNWIND; a missing owner writes
 * nothing, so the runner MERGEs every scope's owner first.
 */
export function upsertNodesCypher(schema: AnyNodeSchema, options: UpsertOptions = {}): string {
  const lines: string[] = [];
  if (schema.scope)
    lines.push(`MATCH (s:${schema.scope.owner.label} {${schema.scope.owner.key}: $scopeKey})`);
  lines.push(
    'UNWIND $rows AS row',
    `MERGE (n:${schema.label} {${schema.key}: row.key})`,
    'ON CREATE SET n.firstseen = timestamp()',
  );
  if (options.track) {
    // Read before the SET: a node without lastupdated was created just now.
    lines.push(
      `WITH ${schema.scope ? 's, ' : ''}row, n, n.lastupdated AS previous, ${CHANGED_PROPS} AS before`,
    );
  }
  lines.push(
    `SET n += row.props, n.${HASH_PROPERTY} = row.hash, n.lastupdated = $updateTag, ${writerStamp('n')}${schema.extraLabels.map((l: string) => `, n:${l}`).join('')}`,
  );
  if (schema.scope) {
    // The loaded node comes first in the pattern: the embedded engine expands
    // MERGE patterns from their first node, and the owner has a high degree.
    lines.push(
      `MERGE (n)<-[r:${schema.scope.rel}]-(s)`,
      'ON CREATE SET r.firstseen = timestamp()',
      `SET r.lastupdated = $updateTag, ${writerStamp('r')}`,
    );
  }
  lines.push(
    options.track
      ? 'RETURN count(n) AS written, collect(CASE WHEN previous IS NULL THEN row.key END) AS added,\n' +
          '  collect(CASE WHEN previous IS NOT NULL AND size(before) > 0 THEN [row.key, before] END) AS changed'
      : 'RETURN count(n) AS written',
  );
  return lines.join('\n');
}

/** The MERGE of one relationship of a schema, for `UNWIND $rows` of `{ key, targets: [{ key, props }] }`. */
export function upsertRelCypher(schema: AnyNodeSchema, rel: RelSpec, options: UpsertOptions = {}): string {
  const [left, right] = rel.direction === 'out' ? ['-', '->'] : ['<-', '-'];
  const shared = (rel.alsoMatch ?? []).map((p) => `, ${p}: n.${p}`).join('');
  const target = `(m:${rel.target.label} {${rel.target.key}: t.key${shared}})`;
  const lines = [
    'UNWIND $rows AS row',
    `MATCH (n:${schema.label} {${schema.key}: row.key})`,
    'UNWIND row.targets AS t',
  ];
  if (rel.sameScope && schema.scope) {
    // The target comes first: the engine expands from the first node, and the owner has a high degree.
    lines.push(
      `MATCH ${target}<-[:${schema.scope.rel}]-(:${schema.scope.owner.label} {${schema.scope.owner.key}: $scopeKey})`,
    );
  } else {
    lines.push(`MATCH ${target}`);
  }
  lines.push(`MERGE (n)${left}[r:${rel.type}]${right}(m)`, 'ON CREATE SET r.firstseen = timestamp()');
  if (options.track) lines.push('WITH row, t, r, r.lastupdated AS previous');
  lines.push(
    `SET r += t.props, r.lastupdated = $updateTag, ${writerStamp('r')}`,
    options.track
      ? 'RETURN count(r) AS written, collect(CASE WHEN previous IS NULL THEN [row.key, t.key] END) AS added'
      : 'RETURN count(r) AS written',
  );
  return lines.join('\n');
}
