import { cleanupCypher } from '../cypher/cleanup.ts';
import type { Statement } from '../cypher/statement.ts';
import { upsertNodesCypher, upsertRelCypher } from '../cypher/upsert.ts';
import { StoreMemoryError } from '../errors/skygraph-error.ts';
import { type AnyNodeSchema, relationshipsOf } from '../schema/define.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { PreparedRow } from './row-prep.ts';

export interface WriteTarget {
  store: GraphStore;
  updateTag: number;
  /** The scope owner's key value, for schemas with a scope relationship. */
  scopeKey: string | null;
}

/** Statements that write prepared rows of one schema: the nodes, then each relationship. */
export function writeStatements(
  schema: AnyNodeSchema,
  rows: readonly PreparedRow[],
  target: WriteTarget,
): Statement[] {
  const base = { updateTag: target.updateTag, scopeKey: target.scopeKey };
  const statements: Statement[] = [
    {
      cypher: upsertNodesCypher(schema),
      params: { ...base, rows: rows.map((r) => ({ key: r.key, props: r.props })) },
    },
  ];
  for (const [field, rel] of relationshipsOf(schema)) {
    const relRows = rows.flatMap((r) => {
      const targets = r.rels[field];
      return targets ? [{ key: r.key, targets }] : [];
    });
    if (relRows.length > 0)
      statements.push({ cypher: upsertRelCypher(schema, rel), params: { ...base, rows: relRows } });
  }
  return statements;
}

/** Counts of what a write did. */
export interface WriteCounts {
  nodes: number;
  relationships: number;
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
  if (rows.length === 0) return { nodes: 0, relationships: 0 };
  try {
    const results = await target.store.write(writeStatements(schema, rows, target));
    const [nodes, ...rels] = results.map((r) => Number(r[0]?.written ?? 0));
    return { nodes: nodes ?? 0, relationships: rels.reduce((a, b) => a + b, 0) };
  } catch (error) {
    if (!(error instanceof StoreMemoryError) || rows.length === 1) throw error;
    onSplit?.(rows.length);
    const half = Math.ceil(rows.length / 2);
    const first = await writeRows(schema, rows.slice(0, half), target, onSplit);
    const second = await writeRows(schema, rows.slice(half), target, onSplit);
    return { nodes: first.nodes + second.nodes, relationships: first.relationships + second.relationships };
  }
}

/** What one cleanup batch deleted: node keys and `[key, target, type]` relationship triples. */
export interface DeletedBatch {
  keys: unknown[];
  relationships: [unknown, unknown, string][];
}

/**
 * Deletes the stale nodes and relationships of one schema under one scope,
 * each statement repeated in bounded batches until nothing is left.
 * `onDeleted` sees each batch's deletions (the change log records them).
 */
export async function cleanupSchema(
  schema: AnyNodeSchema,
  target: WriteTarget & { filters: Readonly<Record<string, string>>; batchSize: number },
  onDeleted?: (batch: DeletedBatch) => Promise<void>,
): Promise<number> {
  if (!schema.scope || target.scopeKey === null) return 0;
  const filterProps = Object.keys(target.filters);
  const params: Record<string, unknown> = {
    scopeKey: target.scopeKey,
    updateTag: target.updateTag,
    batch: target.batchSize,
  };
  for (const [prop, value] of Object.entries(target.filters)) params[`filter_${prop}`] = value;
  let total = 0;
  for (const cypher of cleanupCypher(schema, filterProps)) {
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
