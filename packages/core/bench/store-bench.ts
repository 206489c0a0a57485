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

// Half the nodes are disks, half servers; each server gets one ATTACHED edge
// and one PEERS_WITH edge, so relationships = nodes (besides RESOURCE edges).
const half = Math.floor(total / 2);
let t = performance.now();
for (let i = 0; i < half; i += batch) {
  const rows = [];
  for (let j = i; j < Math.min(i + batch, half); j++)
    rows.push(prepareRow(Disk, { id: `d${j}`, region: 'r1', size: j % 500 }));
  await writeRows(
    Disk,
    rows.filter((r) => r !== null),
    target,
  );
}
let relationships = 0;
for (let i = 0; i < half; i += batch) {
  const rows = [];
  for (let j = i; j < Math.min(i + batch, half); j++) {
    rows.push(
      prepareRow(Server, {
        id: `s${j}`,
        region: 'r1',
        name: `server ${j}`,
        ports: [22, 443],
        disks: [`d${j}`],
        peers: j > 0 ? [`s${j - 1}`] : [],
      }),
    );
  }
  const written = await writeRows(
    Server,
    rows.filter((r) => r !== null),
    target,
  );
  relationships += written.relationships;
}
const upsertSeconds = (performance.now() - t) / 1000;

// Re-upsert everything under a new tag except 10%, then clean those up.
t = performance.now();
for (let i = 0; i < half; i += batch) {
  const rows = [];
  for (let j = i; j < Math.min(i + batch, half); j++)
    if (j % 10 !== 0) rows.push(prepareRow(Disk, { id: `d${j}`, region: 'r1' }));
  await writeRows(
    Disk,
    rows.filter((r) => r !== null),
    { ...target, updateTag: 2 },
  );
}
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
  upsertSeconds: round(upsertSeconds),
  nodesPerSecond: Math.round((half * 2) / upsertSeconds),
  relationshipsPerSecond: Math.round(relationships / upsertSeconds),
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
