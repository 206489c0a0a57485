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

/**
 * Rows travel as lists, not maps: `[key, fingerprint, ...values]` for nodes,
 * the values in the order of {@link nodeRowProperties}, and `[key, target
 * key]` (or `[key, target key, properties]`) for relationships, one row per
 * relationship. A list crosses into the embedded engine about three times
 * faster than a map with the same values (the property names are not sent
 * with every row), and both engines index lists the same way.
 */
export const NODE_ROW_VALUES = 2;

/** The properties a node row carries, in the order of its values. */
export function nodeRowProperties(schema: AnyNodeSchema): string[] {
  return Object.keys(schema.properties);
}

/** The map of a node row's properties, as a Cypher map literal over `row`. */
function propsMap(schema: AnyNodeSchema): string {
  const entries = nodeRowProperties(schema).map((name, i) => `${name}: row[${i + NODE_ROW_VALUES}]`);
  return `{${entries.join(', ')}}`;
}

// The row's fingerprint (see `fingerprint` in schema-writer.ts) covers its
// property values, the schema's labels and the writer's name and version. A
// node whose stored fingerprint equals the row's has all of them already: only
// its lastupdated is written (and its scope edge's), which is most of the work
// of an unchanged re-sync. A node without one (new, or written by another
// tool) gets everything; `same` is then null, which counts as different.
const SAME = `n.${HASH_PROPERTY} = row[1]`;

/** Runs `updates` (SET items) only where the row's fingerprint differed from the node's. */
const whereChanged = (updates: string) =>
  `FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET ${updates})`;

// For a node that existed and whose fingerprint differs: the properties whose
// value changed, with the old value. A property changed unless old and new
// are equal or both null (`=` on null is null). `$names` lists the
// properties in row order.
const changedProps = (schema: AnyNodeSchema) =>
  `CASE WHEN n.lastupdated IS NULL OR ${SAME} THEN [] ELSE ` +
  `[i IN range(0, ${nodeRowProperties(schema).length - 1}) WHERE NOT coalesce(n[$names[i]] = row[i + ${NODE_ROW_VALUES}], n[$names[i]] IS NULL AND row[i + ${NODE_ROW_VALUES}] IS NULL) | [$names[i], n[$names[i]]]] END`;

/**
 * Cartography's writer bookkeeping on node or relationship `v`, from the
 * `$moduleName` and `$moduleVersion` parameters the loader and the analysis
 * jobs get: a SET item, e.g. `SET r.lastupdated = $updateTag, ${writerStamp('r')}`.
 */
export const writerStamp = (v: string) =>
  `${v}._module_name = $moduleName, ${v}._module_version = $moduleVersion`;

/**
 * The node upsert of a schema, for `UNWIND $rows` of `[key, fingerprint,
 * ...values]` (see {@link NODE_ROW_VALUES}); a tracked upsert also takes
 * `$names`, the property names in row order.
 *
 * The scope owner is matched once, before the UNWIND; a missing owner writes
 * nothing, so the runner MERGEs every scope's owner first.
 */
export function upsertNodesCypher(schema: AnyNodeSchema, options: UpsertOptions = {}): string {
  const lines: string[] = [];
  if (schema.scope)
    lines.push(`MATCH (s:${schema.scope.owner.label} {${schema.scope.owner.key}: $scopeKey})`);
  const everything =
    `n += ${propsMap(schema)}, n.${HASH_PROPERTY} = row[1], ${writerStamp('n')}` +
    (schema.extraLabels.length > 0 ? `, n:${schema.extraLabels.join(':')}` : '');
  lines.push(
    'UNWIND $rows AS row',
    `MERGE (n:${schema.label} {${schema.key}: row[0]})`,
    // A new node gets everything at once; an existing one below, where its fingerprint differs.
    `ON CREATE SET n.firstseen = timestamp(), ${everything}`,
    // Read before the SETs: whether the node is as the row describes it, and
    // (tracked) whether it existed (a node without lastupdated was created just now) and what changed.
    `WITH ${schema.scope ? 's, ' : ''}row, n, ${SAME} AS same` +
      (options.track ? `, n.lastupdated AS previous, ${changedProps(schema)} AS before` : ''),
    'SET n.lastupdated = $updateTag',
    whereChanged(everything),
  );
  if (schema.scope) {
    // The loaded node comes first in the pattern: the embedded engine expands
    // MERGE patterns from their first node, and the owner has a high degree.
    lines.push(
      `MERGE (n)<-[r:${schema.scope.rel}]-(s)`,
      `ON CREATE SET r.firstseen = timestamp(), ${writerStamp('r')}`,
      'SET r.lastupdated = $updateTag',
      whereChanged(writerStamp('r')),
    );
  }
  lines.push(
    options.track
      ? 'RETURN count(n) AS written, collect(CASE WHEN previous IS NULL THEN row[0] END) AS added,\n' +
          '  collect(CASE WHEN size(before) > 0 THEN [row[0], before] END) AS changed'
      : 'RETURN count(n) AS written',
  );
  return lines.join('\n');
}

/**
 * The MERGE of one relationship of a schema, for `UNWIND $rows` of `[key,
 * target key]`, one row per relationship, or `[key, target key, properties]`
 * with `withProperties` (a relationship that carries properties). One flat row
 * per relationship costs the engine about half as much as a nested list of
 * targets per node.
 */
export function upsertRelCypher(
  schema: AnyNodeSchema,
  rel: RelSpec,
  options: UpsertOptions & { withProperties?: boolean } = {},
): string {
  const [left, right] = rel.direction === 'out' ? ['-', '->'] : ['<-', '-'];
  const shared = (rel.alsoMatch ?? []).map((p) => `, ${p}: n.${p}`).join('');
  const target = `(m:${rel.target.label} {${rel.target.key}: row[1]${shared}})`;
  const lines = ['UNWIND $rows AS row', `MATCH (n:${schema.label} {${schema.key}: row[0]})`];
  if (rel.sameScope && schema.scope) {
    // The target comes first: the engine expands from the first node, and the owner has a high degree.
    lines.push(
      `MATCH ${target}<-[:${schema.scope.rel}]-(:${schema.scope.owner.label} {${schema.scope.owner.key}: $scopeKey})`,
    );
  } else {
    lines.push(`MATCH ${target}`);
  }
  lines.push(`MERGE (n)${left}[r:${rel.type}]${right}(m)`, 'ON CREATE SET r.firstseen = timestamp()');
  if (options.track) lines.push('WITH row, r, r.lastupdated AS previous');
  lines.push(
    `SET ${options.withProperties ? 'r += row[2], ' : ''}r.lastupdated = $updateTag, ${writerStamp('r')}`,
    options.track
      ? 'RETURN count(r) AS written, collect(CASE WHEN previous IS NULL THEN [row[0], row[1]] END) AS added'
      : 'RETURN count(r) AS written',
  );
  return lines.join('\n');
}
