import type { GraphStore, Row, Statement } from '@skygraph/core';
import type { Snapshot } from './snapshot.ts';
import { type AlertState, emptyAlertState, type SnapshotInfo, type SnapshotStore } from './snapshot-store.ts';

/** Label of the snapshot nodes: skygraph's own bookkeeping, never part of the asset graph. */
export const SNAPSHOT_LABEL = 'SkygraphSnapshot';
/** Label of the alert state nodes, one per namespace. */
export const ALERT_STATE_LABEL = 'SkygraphAlertState';

/**
 * Keeps snapshots in the graph store as
 * `(:SkygraphSnapshot {namespace, query, runId, takenAt, rows: <JSON>, ...})`
 * and the alert state as `(:SkygraphAlertState {id: <namespace>, state: <JSON>})`.
 * Rows are a JSON string because result rows are maps of any shape, which
 * node properties cannot hold.
 */
export function createGraphSnapshotStore(store: GraphStore): SnapshotStore {
  let indexed = false;
  const ensureIndexes = async () => {
    if (indexed) return;
    for (const cypher of [
      `CREATE INDEX IF NOT EXISTS FOR (n:${SNAPSHOT_LABEL}) ON (n.query)`,
      `CREATE INDEX IF NOT EXISTS FOR (n:${SNAPSHOT_LABEL}) ON (n.id)`,
      `CREATE INDEX IF NOT EXISTS FOR (n:${ALERT_STATE_LABEL}) ON (n.id)`,
    ]) {
      await store.write([{ cypher, params: {} }]);
    }
    indexed = true;
  };
  const saveStateStatement = (namespace: string, state: AlertState): Statement => ({
    cypher: `MERGE (s:${ALERT_STATE_LABEL} {id: $id}) SET s.state = $state, s.updated_at = $at`,
    params: { id: namespace, state: JSON.stringify(state), at: new Date().toISOString() },
  });
  const infos = async (namespace: string, query: string): Promise<SnapshotInfo[]> => {
    const rows = await store.read(
      `MATCH (s:${SNAPSHOT_LABEL} {query: $query}) WHERE s.namespace = $namespace
RETURN s.id AS id, s.query AS query, s.run_id AS runId, s.taken_at AS takenAt, s.row_count AS rowCount, s.truncated AS truncated`,
      { query, namespace },
    );
    return rows.map(toInfo).sort(newestFirst);
  };
  const byId = async (id: string): Promise<Snapshot | undefined> => {
    const rows = await store.read(
      `MATCH (s:${SNAPSHOT_LABEL} {id: $id}) RETURN s.id AS id, s.namespace AS namespace, s.query AS query,
s.run_id AS runId, s.taken_at AS takenAt, s.identity_keys AS identityKeys, s.columns AS columns, s.rows AS rows, s.truncated AS truncated`,
      { id },
    );
    const row = rows[0];
    return row ? toSnapshot(row) : undefined;
  };
  return {
    location: `${store.kind} store ${store.location}`,
    async latest(namespace, query) {
      const newest = (await infos(namespace, query))[0];
      return newest ? byId(newest.id) : undefined;
    },
    async get(namespace, query, runId) {
      const match = (await infos(namespace, query)).find((info) => info.runId === runId);
      return match ? byId(match.id) : undefined;
    },
    list: infos,
    async loadState(namespace) {
      const rows = await store.read(`MATCH (s:${ALERT_STATE_LABEL} {id: $id}) RETURN s.state AS state`, {
        id: namespace,
      });
      const text = rows[0]?.state;
      return typeof text === 'string' ? (JSON.parse(text) as AlertState) : emptyAlertState();
    },
    async commit(namespace, snapshots, state) {
      await ensureIndexes();
      // One transaction: the snapshots never move on without the state that goes with them.
      await store.write([
        ...snapshots.map(
          (snapshot): Statement => ({
            cypher: `MERGE (s:${SNAPSHOT_LABEL} {id: $id}) SET s += $props`,
            params: {
              id: snapshot.id,
              props: {
                namespace: snapshot.namespace,
                query: snapshot.query,
                run_id: snapshot.runId,
                taken_at: snapshot.takenAt,
                identity_keys: [...snapshot.identityKeys],
                columns: [...snapshot.columns],
                rows: JSON.stringify(snapshot.rows),
                row_count: snapshot.rows.length,
                truncated: snapshot.truncated,
              },
            },
          }),
        ),
        saveStateStatement(namespace, state),
      ]);
    },
    async saveState(namespace, state) {
      await ensureIndexes();
      await store.write([saveStateStatement(namespace, state)]);
    },
    async prune(namespace, query, keep) {
      const stale = (await infos(namespace, query)).slice(Math.max(0, keep)).map((info) => info.id);
      if (stale.length === 0) return 0;
      await store.write([
        { cypher: `UNWIND $ids AS id MATCH (s:${SNAPSHOT_LABEL} {id: id}) DELETE s`, params: { ids: stale } },
      ]);
      return stale.length;
    },
  };
}

function toInfo(row: Row): SnapshotInfo {
  return {
    id: String(row.id),
    query: String(row.query),
    runId: String(row.runId),
    takenAt: String(row.takenAt),
    rowCount: Number(row.rowCount ?? 0),
    truncated: row.truncated === true,
  };
}

function toSnapshot(row: Row): Snapshot {
  return {
    id: String(row.id),
    namespace: String(row.namespace),
    query: String(row.query),
    runId: String(row.runId),
    takenAt: String(row.takenAt),
    identityKeys: (row.identityKeys as string[] | null) ?? [],
    columns: (row.columns as string[] | null) ?? [],
    rows: JSON.parse(String(row.rows ?? '[]')) as Row[],
    truncated: row.truncated === true,
  };
}

/** Newest first; snapshots of the same instant in id order, so the order is total. */
export function newestFirst(a: { takenAt: string; id: string }, b: { takenAt: string; id: string }): number {
  if (a.takenAt !== b.takenAt) return a.takenAt < b.takenAt ? 1 : -1;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}
