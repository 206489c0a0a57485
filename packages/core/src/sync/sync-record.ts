import type { GraphStore } from '../store/graph-store.ts';
import type { ScopeResult, SyncResult } from './sync-result.ts';

/**
 * Records a run in the graph as Cartography does (`SyncMetadata` nodes keyed
 * `<grouptype>_<groupid>_<syncedtype>`, holding the last update tag), plus one
 * node per run with its outcome, so `MATCH (s:SyncMetadata)` answers "when was
 * this last synced, and did it work".
 */
export async function writeSyncRecord(store: GraphStore, result: SyncResult): Promise<void> {
  const modules = result.scopes.flatMap((scope) => moduleRecords(scope, result.updateTag));
  await store.write([
    {
      cypher: `MERGE (r:SyncMetadata {id: $id})
SET r += $props, r.lastupdated = $updateTag`,
      params: {
        id: `skygraph_run_${result.runId}`,
        updateTag: result.updateTag,
        props: {
          grouptype: 'SkygraphRun',
          groupid: result.runId,
          syncedtype: 'run',
          status: result.status,
          started_at: result.startedAt,
          ended_at: result.endedAt,
          duration_ms: result.durationMs,
          providers: result.providers,
          scopes_ok: result.scopes.filter((s) => s.status === 'success').length,
          scopes_failed: result.scopes.filter((s) => s.status === 'failed').length,
          nodes_written: result.counts.nodes,
          relationships_written: result.counts.relationships,
          nodes_deleted: result.counts.deleted,
          api_requests: result.counts.requests,
          retries: result.counts.retries,
          errors: result.errors.map((e) => `${e.scope ?? e.provider}: ${e.message}`).slice(0, 200),
        },
      },
    },
    {
      cypher: `UNWIND $rows AS row
MERGE (m:SyncMetadata {id: row.id})
SET m += row.props`,
      params: { rows: modules },
    },
  ]);
}

function moduleRecords(scope: ScopeResult, updateTag: number) {
  return scope.collectors.map((collector) => ({
    id: `${scope.owner.label}_${scope.owner.value}_${scope.id}_${collector.name}`,
    props: {
      grouptype: scope.owner.label,
      groupid: scope.owner.value,
      syncedtype: collector.name,
      scope: scope.id,
      status: collector.status,
      rows: collector.rows,
      duration_ms: collector.durationMs,
      error: collector.error ?? null,
      // Like Cartography, lastupdated is the last tag at which this module completed.
      ...(collector.status === 'success' ? { lastupdated: updateTag } : {}),
      last_attempt: updateTag,
    },
  }));
}
