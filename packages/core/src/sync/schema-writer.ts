import { createHash } from 'node:crypto';
import { type CleanupTarget, cleanupCypher, staleCheckCypher } from '../cypher/cleanup.ts';
import type { Statement } from '../cypher/statement.ts';
import { nodeRowProperties, upsertNodesCypher, upsertRelCypher } from '../cypher/upsert.ts';
import { StoreMemoryError } from '../errors/skygraph-error.ts';
import { type AnyNodeSchema, relationshipsOf } from '../schema/define.ts';
import type { GraphStore, Row } from '../store/graph-store.ts';
import type { PreparedRow } from './row-prep.ts';

export interface WriteTarget {
  store: GraphStore;
  updateTag: number;
  /** The scope owner's key value, for schemas with a scope relationship. */
  scopeKey: string | null;
  /** Return what the write created and changed (for the change log); see `UpsertOptions.track`. */
  track?: boolean;
  /**
   * Who writes: stamped on every node and relationship as `_module_name`
   * (`skygraph:<provider>`) and `_module_version`, the bookkeeping Cartography
   * writes too (as `cartography:<module>`), so a shared database tells which
   * tool last wrote what.
   */
  module?: { name: string; version: string | null };
}

/**
 * A node's fingerprint: its property values (prepared rows list them in
 * schema order), the labels the schema gives it and who writes it. A node
 * whose stored fingerprint matches is not rewritten (see upsert.ts), so
 * anything a write sets besides lastupdated must be part of it: a new
 * skygraph version, or a label a schema gains, rewrites every node once.
 */
export function fingerprint(
  schema: AnyNodeSchema,
  props: Readonly<Record<string, unknown>>,
  module: { name: string; version: string | null },
): string {
  return createHash('sha1')
    .update(JSON.stringify([module.name, module.version, schema.label, schema.extraLabels, props]))
    .digest('base64url');
}

/** Statements that write prepared rows of one schema: the nodes, then each relationship. */
export function writeStatements(
  schema: AnyNodeSchema,
  rows: readonly PreparedRow[],
  target: WriteTarget,
): Statement[] {
  const module = { name: target.module?.name ?? 'skygraph', version: target.module?.version ?? null };
  const base = {
    updateTag: target.updateTag,
    scopeKey: target.scopeKey,
    moduleName: module.name,
    moduleVersion: module.version,
  };
  const options = { track: target.track ?? false };
  const names = nodeRowProperties(schema);
  const statements: Statement[] = [
    {
      cypher: upsertNodesCypher(schema, options),
      params: {
        ...base,
        ...(options.track ? { names } : {}),
        rows: rows.map((r) => [
          r.key,
          fingerprint(schema, r.props, module),
          ...names.map((name) => r.props[name] ?? null),
        ]),
      },
    },
  ];
  for (const [field, rel] of relationshipsOf(schema)) {
    const targets = rows.flatMap((r) => (r.rels[field] ?? []).map((t) => [r.key, t] as const));
    if (targets.length === 0) continue;
    const withProperties = targets.some(([, t]) => Object.keys(t.props).length > 0);
    statements.push({
      cypher: upsertRelCypher(schema, rel, { ...options, withProperties }),
      params: {
        ...base,
        rows: targets.map(([key, t]) => (withProperties ? [key, t.key, t.props] : [key, t.key])),
      },
    });
  }
  return statements;
}

/** What a tracked write created and changed (empty when the write was not tracked). */
export interface TrackedChanges {
  /** Keys of the nodes the write created. */
  addedNodes: unknown[];
  /** Nodes whose properties changed: the key and `[property, old value]` pairs. */
  changedNodes: [unknown, [string, unknown][]][];
  /** Relationships the write created: `[key, target key, type]`. */
  addedRelationships: [unknown, unknown, string][];
}

/** Counts of what a write did, and what it changed when tracked. */
export interface WriteCounts {
  nodes: number;
  relationships: number;
  changes: TrackedChanges;
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

function emptyChanges(): TrackedChanges {
  return { addedNodes: [], changedNodes: [], addedRelationships: [] };
}

/** The counts and tracked changes in the results of one schema's statements. */
function countsOf(
  schema: AnyNodeSchema,
  rows: readonly PreparedRow[],
  results: readonly Row[][],
): WriteCounts {
  const [nodeResult, ...relResults] = results;
  const nodeRow = nodeResult?.[0];
  const changes: TrackedChanges = {
    addedNodes: list(nodeRow?.added),
    changedNodes: list(nodeRow?.changed),
    addedRelationships: [],
  };
  // writeStatements adds a relationship statement only where some row has targets.
  const types = relationshipsOf(schema)
    .filter(([field]) => rows.some((r) => r.rels[field]))
    .map(([, rel]) => rel.type);
  let relationships = 0;
  relResults.forEach((result, i) => {
    const row = result[0];
    relationships += Number(row?.written ?? 0);
    for (const [key, targetKey] of list<[unknown, unknown]>(row?.added))
      changes.addedRelationships.push([key, targetKey, types[i] ?? '']);
  });
  return { nodes: Number(nodeRow?.written ?? 0), relationships, changes };
}

/**
 * Writes rows of one schema in one transaction. A batch the store refuses for
 * transaction memory is split in halves and retried, down to single rows.
 */
export async function writeRows(
  schema: AnyNodeSchema,
  rows: readonly PreparedRow[],
  target: WriteTarget,
  onSplit?: (size: number) => void,
): Promise<WriteCounts> {
  if (rows.length === 0) return { nodes: 0, relationships: 0, changes: emptyChanges() };
  try {
    return countsOf(schema, rows, await target.store.write(writeStatements(schema, rows, target)));
  } catch (error) {
    if (!(error instanceof StoreMemoryError) || rows.length === 1) throw error;
    onSplit?.(rows.length);
    const half = Math.ceil(rows.length / 2);
    const first = await writeRows(schema, rows.slice(0, half), target, onSplit);
    const second = await writeRows(schema, rows.slice(half), target, onSplit);
    return {
      nodes: first.nodes + second.nodes,
      relationships: first.relationships + second.relationships,
      changes: {
        addedNodes: [...first.changes.addedNodes, ...second.changes.addedNodes],
        changedNodes: [...first.changes.changedNodes, ...second.changes.changedNodes],
        addedRelationships: [...first.changes.addedRelationships, ...second.changes.addedRelationships],
      },
    };
  }
}

/** Rows of one schema, part of a batch. */
export interface BatchPart {
  schema: AnyNodeSchema;
  rows: readonly PreparedRow[];
}

/**
 * Writes the rows of several schemas in one transaction, in the order given
 * (a relationship finds a target an earlier part wrote). A batch the store
 * refuses for transaction memory is written schema by schema instead, each
 * split further by {@link writeRows} if need be.
 */
export async function writeBatch(
  parts: readonly BatchPart[],
  target: WriteTarget,
  onSplit?: (schema: AnyNodeSchema, size: number) => void,
): Promise<WriteCounts[]> {
  const pending = parts.filter((part) => part.rows.length > 0);
  const statements = pending.map((part) => writeStatements(part.schema, part.rows, target));
  let results: Row[][];
  try {
    results = pending.length > 0 ? await target.store.write(statements.flat()) : [];
  } catch (error) {
    if (!(error instanceof StoreMemoryError)) throw error;
    const counts: WriteCounts[] = [];
    for (const part of parts)
      counts.push(await writeRows(part.schema, part.rows, target, (size) => onSplit?.(part.schema, size)));
    return counts;
  }
  let offset = 0;
  const bySchema = new Map<BatchPart, WriteCounts>();
  pending.forEach((part, i) => {
    const count = statements[i]?.length ?? 0;
    bySchema.set(part, countsOf(part.schema, part.rows, results.slice(offset, offset + count)));
    offset += count;
  });
  return parts.map((part) => bySchema.get(part) ?? { nodes: 0, relationships: 0, changes: emptyChanges() });
}

/** What one cleanup batch deleted: node keys and `[key, target, type]` relationship triples. */
export interface DeletedBatch {
  keys: unknown[];
  relationships: [unknown, unknown, string][];
}

/** What is stale under a scope, for one label: from the stale check. */
export interface Staleness {
  nodes: number;
  scopeEdges: number;
  /** Relationship types with stale edges, by direction from the labelled node. */
  out: Set<string>;
  in: Set<string>;
}

export type CleanupTargetOptions = WriteTarget & {
  filters: Readonly<Record<string, string>>;
  batchSize: number;
};

function cleanupParams(target: CleanupTargetOptions): Record<string, unknown> {
  const params: Record<string, unknown> = {
    scopeKey: target.scopeKey,
    updateTag: target.updateTag,
    batch: target.batchSize,
  };
  for (const [prop, value] of Object.entries(target.filters)) params[`filter_${prop}`] = value;
  return params;
}

function needed(deletes: CleanupTarget, stale: Staleness | undefined): boolean {
  if (!stale) return false;
  if (deletes.kind === 'stale-nodes') return stale.nodes > 0;
  if (deletes.kind === 'scope-edges') return stale.scopeEdges > 0;
  return stale[deletes.direction].has(deletes.type);
}

/**
 * Deletes the stale nodes and relationships of one schema under one scope,
 * each statement repeated in bounded batches until nothing is left.
 * `onDeleted` sees each batch's deletions (the change log records them).
 * With `stale` (from {@link findStale}), only the statements with something
 * to delete run; without it, all of them do. Nodes carrying an `exclude`
 * label are left alone (another schema's, which shares this label).
 */
export async function cleanupSchema(
  schema: AnyNodeSchema,
  target: CleanupTargetOptions,
  onDeleted?: (batch: DeletedBatch) => Promise<void>,
  stale?: ReadonlyMap<string, Staleness>,
  exclude: readonly string[] = [],
): Promise<number> {
  if (!schema.scope || target.scopeKey === null) return 0;
  const params = cleanupParams(target);
  let total = 0;
  for (const { cypher, deletes } of cleanupCypher(schema, Object.keys(target.filters), exclude)) {
    if (stale && !needed(deletes, stale.get(schema.label))) continue;
    for (;;) {
      const [rows] = await target.store.write([{ cypher, params }]);
      const row = rows?.[0];
      const deleted = Number(row?.deleted ?? 0);
      total += deleted;
      const keys = Array.isArray(row?.keys) ? row.keys : [];
      const relationships = Array.isArray(row?.pairs) ? (row.pairs as [unknown, unknown, string][]) : [];
      if (onDeleted && (keys.length > 0 || relationships.length > 0))
        await onDeleted({ keys, relationships });
      if (deleted < target.batchSize) break;
    }
  }
  return total;
}

/**
 * Reads, in one pass over a scope, what is stale per label (see
 * `staleCheckCypher`) for the given schemas, which must share one scope
 * relationship. Labels with nothing stale are absent.
 */
export async function findStale(
  schemas: readonly AnyNodeSchema[],
  target: CleanupTargetOptions,
): Promise<Map<string, Staleness>> {
  const scope = schemas[0]?.scope;
  const stale = new Map<string, Staleness>();
  if (!scope || target.scopeKey === null) return stale;
  const outTypes = new Set<string>();
  const inTypes = new Set<string>();
  for (const schema of schemas) {
    for (const [, rel] of relationshipsOf(schema))
      (rel.direction === 'out' ? outTypes : inTypes).add(rel.type);
  }
  const cypher = staleCheckCypher(
    scope,
    schemas.map((s) => s.label),
    Object.keys(target.filters),
  );
  const params = { ...cleanupParams(target), outTypes: [...outTypes], inTypes: [...inTypes] };
  const [rows = []] = await target.store.write([{ cypher, params }]);
  for (const row of rows) {
    const types = (lists: unknown) => new Set((lists as string[][]).flat());
    stale.set(String(row.label), {
      nodes: Number(row.staleNodes ?? 0),
      scopeEdges: Number(row.staleEdges ?? 0),
      out: types(row.outTypes),
      in: types(row.inTypes),
    });
  }
  return stale;
}
