import type { Row } from '@skygraph/core';
import { ConfigError, SkygraphError } from '@skygraph/core';
import type { Queryable } from '../query/compiled-query.ts';
import type { FindingQuery } from './finding-query.ts';

/** The results of one query at one point in time. */
export interface Snapshot {
  /** Unique per snapshot. */
  readonly id: string;
  /** Separates the snapshots of independent drift setups that share a store. */
  readonly namespace: string;
  readonly query: string;
  readonly runId: string;
  /** ISO 8601, UTC. */
  readonly takenAt: string;
  readonly identityKeys: readonly string[];
  readonly columns: readonly string[];
  readonly rows: readonly Row[];
  /** The query returned more rows than the snapshot keeps: absence proves nothing. */
  readonly truncated: boolean;
}

export interface TakeSnapshotOptions {
  runId: string;
  takenAt: Date;
  namespace?: string;
  /** Parameters added to the query's own (e.g. an account filter). */
  params?: Readonly<Record<string, unknown>>;
  /** Rows kept at most (default 100,000); past it the snapshot is marked truncated. */
  maxRows?: number;
}

export const DEFAULT_MAX_ROWS = 100_000;

/** Thrown when a query cannot be snapshotted (it failed, or lacks its identity columns). */
export class SnapshotError extends SkygraphError {
  constructor(message: string, options: { cause?: unknown; query: string }) {
    super('SNAPSHOT_FAILED', message, { cause: options.cause, context: { query: options.query } });
  }
}

/**
 * Runs a query and keeps its result rows as a snapshot. Each row must have
 * every identity column, or drift could not tell findings apart.
 */
export async function takeSnapshot(
  source: Queryable,
  query: FindingQuery,
  options: TakeSnapshotOptions,
): Promise<Snapshot> {
  if (query.identityKeys.length === 0) {
    throw new ConfigError(`query "${query.name}" has no identity keys: drift cannot tell its findings apart`);
  }
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  let rows: Row[];
  try {
    rows = await source.read(query.cypher, { ...query.params, ...options.params });
  } catch (error) {
    throw new SnapshotError(`query "${query.name}" failed: ${(error as Error).message}`, {
      cause: error,
      query: query.name,
    });
  }
  const columns = rows[0] ? Object.keys(rows[0]) : [];
  const missing = rows[0] ? query.identityKeys.filter((key) => !(key in (rows[0] as Row))) : [];
  if (missing.length > 0) {
    throw new SnapshotError(
      `query "${query.name}" returns no column ${missing.map((k) => `"${k}"`).join(', ')} of its identity keys (it returns ${columns.join(', ')})`,
      { query: query.name },
    );
  }
  const truncated = rows.length > maxRows;
  const takenAt = options.takenAt.toISOString();
  return {
    id: `${options.namespace ?? 'default'}/${query.name}/${takenAt}/${options.runId}`,
    namespace: options.namespace ?? 'default',
    query: query.name,
    runId: options.runId,
    takenAt,
    identityKeys: [...query.identityKeys],
    columns,
    rows: truncated ? rows.slice(0, maxRows) : rows,
    truncated,
  };
}
