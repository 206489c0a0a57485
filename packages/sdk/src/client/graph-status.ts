import type { Queryable } from '../query/compiled-query.ts';

/** The last sync run recorded in the graph. */
export interface LastRun {
  readonly runId: string;
  readonly status: string;
  readonly startedAt: string | null;
  readonly endedAt: string | null;
  readonly providers: readonly string[];
  readonly scopesOk: number;
  readonly scopesFailed: number;
}

/** What a graph holds, in a glance. */
export interface GraphStatus {
  readonly nodes: number;
  /** SyncMetadata nodes (run records and module records, Cartography's and ours). */
  readonly syncRecords: number;
  readonly lastRun: LastRun | null;
}

/** Reads the graph's size and its last recorded run. */
export async function readGraphStatus(target: Queryable): Promise<GraphStatus> {
  const [counts] = await target.read<{ nodes: number }>('MATCH (n) RETURN count(n) AS nodes');
  const [sync] = await target.read<{ records: number }>('MATCH (s:SyncMetadata) RETURN count(s) AS records');
  const runs = await target.read<{ run: Record<string, unknown> }>(
    "MATCH (s:SyncMetadata) WHERE s.grouptype = 'SkygraphRun' RETURN s AS run ORDER BY s.lastupdated DESC, s.ended_at DESC LIMIT 1",
  );
  const run = runs[0]?.run;
  return {
    nodes: counts?.nodes ?? 0,
    syncRecords: sync?.records ?? 0,
    lastRun: run
      ? {
          runId: String(run.groupid ?? ''),
          status: String(run.status ?? 'unknown'),
          startedAt: asText(run.started_at),
          endedAt: asText(run.ended_at),
          providers: Array.isArray(run.providers) ? run.providers.map(String) : [],
          scopesOk: Number(run.scopes_ok ?? 0),
          scopesFailed: Number(run.scopes_failed ?? 0),
        }
      : null,
  };
}

function asText(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return new Date(value).toISOString();
  return String(value);
}
