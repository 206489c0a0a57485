import type { AnyNodeSchema } from '../schema/define.ts';
import type { GraphStore } from '../store/graph-store.ts';
import type { Migration } from './provider.ts';

/**
 * Brings nodes an earlier skygraph wrote under a type's legacy label (its
 * main label then, e.g. `EC2Instance`) to the current shape: the current main
 * label (`AWSEC2Instance`) and every extra label. The sync's MERGE on the
 * current label then finds them, so an upgrade leaves no duplicates and keeps
 * their firstseen, relationships and change history. A node already carrying
 * the current label is left alone, so on a migrated graph this only reads.
 * Batched: no transaction touches more than `batchSize` nodes.
 *
 * @returns how many nodes were relabelled, by legacy label.
 */
export async function migrateLegacyLabels(
  store: GraphStore,
  schemas: readonly AnyNodeSchema[],
  batchSize = 5000,
): Promise<Record<string, number>> {
  const relabel: Migration[] = [];
  const seen = new Set<string>();
  for (const schema of schemas) {
    if (seen.has(schema.label)) continue;
    seen.add(schema.label);
    // Labels are validated identifiers (defineNode), safe to splice.
    const labels = [schema.label, ...schema.extraLabels].map((label) => `:${label}`).join('');
    for (const legacy of schema.legacyLabels) {
      relabel.push({
        name: legacy,
        cypher: `MATCH (n:${legacy}) WHERE NOT n:${schema.label} WITH n LIMIT $batch SET n${labels} RETURN count(n) AS migrated`,
      });
    }
  }
  return runMigrations(store, relabel, batchSize);
}

/**
 * Runs providers' migrations (see {@link Migration}), each repeated in
 * batches until it finds nothing more.
 *
 * @returns how many entities each migration changed, by name (absent: none).
 */
export async function runMigrations(
  store: GraphStore,
  migrations: readonly Migration[],
  batchSize = 5000,
): Promise<Record<string, number>> {
  const done: Record<string, number> = {};
  for (const migration of migrations) {
    for (;;) {
      const [rows] = await store.write([{ cypher: migration.cypher, params: { batch: batchSize } }]);
      const count = Number(rows?.[0]?.migrated ?? 0);
      if (count > 0) done[migration.name] = (done[migration.name] ?? 0) + count;
      if (count < batchSize) break;
    }
  }
  return done;
}
