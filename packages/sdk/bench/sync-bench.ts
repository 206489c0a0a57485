/**
 * The sync benchmark: `pnpm bench [--scale small|medium|large] [--latency 20]
 * [--throttle 0] [--concurrency 16] [--scaling] [--store embedded|neo4j|<bolt-uri>]
 * [--neo4j-user neo4j] [--neo4j-password-env-var NAME] [--neo4j-heap 4g]
 * [--neo4j-page-cache 1g] [--neo4j-version V] [--no-warm-up] [--no-store] [--no-change-log]
 * [--out <dir>]`.
 *
 * Generates an estate in the emulators, runs a full sync into an empty
 * store, a re-sync of the unchanged estate and one over a 10%-changed estate,
 * each measured in a child process; optionally a scaling table (1x, 4x, 16x);
 * and the embedded store's micro-benchmark (`--no-store` skips it; so does a
 * Neo4j run). Prints a summary and writes JSON.
 *
 * The store: `embedded` (default) is a new file per run; `neo4j` is a local
 * Neo4j Community the bench starts (random password, free port) and stops;
 * a `bolt://` or `neo4j://` URI is a server of the user's, reached as
 * `--neo4j-user` with the password in the variable `--neo4j-password-env-var`
 * names, whose database is emptied before each first sync.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, openStore, redactUri } from '@skygraph/core';
import {
  type BenchReport,
  formatSummary,
  machineInfo,
  type RunOutput,
  type ScalingRow,
  writeBenchResult,
} from './bench-report.ts';
import { SCALES, type ScaleName, scaled, WARM_UP } from './bench-scales.ts';
import type { BenchStoreSpec } from './bench-store.ts';
import { type LocalNeo4j, startLocalNeo4j } from './local-neo4j.ts';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
function usage(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(2);
}
const values = parseOptions();
function parseOptions() {
  try {
    return parseArgs({
      options: {
        scale: { type: 'string', default: 'small' },
        latency: { type: 'string', default: '20' },
        throttle: { type: 'string', default: '0' },
        concurrency: { type: 'string', default: '16' },
        scaling: { type: 'boolean', default: false },
        store: { type: 'string', default: 'embedded' },
        'neo4j-user': { type: 'string', default: 'neo4j' },
        'neo4j-password-env-var': { type: 'string' },
        'neo4j-heap': { type: 'string', default: '4g' },
        'neo4j-page-cache': { type: 'string', default: '1g' },
        'neo4j-version': { type: 'string' },
        'no-warm-up': { type: 'boolean', default: false },
        'no-store': { type: 'boolean', default: false },
        'no-change-log': { type: 'boolean', default: false },
        out: { type: 'string', default: join(root, 'bench-results') },
      },
    }).values;
  } catch (error) {
    return usage((error as Error).message);
  }
}
const scale = values.scale as ScaleName;
if (!(scale in SCALES)) usage(`--scale must be one of ${Object.keys(SCALES).join(', ')}`);
const latencyMs = Number(values.latency);
const throttleRate = Number(values.throttle);
const concurrency = Number(values.concurrency);
if (!Number.isInteger(concurrency) || concurrency < 1)
  usage('--concurrency must be a whole number of at least 1');
const changeLog = !values['no-change-log'];
const storeKind = storeKindOf(values.store);

/** `embedded`, `neo4j` (a local server the bench starts) or the URI of a server of the user's. */
function storeKindOf(store: string): 'embedded' | 'local-neo4j' | 'neo4j-uri' {
  if (store === 'embedded') return 'embedded';
  if (store === 'neo4j') return 'local-neo4j';
  if (!/^(bolt|neo4j)(\+s|\+ssc)?:\/\//i.test(store)) {
    return usage(
      `--store must be embedded, neo4j (a local server) or a bolt:// or neo4j:// URI, not "${store}"`,
    );
  }
  if (/^[^:]+:\/\/[^/@]*:[^/@]*@/.test(store)) {
    return usage(
      '--store: no password in the URI; put it in an environment variable and name it with --neo4j-password-env-var',
    );
  }
  const passwordVar = values['neo4j-password-env-var'];
  if (passwordVar !== undefined && process.env[passwordVar] === undefined) {
    return usage(`--neo4j-password-env-var: the environment variable ${passwordVar} is not set`);
  }
  return 'neo4j-uri';
}
if (storeKind !== 'neo4j-uri' && values['neo4j-password-env-var'] !== undefined) {
  usage('--neo4j-password-env-var goes with --store <bolt-uri>; the local Neo4j gets a random password');
}

// Runs are child processes (each its own peak RSS); the parent stays free to
// stop them and the local Neo4j when interrupted.
let running: ChildProcess | undefined;
let interrupted: NodeJS.Signals | undefined;
const onSignal = (signal: NodeJS.Signals) => {
  // A second Ctrl-C does not wait: the JVM exits by itself when this process does.
  if (interrupted) process.exit(130);
  interrupted = signal;
  process.stderr.write(`bench: ${signal}, stopping\n`);
  running?.kill('SIGTERM');
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

function child(script: string, args: string[]): Promise<RunOutput> {
  if (interrupted) return Promise.reject(new Error(`interrupted (${interrupted})`));
  return new Promise((resolveRun, reject) => {
    // The children run the way this process does (the workspace's sources through tsx).
    const proc = spawn(process.execPath, ['--expose-gc', ...process.execArgv, join(here, script), ...args], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    running = proc;
    let output = '';
    proc.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      output += chunk;
    });
    proc.once('error', reject);
    proc.once('close', (code, signal) => {
      running = undefined;
      if (code !== 0) {
        reject(
          new Error(
            `${script} ${interrupted ? `interrupted (${interrupted})` : `failed (${signal ?? `exit code ${code}`})`}`,
          ),
        );
        return;
      }
      const last = output.trim().split('\n').at(-1) ?? '{}';
      resolveRun(JSON.parse(last) as RunOutput);
    });
  });
}

process.stderr.write(
  `bench: ${scale} estate, ${latencyMs} ms latency, throttle ${throttleRate}, concurrency ${concurrency}, store ${storeKind === 'neo4j-uri' ? redactUri(values.store) : values.store}\n`,
);
let local: LocalNeo4j | undefined;
let main: RunOutput | undefined;
const scaling: ScalingRow[] = [];
let serverPeakRssMb: number | null = null;
let warmUpSeconds: number | null = null;
try {
  const spec = await benchStore();
  if (spec.kind === 'neo4j' && !values['no-warm-up']) {
    process.stderr.write('bench: warming Neo4j up (a small estate, not measured; --no-warm-up skips it)\n');
    const started = performance.now();
    await child('bench-run.ts', [
      JSON.stringify({
        estate: WARM_UP,
        store: spec,
        concurrency,
        latencyMs: 0,
        throttleRate: 0,
        changeLog,
        phases: ['first', 'unchanged', 'changed'],
      }),
    ]);
    warmUpSeconds = Math.round((performance.now() - started) / 100) / 10;
  }
  main = await child('bench-run.ts', [
    JSON.stringify({
      estate: SCALES[scale],
      store: spec,
      concurrency,
      latencyMs,
      throttleRate,
      changeLog,
      phases: ['first', 'unchanged', 'changed'],
    }),
  ]);
  if (values.scaling) {
    for (const factor of [1, 4, 16]) {
      process.stderr.write(`bench: scaling ${factor}x\n`);
      const run = await child('bench-run.ts', [
        JSON.stringify({
          estate: scaled('small', factor),
          store: spec,
          concurrency,
          latencyMs,
          throttleRate,
          changeLog,
          phases: ['first'],
        }),
      ]);
      const first = run.phases.first;
      scaling.push({
        factor,
        nodes: first?.nodes,
        resourcesPerSecond: first?.resourcesPerSecond,
        peakRssMb: run.peakRssMb,
        graphRssMb: run.graphRssMb,
        peakHeapMb: run.peakHeapMb,
        peakLiveHeapMb: run.peakLiveHeapMb,
        wallSeconds: first?.wallSeconds,
      });
    }
  }
  serverPeakRssMb = local?.peakRssMb() ?? null;
} catch (error) {
  process.stderr.write(`bench: ${(error as Error).message}\n`);
} finally {
  if (local) {
    process.stderr.write('bench: stopping the local Neo4j\n');
    await local.stop();
  }
}
if (main === undefined) process.exit(interrupted ? 130 : 1);

/** The store the runs write to; for `--store neo4j`, the local server started here. */
async function benchStore(): Promise<BenchStoreSpec> {
  if (storeKind === 'embedded') return { kind: 'embedded' };
  if (storeKind === 'local-neo4j') {
    process.stderr.write(
      `bench: starting a local Neo4j (heap ${values['neo4j-heap']}, page cache ${values['neo4j-page-cache']})\n`,
    );
    local = await startLocalNeo4j({
      heap: values['neo4j-heap'],
      pageCache: values['neo4j-page-cache'],
      ...(values['neo4j-version'] ? { version: values['neo4j-version'] } : {}),
      onProgress: (line) => process.stderr.write(`bench: ${line}\n`),
    });
    return local.spec;
  }
  const passwordEnvVar = values['neo4j-password-env-var'];
  const options = {
    neo4jUser: values['neo4j-user'],
    ...(passwordEnvVar === undefined ? {} : { neo4jPasswordEnvVar: passwordEnvVar }),
  };
  // Wrong credentials or an unreachable server: one line now, not a stack trace from the first run.
  try {
    await (await openStore(values.store, options)).close();
  } catch (error) {
    if (error instanceof ConfigError) usage(error.message);
    throw error;
  }
  process.stderr.write('bench: the Neo4j database is emptied before each first sync\n');
  return {
    kind: 'neo4j',
    uri: values.store,
    user: values['neo4j-user'],
    ...(passwordEnvVar === undefined ? {} : { passwordEnvVar }),
  };
}

// The micro-benchmark measures the embedded engine alone, whatever store the syncs used.
let storeBench: Record<string, unknown> | null = null;
if (!values['no-store'] && storeKind !== 'embedded') {
  process.stderr.write('bench: the store micro-benchmark measures the embedded engine: skipped\n');
} else if (!values['no-store']) {
  process.stderr.write('bench: store micro-benchmark\n');
  const output = execFileSync(
    process.execPath,
    [
      ...process.execArgv,
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

const { graphStore: storeInfo, ...measured } = main;
const neo4j = storeInfo.kind === 'neo4j';
const graphStore: BenchReport['graphStore'] = {
  ...storeInfo,
  ...(neo4j ? { warmUpSeconds } : {}),
  ...(local
    ? {
        server: {
          startedByBench: true,
          heap: values['neo4j-heap'],
          pageCache: values['neo4j-page-cache'],
          peakRssMb: serverPeakRssMb,
        },
      }
    : {}),
};
const report: BenchReport = {
  scale,
  latencyMs,
  throttleRate,
  concurrency,
  changeLog,
  graphStore,
  machine: machineInfo(),
  date: new Date().toISOString(),
  ...measured,
  scaling,
  store: storeBench,
};
const file = writeBenchResult(values.out, `bench-${scale}${neo4j ? '-neo4j' : ''}`, report);

process.stdout.write(formatSummary(report, file));
