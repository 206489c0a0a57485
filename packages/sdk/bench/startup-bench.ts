/**
 * `pnpm bench:startup`: how fast the built commands start and the SDK imports,
 * and what importing the SDK loads. Each figure is the median (and slowest) of
 * fresh processes running the compiled packages in dist/ (what npm installs):
 *
 * - `node -e 0`: the floor, Node's own start-up;
 * - `skygraph --help` and `collect --help`: wall time and peak RSS;
 * - `import('@skygraph/sdk')`: the import alone, timed inside the process, with
 *   the number of files and packages it loads and any cloud client, Elasticsearch
 *   client or store driver among them (there should be none).
 *
 * Targets (docs/performance.md): both commands under 0.5 s, the import under 0.5 s
 * with nothing heavy loaded. Figures only; nothing here fails on a slow machine.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo, writeBenchResult } from './bench-report.ts';

const root = resolve(import.meta.dirname, '../../..');
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10' },
    out: { type: 'string', default: join(root, 'bench-results') },
  },
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) {
  process.stderr.write(`--runs: expected a positive whole number, got "${values.runs}"\n`);
  process.exit(2);
}

const HEAVY =
  /\/node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(@aws-sdk|@smithy|googleapis|google-auth-library|@google-cloud|gaxios|@grpc|@elastic|neo4j-driver|@grafeo-db)\//;
const census = join(root, 'tools/module-census/census.mjs');
const peakRss = join(import.meta.dirname, 'peak-rss.mjs');
const work = mkdtempSync(join(tmpdir(), 'skygraph-startup-'));
// A user's environment: no NODE_OPTIONS (pnpm and tsx set their own).
const env = { ...process.env, NODE_OPTIONS: '' };

interface Sample {
  ms: number;
  rssMb: number;
}

/**
 * One fresh process timed from spawn to exit, then the same again with a
 * preload that reports its peak RSS (kept out of the timed run).
 */
function sample(args: readonly string[]): Sample {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} failed:\n${result.stderr}`);
  const stats = join(work, 'rss');
  spawnSync(process.execPath, ['--import', peakRss, ...args], {
    cwd: root,
    env: { ...env, SKYGRAPH_PEAK_RSS_FILE: stats },
    stdio: 'ignore',
  });
  return { ms, rssMb: Math.round(Number(readFileSync(stats, 'utf8')) / 1024) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;
const round = (x: number) => Math.round(x);

function measure(name: string, args: readonly string[]) {
  const samples = Array.from({ length: runs }, () => sample(args));
  const ms = samples.map((s) => s.ms);
  const rss = samples.map((s) => s.rssMb);
  return { name, medianMs: round(median(ms)), maxMs: round(Math.max(...ms)), medianRssMb: median(rss) };
}

process.stderr.write(`bench:startup: ${runs} runs each\n`);
const commands = [
  measure('node -e 0 (floor)', ['-e', '0']),
  measure('skygraph --help', [join(root, 'packages/sdk/dist/cli/skygraph.js'), '--help']),
  measure('collect --help', [join(root, 'packages/sdk/dist/cli/collect.js'), '--help']),
];

const importMs: number[] = [];
for (let i = 0; i < runs; i++) {
  const out = execFileSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const t = performance.now(); await import('@skygraph/sdk'); console.log(performance.now() - t);`,
    ],
    { cwd: root, env, encoding: 'utf8' },
  );
  importMs.push(Number(out.trim()));
}
const listFile = join(work, 'census.txt');
execFileSync(
  process.execPath,
  ['--import', census, '--input-type=module', '-e', `await import('@skygraph/sdk');`],
  {
    cwd: root,
    env: { ...env, SKYGRAPH_MODULE_CENSUS: listFile },
  },
);
const files = [...new Set(readFileSync(listFile, 'utf8').split('\n').filter(Boolean))];
const packages = new Set(
  files.flatMap((file) => {
    const match = /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)\//.exec(file);
    return match?.[1] ? [match[1]] : [];
  }),
);
const sdkImport = {
  medianMs: round(median(importMs)),
  maxMs: round(Math.max(...importMs)),
  files: files.length,
  packages: [...packages].sort(),
  heavy: files.filter((file) => HEAVY.test(file)),
};
rmSync(work, { recursive: true, force: true });

const lines = [
  'what\tmedian ms\tslowest ms\tpeak RSS MB',
  ...commands.map((c) => `${c.name}\t${c.medianMs}\t${c.maxMs}\t${c.medianRssMb}`),
  `import('@skygraph/sdk')\t${sdkImport.medianMs}\t${sdkImport.maxMs}\t-`,
  `the import loads ${sdkImport.files} files from ${sdkImport.packages.length} packages (${sdkImport.packages.join(', ')}); ` +
    `cloud clients, Elasticsearch, store drivers: ${sdkImport.heavy.length === 0 ? 'none' : sdkImport.heavy.join(', ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
const file = writeBenchResult(values.out, 'startup', {
  machine: machineInfo(),
  date: new Date().toISOString(),
  runs,
  commands,
  sdkImport,
});
process.stdout.write(`written ${file}\n`);
