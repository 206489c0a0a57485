/**
 * The sync benchmark: `pnpm bench [--scale small|medium|large] [--latency 20]
 * [--throttle 0] [--concurrency 16] [--scaling] [--no-store] [--no-change-log] [--out <dir>]`.
 *
 * Generates an estate in the emulators, runs a full sync into the embedded
 * store, a re-sync of the unchanged estate and one over a 10%-changed estate,
 * each measured in a child process; optionally a scaling table (1x, 4x, 16x);
 * and the store micro-benchmark. Prints a summary and writes JSON.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SCALES, type ScaleName, scaled } from './bench-scales.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const { values } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    latency: { type: 'string', default: '20' },
    throttle: { type: 'string', default: '0' },
    concurrency: { type: 'string', default: '16' },
    scaling: { type: 'boolean', default: false },
    'no-store': { type: 'boolean', default: false },
    'no-change-log': { type: 'boolean', default: false },
    out: { type: 'string', default: join(root, 'bench-results') },
  },
});
const scale = values.scale as ScaleName;
if (!(scale in SCALES)) {
  process.stderr.write(`bench: --scale must be one of ${Object.keys(SCALES).join(', ')}\n`);
  process.exit(2);
}
const latencyMs = Number(values.latency);
const throttleRate = Number(values.throttle);
const concurrency = Number(values.concurrency);
const changeLog = !values['no-change-log'];

function child(script: string, args: string[]): Record<string, unknown> {
  const output = execFileSync(
    process.execPath,
    ['--expose-gc', '--import', 'tsx', join(here, script), ...args],
    {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 2 ** 20,
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  const last = output.trim().split('\n').at(-1) ?? '{}';
  return JSON.parse(last) as Record<string, unknown>;
}

process.stderr.write(
  `bench: ${scale} estate, ${latencyMs} ms latency, throttle ${throttleRate}, concurrency ${concurrency}\n`,
);
const main = child('bench-run.ts', [
  JSON.stringify({
    estate: SCALES[scale],
    concurrency,
    latencyMs,
    throttleRate,
    changeLog,
    phases: ['first', 'unchanged', 'changed'],
  }),
]);

const scaling: Record<string, unknown>[] = [];
if (values.scaling) {
  for (const factor of [1, 4, 16]) {
    process.stderr.write(`bench: scaling ${factor}x\n`);
    const run = child('bench-run.ts', [
      JSON.stringify({
        estate: scaled('small', factor),
        concurrency,
        latencyMs,
        throttleRate,
        changeLog,
        phases: ['first'],
      }),
    ]);
    const first = (run.phases as Record<string, Record<string, unknown>>).first ?? {};
    scaling.push({
      factor,
      nodes: first.nodes,
      resourcesPerSecond: first.resourcesPerSecond,
      peakRssMb: run.peakRssMb,
      graphRssMb: run.graphRssMb,
      peakHeapMb: run.peakHeapMb,
      peakLiveHeapMb: run.peakLiveHeapMb,
      wallSeconds: first.wallSeconds,
    });
  }
}

let storeBench: Record<string, unknown> | null = null;
if (!values['no-store']) {
  process.stderr.write('bench: store micro-benchmark\n');
  const output = execFileSync(
    process.execPath,
    [
      '--import',
      'tsx',
      join(root, 'packages/core/bench/store-bench.ts'),
      '--nodes',
      scale === 'small' ? '20000' : '100000',
    ],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  storeBench = JSON.parse(output.slice(output.indexOf('{'))) as Record<string, unknown>;
}

const report = {
  scale,
  latencyMs,
  throttleRate,
  concurrency,
  changeLog,
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  },
  date: new Date().toISOString(),
  ...main,
  scaling,
  store: storeBench,
};
mkdirSync(values.out, { recursive: true });
const file = join(values.out, `bench-${scale}-${report.date.replaceAll(':', '-')}.json`);
writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);

const phases = main.phases as Record<string, Record<string, unknown>>;
const rows = Object.entries(phases).map(([name, p]) =>
  [
    name,
    p.wallSeconds,
    p.requests,
    p.nodes,
    p.relationships,
    p.deleted,
    p.resourcesPerSecond,
    p.latencyFloorSeconds,
    p.wallToFloor,
    p.graphWriteShare,
    p.retries,
  ].join('\t'),
);
process.stdout.write(
  [
    'phase\twall s\trequests\tnodes\trels\tdeleted\tres/s\tfloor s\twall/floor\twrite share\tretries',
    ...rows,
  ].join('\n') +
    `\npeak RSS ${String(main.peakRssMb)} MB, of which the embedded graph ~${String(main.graphRssMb)} MB; ` +
    `JS heap peak ${String(main.peakHeapMb)} MB, live after GC ${String(main.peakLiveHeapMb)} MB\n` +
    (scaling.length > 0
      ? `scaling: ${scaling.map((s) => `${String(s.factor)}x ${String(s.nodes)} nodes ${String(s.resourcesPerSecond)} res/s ${String(s.peakRssMb)} MB RSS (graph ~${String(s.graphRssMb)} MB), ${String(s.peakLiveHeapMb)} MB live heap`).join('; ')}\n`
      : '') +
    (storeBench
      ? `store: ${String(storeBench.nodesPerSecond)} nodes/s, ${String(storeBench.relationshipsPerSecond)} rels/s, ${String(storeBench.cleanupDeletesPerSecond)} deletes/s, ${String(storeBench.peakRssMb)} MB\n`
      : '') +
    `written ${file}\n`,
);
