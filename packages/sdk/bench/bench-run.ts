/**
 * One benchmark run in its own process (so peak RSS is this run's alone):
 * starts the emulators at the given scale and latency, syncs into an empty
 * store (a fresh embedded file, or an emptied Neo4j database), re-syncs the
 * unchanged estate, changes 10% of it and syncs again. Prints one JSON
 * object on standard output.
 */

import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { EmbeddedStore, type SyncResult, sync } from '@skygraph/core';
import { type DemoEndpoints, type DemoEstateOptions, demoProviders } from '@skygraph/sdk/demo';
import { type BenchStoreSpec, openBenchStore } from './bench-store.ts';
import { type StatementProfile, sampleNeo4jStatements } from './neo4j-statement-sampler.ts';
import { WriteTimedStore } from './write-timed-store.ts';

interface RunInput {
  estate: DemoEstateOptions;
  store: BenchStoreSpec;
  concurrency: number;
  latencyMs: number;
  throttleRate: number;
  phases: ('first' | 'unchanged' | 'changed')[];
  changeLog: boolean;
}

const input = JSON.parse(process.argv[2] ?? '{}') as RunInput;
const bench = await openBenchStore(input.store);
// The embedded store measures its own writer; Neo4j has none, so the time
// inside write calls is measured around the store instead.
const store = bench.store instanceof EmbeddedStore ? bench.store : new WriteTimedStore(bench.store);
// The emulators are the cloud: they run in another process, as a real API would.
const host = fork(
  new URL('./emulator-host.ts', import.meta.url),
  [JSON.stringify({ ...input.estate, latencyMs: input.latencyMs, throttleRate: input.throttleRate })],
  { execArgv: process.execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
);
const ask = async <T>(type: string, answer: string): Promise<T> => {
  host.send({ type });
  for (;;) {
    const [message] = (await once(host, 'message')) as [{ type: string } & T];
    if (message.type === answer) return message;
  }
};
const [ready] = (await once(host, 'message')) as [{ endpoints: DemoEndpoints }];
const providers = () => demoProviders(ready.endpoints);
providers();
const baselineRssMb = Math.round(process.memoryUsage().rss / 2 ** 20);
const stats = () => ask<{ requests: Record<string, number>; cpuMs: number }>('stats', 'stats');
const cpuMs = () => {
  const cpu = process.cpuUsage();
  return (cpu.user + cpu.system) / 1000;
};
// The JS heap is the sync's own memory; RSS also holds the embedded graph (native memory).
// heapUsed includes garbage V8 has not collected yet, so the live heap is
// sampled right after a full collection every 2 s (the process runs with
// --expose-gc; each collection pauses the sync for a few ms).
let peakHeap = 0;
let peakLiveHeap = 0;
const gc = (globalThis as { gc?: () => void }).gc;
const sampler = setInterval(() => {
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}, 100);
const liveSampler = setInterval(() => {
  gc?.();
  peakLiveHeap = Math.max(peakLiveHeap, process.memoryUsage().heapUsed);
}, 2000);
const phases: Record<string, unknown> = {};
let tag = 1_000;
try {
  for (const phase of input.phases) {
    if (phase === 'changed') await ask('change', 'changed');
    tag += 1;
    const before = await stats();
    const writesBefore = writeTotals();
    const cpuBefore = cpuMs();
    const profiler = store instanceof WriteTimedStore ? sampleNeo4jStatements(bench.store) : null;
    const started = performance.now();
    const result = await sync({
      store,
      providers: providers(),
      updateTag: tag,
      concurrency: input.concurrency,
      changeLog: input.changeLog,
      analysis: true,
    });
    const wallMs = performance.now() - started;
    const syncCpuMs = cpuMs() - cpuBefore;
    const profile = await profiler?.stop();
    const after = await stats();
    const requestsByProvider = Object.fromEntries(
      Object.entries(after.requests).map(([k, v]) => [k, v - (before.requests[k] ?? 0)]),
    );
    const writes = writeTotals();
    phases[phase] = summarise(result, {
      wallMs,
      requestsByProvider,
      writeMs: writes.ms - writesBefore.ms,
      writeTransactions: writes.transactions - writesBefore.transactions,
      cpu: { syncMs: syncCpuMs, emulatorsMs: after.cpuMs - before.cpuMs },
      profile,
      run: input,
    });
  }
} finally {
  host.send({ type: 'stop' });
  clearInterval(sampler);
  clearInterval(liveSampler);
  await store.close();
}
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
// What the embedded graph alone holds in memory: a fresh process opens the
// store the sync wrote and reports how much its RSS grew (store-footprint.ts).
// A Neo4j graph lives in the server, outside this process: nothing to measure here.
const footprint = (path: string) =>
  Number(
    execFileSync(
      process.execPath,
      [...process.execArgv, new URL('./store-footprint.ts', import.meta.url).pathname, path],
      { encoding: 'utf8' },
    ).trim(),
  );
const graphRssMb = bench.path === undefined ? null : footprint(bench.path);
bench.dispose();
process.stdout.write(
  `${JSON.stringify({
    graphStore: bench.info,
    phases,
    peakRssMb,
    baselineRssMb,
    graphRssMb,
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    peakLiveHeapMb: Math.round(peakLiveHeap / 2 ** 20),
  })}\n`,
);

function writeTotals(): { ms: number; transactions: number } {
  if (store instanceof WriteTimedStore) return store.totals;
  return { ms: store.metrics.writeMs, transactions: store.metrics.writes };
}

interface PhaseMeasures {
  wallMs: number;
  requestsByProvider: Record<string, number>;
  /** Time inside write transactions: the embedded writer's busy time, or summed over Neo4j's concurrent ones. */
  writeMs: number;
  writeTransactions: number;
  /** CPU time (user + system, all threads) of the sync's process and of the emulators' process. */
  cpu: { syncMs: number; emulatorsMs: number };
  /** What the Neo4j server was running (absent for the embedded store). */
  profile: StatementProfile | undefined;
  run: RunInput;
}

function summarise(result: SyncResult, measures: PhaseMeasures) {
  const { wallMs, requestsByProvider, writeMs, run } = measures;
  const requests = Object.values(requestsByProvider).reduce((a, b) => a + b, 0);
  // The least time the requests could take: all of them spread over the
  // concurrency, plus the chain that must happen before any scope starts
  // (list accounts -> assume role -> describe regions, or the org/project walk).
  const longestScopeChain = Math.max(0, ...result.scopes.map((s) => s.requests));
  const planChain = 4;
  const floorMs = (requests * run.latencyMs) / run.concurrency + planChain * run.latencyMs;
  // The embedded store has one writer, busy some share of the wall time.
  // Neo4j runs transactions side by side: their summed time over the wall
  // time is how many were in flight on average, and may exceed 1.
  const writeFigures =
    bench.info.kind === 'neo4j'
      ? {
          graphWriteShare: null,
          writeTransactions: measures.writeTransactions,
          storeWriteSeconds: round(writeMs / 1000),
          writesInFlight: round(writeMs / wallMs),
          serverStatements: measures.profile ?? null,
        }
      : { graphWriteShare: round(writeMs / wallMs) };
  return {
    status: result.status,
    wallSeconds: round(wallMs / 1000),
    requests,
    requestsByProvider,
    requestsByOperation: undefined,
    nodes: result.counts.nodes,
    relationships: result.counts.relationships,
    deleted: result.counts.deleted,
    retries: result.counts.retries,
    resourcesPerSecond: Math.round(result.counts.nodes / (wallMs / 1000)),
    ...writeFigures,
    latencyFloorSeconds: round(floorMs / 1000),
    // On a machine with few cores the sync and the emulators share them: CPU
    // seconds over wall seconds says how close the run is to CPU-bound.
    syncCpuSeconds: round(measures.cpu.syncMs / 1000),
    emulatorCpuSeconds: round(measures.cpu.emulatorsMs / 1000),
    wallToFloor: floorMs > 0 ? round(wallMs / floorMs) : null,
    longestScopeChainRequests: longestScopeChain,
    scopes: result.scopes.length,
    failedScopes: result.scopes.filter((s) => s.status !== 'success').length,
    changes: result.scopes.reduce((a, s) => a + s.changes, 0),
  };
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}
