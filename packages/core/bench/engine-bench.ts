/**
 * The engine's own limit: Grafeo's bulk API (`upsertNodes`, `upsertEdges`)
 * and Cypher `UNWIND … MERGE`, called directly, no skygraph code. Nodes carry
 * about as many properties as a collected resource; each relationship joins
 * two of them.
 *
 *   pnpm bench:engine                     # 100,000 nodes + 100,000 relationships, batches of 1,000
 *   pnpm bench:engine --nodes 50000 --batch 5000
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
  },
});
const total = Number(values.nodes);
const batch = Number(values.batch);

interface Summary {
  created: number;
  updated: number;
  skipped: number;
}
interface Db {
  executeCypher(query: string, params?: unknown): Promise<unknown>;
  upsertNodes(labels: string[], rows: object[], options?: { key?: string }): Promise<Summary>;
  upsertEdges(type: string, rows: object[], options?: object): Promise<Summary>;
  close(): void;
}
const grafeo = createRequire(import.meta.url)('@grafeo-db/js') as {
  GrafeoDB: { create(path?: string): Db };
  version(): string;
};

const node = (i: number, tag: number) => ({
  id: `node-${i}`,
  name: `resource ${i}`,
  region: `region-${i % 4}`,
  state: i % 7 === 0 ? 'stopped' : 'running',
  type: 't3.micro',
  publicip: i % 10 === 0 ? `10.0.${(i >> 8) & 255}.${i & 255}` : null,
  launchtime: 1_700_000_000 + i,
  tags: ['a', 'b'],
  lastupdated: tag,
  firstseen: tag,
});
const edge = (i: number, tag: number) => ({
  src: `node-${i}`,
  dst: `node-${(i + 1) % total}`,
  kind: 'link',
  lastupdated: tag,
});

async function timed(label: string, count: number, work: () => Promise<void>): Promise<void> {
  const started = performance.now();
  await work();
  const seconds = (performance.now() - started) / 1000;
  console.log(
    `${label.padEnd(44)} ${seconds.toFixed(2).padStart(7)} s  ${Math.round(count / seconds)
      .toLocaleString('en')
      .padStart(9)}/s`,
  );
}

async function run(mode: 'bulk' | 'cypher'): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'skygraph-engine-bench-'));
  const db = grafeo.GrafeoDB.create(join(dir, 'bench.grafeo'));
  try {
    await db.executeCypher('CREATE INDEX FOR (n:Resource) ON (n.id)');
    for (const tag of [1, 2]) {
      const phase = tag === 1 ? 'create' : 'update';
      await timed(`${mode} ${phase} ${total.toLocaleString('en')} nodes`, total, async () => {
        for (let i = 0; i < total; i += batch) {
          const rows = [];
          for (let j = i; j < Math.min(i + batch, total); j++) rows.push(node(j, tag));
          if (mode === 'bulk') await db.upsertNodes(['Resource', 'Asset'], rows);
          else
            await db.executeCypher('UNWIND $rows AS row MERGE (n:Resource:Asset {id: row.id}) SET n += row', {
              rows,
            });
        }
      });
      await timed(`${mode} ${phase} ${total.toLocaleString('en')} relationships`, total, async () => {
        for (let i = 0; i < total; i += batch) {
          const rows = [];
          for (let j = i; j < Math.min(i + batch, total); j++) rows.push(edge(j, tag));
          if (mode === 'bulk')
            await db.upsertEdges('LINKS', rows, { key: 'kind', endpointLabels: ['Resource'] });
          else
            await db.executeCypher(
              'UNWIND $rows AS row MATCH (a:Resource {id: row.src}), (b:Resource {id: row.dst}) MERGE (a)-[r:LINKS]->(b) SET r.lastupdated = row.lastupdated',
              { rows },
            );
        }
      });
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

console.log(`Grafeo ${grafeo.version()}, batches of ${batch.toLocaleString('en')}, Node ${process.version}`);
await run('bulk');
await run('cypher');
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
