/**
 * The engine's own limit: Grafeo's bulk API (`upsertNodes`, `upsertEdges`)
 * and Cypher `UNWIND … MERGE`, called directly, no skygraph code. Nodes carry
 * about as many properties as a collected resource; each relationship joins
 * two of them.
 *
 *   pnpm bench:engine                     # 100,000 nodes + 100,000 relationships, batches of 1,000
 *   pnpm bench:engine --nodes 50000 --batch 5000
 *
 * Then what the engine holds in memory per node and per relationship: the
 * growth of this process's RSS while an in-memory database takes 100,000 of
 * them, bare (a node: one key property, indexed) and with the properties
 * skygraph's bookkeeping adds.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    nodes: { type: 'string', default: '100000' },
    batch: { type: 'string', default: '1000' },
    // Internal: measure one memory figure in this (fresh) process and print it.
    probe: { type: 'string' },
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

/** Bytes of RSS per entity while an in-memory database takes `count` of them from `write(from, to)`. */
async function bytesPer(count: number, setup: (db: Db) => Promise<void>, write: string): Promise<number> {
  const db = grafeo.GrafeoDB.create();
  try {
    await db.executeCypher('CREATE INDEX FOR (n:Probe) ON (n.id)');
    await setup(db);
    const before = process.memoryUsage().rss;
    for (let i = 0; i < count; i += 5000)
      await db.executeCypher(write, {
        rows: Array.from({ length: Math.min(5000, count - i) }, (_, k) => i + k),
      });
    return Math.round((process.memoryUsage().rss - before) / count);
  } finally {
    db.close();
  }
}

const PROBE_COUNT = 100_000;
const STAMPS =
  'firstseen: 1796640000000, lastupdated: 1001, _module_name: "skygraph:aws", _module_version: "0.1.0"';
const PROBE_NODES = 'UNWIND $rows AS i CREATE (:Probe {id: "probe-" + toString(i)})';
const link = (props: string) =>
  `UNWIND $rows AS i MATCH (a:Probe {id: "probe-" + toString(i)}), (b:Probe {id: "probe-" + toString((i + 1) % ${PROBE_COUNT})}) CREATE (a)-[:LINKS${props}]->(b)`;
const withNodes = async (db: Db) => {
  for (let i = 0; i < PROBE_COUNT; i += 5000)
    await db.executeCypher(PROBE_NODES, { rows: Array.from({ length: 5000 }, (_, k) => i + k) });
};
const PROBES: Record<string, [string, (db: Db) => Promise<void>, string]> = {
  node: ['node, key only (indexed)', async () => {}, PROBE_NODES],
  'node-bookkeeping': [
    'node, key and the bookkeeping (firstseen, lastupdated, _module_*, skygraph_hash)',
    async () => {},
    `UNWIND $rows AS i CREATE (:Probe {id: "probe-" + toString(i), ${STAMPS}, skygraph_hash: "abcdefghijklmnopqrstuvwxyz0"})`,
  ],
  relationship: ['relationship, no properties', withNodes, link('')],
  'relationship-bookkeeping': [
    'relationship, with the bookkeeping (firstseen, lastupdated, _module_*)',
    withNodes,
    link(` {${STAMPS}}`),
  ],
};

/** Each figure in a fresh process: RSS does not shrink, so a process that allocated before would reuse it. */
function memory(): void {
  for (const [probe, [what]] of Object.entries(PROBES)) {
    const bytes = execFileSync(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), '--probe', probe],
      {
        encoding: 'utf8',
      },
    ).trim();
    console.log(`memory: ${what}: ${bytes} B`);
  }
}

if (values.probe !== undefined) {
  const [, setup, write] = PROBES[values.probe] ?? [];
  if (!setup || !write) throw new Error(`unknown probe ${values.probe}`);
  console.log(await bytesPer(PROBE_COUNT, setup, write));
  process.exit(0);
}

console.log(`Grafeo ${grafeo.version()}, batches of ${batch.toLocaleString('en')}, Node ${process.version}`);
await run('bulk');
await run('cypher');
memory();
console.log(`peak RSS ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
