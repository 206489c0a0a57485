import { createIndexCypher, createUniqueCypher, type IndexSpec, schemaIndexes } from '../cypher/indexes.ts';
import type { AnyNodeSchema } from '../schema/define.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { CHANGE_LABEL } from './change-log.ts';
import { LEASE_LABEL } from './lease.ts';

/** The engine's own bookkeeping nodes, indexed like the schemas; a lease is unique per scope. */
const BOOKKEEPING: IndexSpec[] = [
  { label: LEASE_LABEL, property: 'scope', unique: true },
  { label: 'SyncMetadata', property: 'id', unique: false },
  { label: 'SyncMetadata', property: 'scope', unique: false },
  { label: CHANGE_LABEL, property: 'run_id', unique: false },
  { label: CHANGE_LABEL, property: 'at', unique: false },
];

/**
 * Creates what every schema key needs (idempotent). The embedded store gets
 * plain indexes: its single writer already serialises MERGEs. Neo4j runs
 * scopes' transactions concurrently, and only a uniqueness constraint makes
 * two concurrent MERGEs of one key create one node, so each schema key gets
 * one there. A plain index on the same label and property (Cartography
 * creates those) is replaced by the constraint, whose own index serves the
 * same lookups; Cartography's `CREATE INDEX IF NOT EXISTS` then does nothing.
 * Where existing duplicates make the constraint impossible, the key keeps a
 * plain index and `onWarning` says which label to deduplicate.
 */
export async function ensureIndexes(
  store: GraphStore,
  schemas: readonly AnyNodeSchema[],
  onWarning: (message: string) => void = () => {},
): Promise<void> {
  const specs = [...schemaIndexes(schemas), ...BOOKKEEPING];
  if (store.kind !== 'neo4j') {
    for (const spec of specs) await store.write([{ cypher: createIndexCypher(spec), params: {} }]);
    return;
  }
  // Each schema statement is its own transaction on Neo4j (tens of ms even
  // when it changes nothing): read what exists once, create only what is missing.
  const existing = await existingNeo4jIndexes(store);
  for (const spec of specs) {
    const id = `${spec.label}.${spec.property}`;
    if (existing.unique.has(id) || (!spec.unique && existing.plain.has(id))) continue;
    if (spec.unique) await ensureUnique(store, spec, onWarning);
    else await store.write([{ cypher: createIndexCypher(spec), params: {} }]);
  }
}

/** Single-property node range indexes on Neo4j, as `Label.property`: constraint-owned and plain. */
async function existingNeo4jIndexes(store: GraphStore): Promise<{ unique: Set<string>; plain: Set<string> }> {
  const rows = await store.read<{ label: string; property: string; owned: boolean }>(
    `SHOW INDEXES YIELD type, entityType, labelsOrTypes, properties, owningConstraint
     WHERE type = 'RANGE' AND entityType = 'NODE' AND size(labelsOrTypes) = 1 AND size(properties) = 1
     RETURN labelsOrTypes[0] AS label, properties[0] AS property, owningConstraint IS NOT NULL AS owned`,
  );
  const unique = new Set<string>();
  const plain = new Set<string>();
  for (const row of rows) (row.owned ? unique : plain).add(`${row.label}.${row.property}`);
  return { unique, plain };
}

async function ensureUnique(
  store: GraphStore,
  spec: IndexSpec,
  onWarning: (message: string) => void,
): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await store.write([{ cypher: createUniqueCypher(spec), params: {} }]);
      return;
    } catch (error) {
      const detail = describe(error);
      // A plain index is in the way. Drop it only when the constraint can take
      // its place: with duplicates, every sync would rebuild the index for nothing.
      if (/IndexAlreadyExists|already exists an index/i.test(detail) && attempt === 0) {
        if (await hasDuplicates(store, spec)) break;
        await dropPlainIndex(store, spec);
        continue;
      }
      if (!/ConstraintCreationFailed/i.test(detail)) throw error;
      break;
    }
  }
  onWarning(
    `Neo4j already holds several :${spec.label} nodes with one ${spec.property}, so the uniqueness constraint on ` +
      `:${spec.label}(${spec.property}) cannot be created and concurrent writes may add more: remove the duplicates ` +
      `(MATCH (n:${spec.label}) WITH n.${spec.property} AS k, collect(n) AS ns WHERE size(ns) > 1 RETURN k, size(ns))`,
  );
  await store.write([{ cypher: createIndexCypher(spec), params: {} }]);
}

async function hasDuplicates(store: GraphStore, spec: IndexSpec): Promise<boolean> {
  const rows = await store.read(
    `MATCH (n:${spec.label}) WHERE n.${spec.property} IS NOT NULL
     WITH n.${spec.property} AS key, count(*) AS copies WHERE copies > 1
     RETURN key LIMIT 1`,
  );
  return rows.length > 0;
}

/** Drops the plain (not constraint-owned) range index on exactly the spec's label and property. */
async function dropPlainIndex(store: GraphStore, spec: IndexSpec): Promise<void> {
  const rows = await store.read<{ name: string }>(
    `SHOW INDEXES YIELD name, type, entityType, labelsOrTypes, properties, owningConstraint
     WHERE type = 'RANGE' AND entityType = 'NODE' AND owningConstraint IS NULL
       AND labelsOrTypes = [$label] AND properties = [$property]
     RETURN name`,
    { label: spec.label, property: spec.property },
  );
  for (const { name } of rows) {
    await store.write([{ cypher: `DROP INDEX \`${name.replaceAll('`', '``')}\` IF EXISTS`, params: {} }]);
  }
}

/** The driver's code and message behind a mapped store error. */
function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return `${cause?.code ?? ''} ${cause?.message ?? ''} ${(error as Error).message ?? ''}`;
}
