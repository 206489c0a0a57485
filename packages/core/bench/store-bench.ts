/**
 * Store micro-benchmark: upsert throughput (nodes/s, relationships/s), cleanup
 * deletes/s and peak RSS for N nodes + N relationships into the embedded store.
 *
 *   pnpm bench:store              # 100,000 nodes + 100,000 relationships
 *   pnpm bench:store --nodes 20000 --batch 1000 --json out.json
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { EmbeddedStore } from '../src/store/embedded-store.ts';
import { ensureIndexes } from '../src/sync/ensure-indexes.ts';
import { prepareRow } from '../src/sync/row-prep.ts';
import { cleanupSchema, writeRows } from '../src/sync/schema-writer.ts';
import { Disk, Server, Tenant } from '../src/testing/fixture-schemas.ts';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    json: { type: 'string' },
  },
});
const total = Number(values.nodes);
const batch = Number(values.batch);

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

const dir = mkdtempSync(join(tmpdir(), 'skygraph-bench-'));
const store = EmbeddedStore.open(join(dir, 'bench.grafeo'));
await ensureIndexes(store, [Tenant, Disk, Server]);
await store.write([{ cypher: 'MERGE (:TestTenant {id: "bench"})', params: {} }]);
const target = { store, updateTag: 1, scopeKey: 'bench' };

// Writes go through the store as the sync sends them: batches of rows, a few
// in flight at once (the sync's scopes write concurrently), each one transaction.
const IN_FLIGHT = 4;
async function writeAll<T>(batches: Iterable<() => Promise<T>>): Promise<T[]> {
  const results: T[] = [];
  const running = new Set<Promise<void>>();
  for (const next of batches) {
    const run = next().then((result) => {
      results.push(result);
      running.delete(run);
    });
    running.add(run);
    if (running.size >= IN_FLIGHT) await Promise.race(running);
  }
  await Promise.all(running);
  return results;
}
function* batchesOf<T, R>(count: number, make: (i: number) => T | null, write: (rows: T[]) => Promise<R>) {
  for (let i = 0; i < count; i += batch) {
    const rows: T[] = [];
    for (let j = i; j < Math.min(i + batch, count); j++) {
      const row = make(j);
      if (row !== null) rows.push(row);
    }
    yield () => write(rows);
  }
}

// Nodes: half disks, half servers, each with its scope edge (RESOURCE from the tenant).
const half = Math.floor(total / 2);
const server = (j: number, withRels: boolean) =>
  prepareRow(Server, {
    id: `s${j}`,
    region: 'r1',
    name: `server ${j}`,
    ports: [22, 443],
    ...(withRels ? { disks: [`d${j}`], peers: [`s${(j + 1) % half}`] } : {}),
  });
let t = performance.now();
await writeAll(
  batchesOf(
    half,
    (j) => prepareRow(Disk, { id: `d${j}`, region: 'r1', size: j % 500 }),
    (rows) => writeRows(Disk, rows, target),
  ),
);
await writeAll(
  batchesOf(
    half,
    (j) => server(j, false),
    (rows) => writeRows(Server, rows, target),
  ),
);
const nodeSeconds = (performance.now() - t) / 1000;

// Relationships: each server gets one ATTACHED edge to its disk and one
// PEERS_WITH edge to the next server, so relationships = nodes. The servers'
// own rows come again, unchanged, in the same statements: the time includes them.
t = performance.now();
const written = await writeAll(
  batchesOf(
    half,
    (j) => server(j, true),
    (rows) => writeRows(Server, rows, target),
  ),
);
const relationships = written.reduce((sum, w) => sum + w.relationships, 0);
const relationshipSeconds = (performance.now() - t) / 1000;

// Re-upsert everything under a new tag except 10%, then clean those up.
t = performance.now();
await writeAll(
  batchesOf(
    half,
    (j) => (j % 10 === 0 ? null : prepareRow(Disk, { id: `d${j}`, region: 'r1', size: j % 500 })),
    (rows) => writeRows(Disk, rows, { ...target, updateTag: 2 }),
  ),
);
const resyncSeconds = (performance.now() - t) / 1000;
t = performance.now();
const deleted = await cleanupSchema(Disk, {
  ...target,
  updateTag: 2,
  filters: { region: 'r1' },
  batchSize: 5000,
});
const cleanupSeconds = (performance.now() - t) / 1000;

clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss);
await store.close();
rmSync(dir, { recursive: true, force: true });

const result = {
  nodes: half * 2,
  relationships,
  batchSize: batch,
  writesInFlight: IN_FLIGHT,
  nodeSeconds: round(nodeSeconds),
  nodesPerSecond: Math.round((half * 2) / nodeSeconds),
  relationshipSeconds: round(relationshipSeconds),
  relationshipsPerSecond: Math.round(relationships / relationshipSeconds),
  resyncNodesPerSecond: Math.round((half * 0.9) / resyncSeconds),
  cleanupDeleted: deleted,
  cleanupDeletesPerSecond: Math.round(deleted / cleanupSeconds),
  peakRssMb: Math.round(peakRss / 2 ** 20),
  node: process.version,
};
console.log(JSON.stringify(result, null, 2));
if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
