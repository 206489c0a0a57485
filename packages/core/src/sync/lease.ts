import { hostname } from 'node:os';
import { LeaseConflictError } from '../errors/skygraph-error.ts';
import type { GraphStore } from '../store/graph-store.ts';

export const LEASE_LABEL = 'SkygraphLease';

export interface LeaseOptions {
  /**
   * How long a lease stays valid unless renewed. A run renews its leases
   * every third of this while it holds them, so a run that died where its
   * death cannot be proven (another host) blocks its scopes at most this long.
   */
  ttlMs: number;
  /** Wait for a held scope instead of refusing it, polling until this many ms have passed (0: refuse). */
  waitMs: number;
  pollMs?: number;
}

export const DEFAULT_LEASE: LeaseOptions = { ttlMs: 10 * 60_000, waitMs: 0 };

/** The runs this process is executing: a lease held under one of them is alive. */
const liveRuns = new Set<string>();

/** Marks a run of this process as live (its leases are not taken over) until {@link endRun}. */
export function beginRun(runId: string): void {
  liveRuns.add(runId);
}

export function endRun(runId: string): void {
  liveRuns.delete(runId);
}

/** Whether a process with this pid exists on this host. */
function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

type Holder = {
  runId?: unknown;
  host?: unknown;
  pid?: unknown;
  acquiredAt?: unknown;
  expiresAt?: unknown;
};

/**
 * Why the holder of a lease is provably gone, or undefined when it may be
 * alive: a run of this process that ended, a process of this host that no
 * longer exists, or — on the embedded store, whose file only one process can
 * open for writing — any other process.
 */
function holderGone(store: GraphStore, holder: Holder): string | undefined {
  const pid = Number(holder.pid);
  const sameHost = holder.host === hostname();
  if (sameHost && pid === process.pid) {
    return liveRuns.has(String(holder.runId))
      ? undefined
      : 'its run ended in this process without releasing it';
  }
  if (store.kind === 'embedded') return 'the store is open in this process only, so its holder is gone';
  if (sameHost && Number.isInteger(pid) && pid > 0 && !pidAlive(pid))
    return `process ${pid} on this host is gone`;
  return undefined;
}

const TAKE_OVER = `MATCH (l:${LEASE_LABEL} {scope: $scope})
WHERE l.runId = $previous
SET l.runId = $runId, l.host = $host, l.pid = $pid, l.acquiredAt = $now, l.expiresAt = $expiresAt, l.takenOverFrom = $previous
RETURN l.runId AS runId`;

const RENEW = `MATCH (l:${LEASE_LABEL} {scope: $scope, runId: $runId}) SET l.expiresAt = $expiresAt RETURN count(l) AS renewed`;

/** A lease acquired by a run; `takenOverFrom` names a dead run whose lease it took. */
export interface AcquiredLease {
  takenOverFrom?: { runId: string; reason: string };
}

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
): Promise<AcquiredLease> {
  const deadline = Date.now() + options.waitMs;
  for (;;) {
    const now = Date.now();
    const mine = { runId, now, expiresAt: now + options.ttlMs, host: hostname(), pid: process.pid };
    const [rows] = await store.write([{ cypher: ACQUIRE, params: { scope, ...mine } }]);
    if (rows && rows.length > 0) return {};
    const [holder] = await store.read<Holder>(HOLDER, { scope });
    const gone = holder ? holderGone(store, holder) : undefined;
    if (holder && gone) {
      // Only if the lease is still the dead run's: two runs taking over at once cannot both win.
      const previous = String(holder.runId);
      const [taken] = await store.write([{ cypher: TAKE_OVER, params: { scope, previous, ...mine } }]);
      if (taken && taken.length > 0) return { takenOverFrom: { runId: previous, reason: gone } };
      continue;
    }
    if (Date.now() >= deadline || signal?.aborted) {
      const since = holder ? new Date(Number(holder.acquiredAt)).toISOString() : 'unknown';
      const until = holder ? new Date(Number(holder.expiresAt)).toISOString() : 'unknown';
      throw new LeaseConflictError(
        `scope ${scope} is being synced by another run (${String(holder?.runId)} on ${String(holder?.host)}, pid ${String(holder?.pid)}, since ${since}; its lease lapses at ${until} unless renewed); ` +
          'it was skipped. Run again when that run ends, or pass --lease-wait <seconds> to wait for it.',
        { context: { scope } },
      );
    }
    await new Promise((resolve) =>
      setTimeout(resolve, Math.min(options.pollMs ?? 2000, Math.max(0, deadline - Date.now()))),
    );
  }
}

/** Pushes a held lease's expiry one TTL ahead; false when the run no longer holds it. */
export async function renewLease(
  store: GraphStore,
  scope: string,
  runId: string,
  options: LeaseOptions,
): Promise<boolean> {
  const [rows] = await store.write([
    { cypher: RENEW, params: { scope, runId, expiresAt: Date.now() + options.ttlMs } },
  ]);
  return Number(rows?.[0]?.renewed ?? 0) > 0;
}

/** Releases a run's lease on a scope (a no-op when the run does not hold it). */
export async function releaseLease(store: GraphStore, scope: string, runId: string): Promise<void> {
  await store.write([{ cypher: RELEASE, params: { scope, runId } }]);
}
