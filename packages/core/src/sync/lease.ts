import { hostname } from 'node:os';
import { LeaseConflictError } from '../errors/skygraph-error.ts';
import type { GraphStore } from '../store/graph-store.ts';

export const LEASE_LABEL = 'SkygraphLease';

export interface LeaseOptions {
  /** How long a lease stays valid without being released (a crashed run's leases expire). */
  ttlMs: number;
  /** Wait for a held scope instead of refusing it, polling until this many ms have passed (0: refuse). */
  waitMs: number;
  pollMs?: number;
}

export const DEFAULT_LEASE: LeaseOptions = { ttlMs: 6 * 3600_000, waitMs: 0 };

// MERGE first, then write the node before reading its holder: on Neo4j the
// write takes the node's lock (the uniqueness constraint on the scope makes
// concurrent MERGEs meet on one node), so two runs cannot both read "free".
const ACQUIRE = `MERGE (l:${LEASE_LABEL} {scope: $scope})
ON CREATE SET l.runId = $runId, l.expiresAt = $expiresAt
SET l.contendedAt = $now
WITH l
WHERE l.runId = $runId OR l.expiresAt < $now
SET l.runId = $runId, l.host = $host, l.pid = $pid, l.acquiredAt = $now, l.expiresAt = $expiresAt
RETURN l.runId AS runId`;

const HOLDER = `MATCH (l:${LEASE_LABEL} {scope: $scope}) RETURN l.runId AS runId, l.host AS host, l.pid AS pid, l.acquiredAt AS acquiredAt, l.expiresAt AS expiresAt`;

const RELEASE = `MATCH (l:${LEASE_LABEL} {scope: $scope, runId: $runId}) DELETE l RETURN count(l) AS released`;

/**
 * Takes the lease on a scope for a run, so that two syncs over the same
 * scope never clean up each other's data. Disjoint scopes never conflict.
 */
export async function acquireLease(
  store: GraphStore,
  scope: string,
  runId: string,
  options: LeaseOptions,
  signal?: AbortSignal,
): Promise<void> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const now = Date.now();
    const [rows] = await store.write([
      {
        cypher: ACQUIRE,
        params: { scope, runId, now, expiresAt: now + options.ttlMs, host: hostname(), pid: process.pid },
      },
    ]);
    if (rows && rows.length > 0) return;
    if (Date.now() >= deadline || signal?.aborted) {
      const [holder] = await store.read(HOLDER, { scope });
      const since = holder ? new Date(Number(holder.acquiredAt)).toISOString() : 'unknown';
      throw new LeaseConflictError(
        `scope ${scope} is being synced by another run (${String(holder?.runId)} on ${String(holder?.host)}, pid ${String(holder?.pid)}, since ${since}); ` +
          'it was skipped. Run again when that run ends, or pass --lease-wait <seconds> to wait for it.',
        { context: { scope } },
      );
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(options.pollMs ?? 2000, Math.max(0, deadline - Date.now()))),
    );
  }
}

/** Releases a run's lease on a scope (a no-op when the run does not hold it). */
export async function releaseLease(store: GraphStore, scope: string, runId: string): Promise<void> {
  await store.write([{ cypher: RELEASE, params: { scope, runId } }]);
}
