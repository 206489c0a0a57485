import { randomUUID } from 'node:crypto';
import type { AnyNodeSchema } from '../schema/define.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { Scope } from './provider.ts';
import type { PreparedRow } from './row-prep.ts';
import type { DeletedBatch, TrackedChanges } from './schema-writer.ts';

export const CHANGE_LABEL = 'SkygraphChange';

/** One recorded change: a node or relationship added, removed or changed by a sync. */
export interface Change {
  kind: 'added' | 'removed' | 'changed';
  entity: 'node' | 'relationship';
  label: string;
  key: string;
  /** For relationships: the type and the target's key. */
  relType?: string;
  target?: string;
  /** For changed nodes: property -> [old, new]. */
  properties?: Record<string, [unknown, unknown]>;
}

/**
 * Records what a sync changed, per scope. The writes compare old and new
 * values themselves and report what they created and changed (no extra
 * read); cleanup reports what it deleted. A scope synced for the first time records no
 * per-node "added" entries (the whole estate would be new) but one summary.
 */
export class ChangeRecorder {
  readonly #store: GraphStore;
  readonly #runId: string;
  readonly #updateTag: number;
  readonly #scope: Scope;
  readonly #initial: boolean;
  #count = 0;

  constructor(store: GraphStore, meta: { runId: string; updateTag: number; scope: Scope; initial: boolean }) {
    this.#store = store;
    this.#runId = meta.runId;
    this.#updateTag = meta.updateTag;
    this.#scope = meta.scope;
    this.#initial = meta.initial;
  }

  /** Whether the scope has been synced before (its changes are worth recording one by one). */
  static async seenBefore(store: GraphStore, scope: Scope): Promise<boolean> {
    const rows = await store.read('MATCH (m:SyncMetadata {scope: $scope}) RETURN count(m) AS c', {
      scope: scope.id,
    });
    return Number(rows[0]?.c ?? 0) > 0;
  }

  get count(): number {
    return this.#count;
  }

  /** Whether writes should report what they change (not for a scope's first sync). */
  get tracks(): boolean {
    return !this.#initial;
  }

  /**
   * Records what a tracked write of `rows` created and changed (see
   * `UpsertOptions.track`): the write compared old and new values itself.
   */
  async written(schema: AnyNodeSchema, rows: readonly PreparedRow[], tracked: TrackedChanges): Promise<void> {
    if (this.#initial) return;
    const byKey = new Map(rows.map((row) => [row.key, row]));
    const changes: Change[] = tracked.addedNodes.map((key) => ({
      kind: 'added',
      entity: 'node',
      label: schema.label,
      key: String(key),
    }));
    for (const [key, before] of tracked.changedNodes) {
      const after = byKey.get(key)?.props ?? {};
      const properties: Record<string, [unknown, unknown]> = {};
      // Only collected properties are compared (row.props); bookkeeping never is.
      for (const [name, old] of before) properties[name] = [old ?? null, after[name] ?? null];
      if (Object.keys(properties).length > 0)
        changes.push({ kind: 'changed', entity: 'node', label: schema.label, key: String(key), properties });
    }
    for (const [key, target, relType] of tracked.addedRelationships) {
      changes.push({
        kind: 'added',
        entity: 'relationship',
        label: schema.label,
        key: String(key),
        relType,
        target: String(target),
      });
    }
    await this.record(changes);
  }

  /** Records deletions reported by cleanup. */
  async removed(schema: AnyNodeSchema, batch: DeletedBatch): Promise<void> {
    const changes: Change[] = [
      ...batch.keys.map((key) => ({
        kind: 'removed' as const,
        entity: 'node' as const,
        label: schema.label,
        key: String(key),
      })),
      ...batch.relationships.map(([key, target, relType]) => ({
        kind: 'removed' as const,
        entity: 'relationship' as const,
        label: schema.label,
        key: String(key),
        relType,
        target: String(target),
      })),
    ];
    await this.record(changes);
  }

  /** One summary entry for a scope's first sync. */
  async initialLoad(nodes: number): Promise<void> {
    if (!this.#initial) return;
    await this.#write([
      {
        ...this.#base(),
        kind: 'initial',
        entity: 'scope',
        label: this.#scope.owner.label,
        key: this.#scope.owner.value,
        properties: JSON.stringify({ nodes }),
      },
    ]);
  }

  async record(changes: readonly Change[]): Promise<void> {
    if (changes.length === 0) return;
    const base = this.#base();
    await this.#write(
      changes.map((c) => ({
        ...base,
        kind: c.kind,
        entity: c.entity,
        label: c.label,
        key: c.key,
        rel_type: c.relType ?? null,
        target: c.target ?? null,
        properties: c.properties ? JSON.stringify(c.properties) : null,
      })),
    );
  }

  #base() {
    return {
      run_id: this.#runId,
      update_tag: this.#updateTag,
      at: Date.now(),
      scope: this.#scope.id,
      provider: this.#scope.provider,
      owner: this.#scope.owner.value,
      account: this.#scope.labels.account ?? null,
      region: this.#scope.labels.region ?? null,
      project: this.#scope.labels.project ?? null,
    };
  }

  async #write(rows: Record<string, unknown>[]): Promise<void> {
    this.#count += rows.length;
    await this.#store.write([
      {
        cypher: `UNWIND $rows AS c CREATE (x:${CHANGE_LABEL}) SET x += c`,
        params: { rows: rows.map((row) => ({ ...row, id: randomUUID() })) },
      },
    ]);
  }
}

/** Deletes change-log entries older than the retention, in bounded batches. */
export async function pruneChanges(store: GraphStore, olderThan: number, batchSize = 5000): Promise<number> {
  let total = 0;
  for (;;) {
    const [rows] = await store.write([
      {
        cypher: `MATCH (x:${CHANGE_LABEL}) WHERE x.at < $before WITH x LIMIT $batch DELETE x RETURN count(*) AS deleted`,
        params: { before: olderThan, batch: batchSize },
      },
    ]);
    const deleted = Number(rows?.[0]?.deleted ?? 0);
    total += deleted;
    if (deleted < batchSize) return total;
  }
}

/** A change-log entry as read back. */
export interface ChangeEntry {
  runId: string;
  updateTag: number;
  at: number;
  scope: string;
  provider: string;
  account: string | null;
  region: string | null;
  project: string | null;
  kind: 'added' | 'removed' | 'changed' | 'initial';
  entity: 'node' | 'relationship' | 'scope';
  label: string;
  key: string;
  relType: string | null;
  target: string | null;
  properties: Record<string, [unknown, unknown]> | null;
  /** For a scope's first sync (`initial`): the nodes it wrote. */
  nodes: number | null;
}

export interface ChangeFilter {
  /** Only this run's changes. */
  runId?: string;
  /** A node label, or several names of one type (its current and legacy labels). */
  label?: string | readonly string[];
  /** An AWS account id, GCP project id or other scope owner key. */
  owner?: string;
  /** Epoch milliseconds. */
  since?: number;
  kinds?: readonly ChangeEntry['kind'][];
  limit?: number;
}

/**
 * Reads the change log, newest first. Every filter is a parameter.
 *
 * @example
 * const changes = await readChanges(store, { owner: '123456789012', since: Date.now() - 86_400_000 });
 */
export async function readChanges(
  store: Pick<GraphStore, 'read'>,
  filter: ChangeFilter = {},
): Promise<ChangeEntry[]> {
  const where: string[] = [];
  if (filter.runId !== undefined) where.push('x.run_id = $runId');
  if (filter.label !== undefined) where.push('x.label IN $labels');
  if (filter.owner !== undefined) where.push('x.owner = $owner');
  if (filter.since !== undefined) where.push('x.at >= $since');
  if (filter.kinds !== undefined) where.push('x.kind IN $kinds');
  const rows = await store.read(
    `MATCH (x:${CHANGE_LABEL})${where.length > 0 ? ` WHERE ${where.join(' AND ')}` : ''}
RETURN x.run_id AS runId, x.update_tag AS updateTag, x.at AS at, x.scope AS scope, x.provider AS provider,
  x.account AS account, x.region AS region, x.project AS project, x.kind AS kind, x.entity AS entity,
  x.label AS label, x.key AS key, x.rel_type AS relType, x.target AS target, x.properties AS properties,
  x.nodes AS nodes
ORDER BY at DESC, label, key
LIMIT $limit`,
    {
      ...filter,
      labels: typeof filter.label === 'string' ? [filter.label] : [...(filter.label ?? [])],
      kinds: filter.kinds ? [...filter.kinds] : null,
      limit: filter.limit ?? 10_000,
    },
  );
  return rows.map((row) => {
    const properties = typeof row.properties === 'string' ? JSON.parse(row.properties) : null;
    // A first sync's entry keeps its node count among its properties.
    const nodes = row.kind === 'initial' ? Number(properties?.nodes ?? row.nodes ?? 0) : null;
    return { ...(row as unknown as ChangeEntry), properties, nodes };
  });
}
