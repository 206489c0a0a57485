/**
 * One benchmark run in its own process (so peak RSS is this run's alone):
 * starts the emulators at the given scale and latency, syncs into a fresh
 * embedded store, re-syncs the unchanged estate, changes 10% of it and syncs
 * again. Prints one JSON object on standard output.
 */

import { execFileSync, fork } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore, type SyncResult, sync } from '@skygraph/core';
import { type DemoEndpoints, type DemoEstateOptions, demoProviders } from '../src/demo/demo-estate.ts';

interface RunInput {
  estate: DemoEstateOptions;
  concurrency: number;
  latencyMs: number;
  throttleRate: number;
  phases: ('first' | 'unchanged' | 'changed')[];
  changeLog: boolean;
}

const input = JSON.parse(process.argv[2] ?? '{}') as RunInput;
const dir = mkdtempSync(join(tmpdir(), 'skygraph-bench-'));
const storePath = join(dir, 'bench.grafeo');
const store = EmbeddedStore.open(storePath);
// The emulators are the cloud: they run in another process, as a real API would.
const host = fork(
  new URL('./emulator-host.ts', import.meta.url),
  [JSON.stringify({ ...input.estate, latencyMs: input.latencyMs, throttleRate: input.throttleRate })],
  { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'ignore', 'inherit', 'ipc'] },
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
const requests = async () => (await ask<{ requests: Record<string, number> }>('stats', 'stats')).requests;
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
    const before = await requests();
    const storeBefore = store.metrics;
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
    const after = await requests();
    const requestsByProvider = Object.fromEntries(
      Object.entries(after).map(([k, v]) => [k, v - (before[k] ?? 0)]),
    );
    phases[phase] = summarise(
      result,
      wallMs,
      requestsByProvider,
      store.metrics.writeMs - storeBefore.writeMs,
      input,
    );
  }
} finally {
  host.send({ type: 'stop' });
  clearInterval(sampler);
  clearInterval(liveSampler);
  await store.close();
}
const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
// What the embedded graph alone holds in memory: a fresh process opens the
// store the sync wrote and reports its RSS, less a process that opens nothing.
const footprint = (open: boolean) =>
  Number(
    execFileSync(
      process.execPath,
      ['--import', 'tsx', new URL('./store-footprint.ts', import.meta.url).pathname, open ? storePath : ''],
      { encoding: 'utf8' },
    ).trim(),
  );
const graphRssMb = footprint(true) - footprint(false);
rmSync(dir, { recursive: true, force: true });
process.stdout.write(
  `${JSON.stringify({
    phases,
    peakRssMb,
    graphRssMb,
    peakHeapMb: Math.round(peakHeap / 2 ** 20),
    peakLiveHeapMb: Math.round(peakLiveHeap / 2 ** 20),
  })}\n`,
);

function summarise(
  result: SyncResult,
  wallMs: number,
  requestsByProvider: Record<string, number>,
  writeMs: number,
  run: RunInput,
) {
  const requests = Object.values(requestsByProvider).reduce((a, b) => a + b, 0);
  // The least time the requests could take: all of them spread over the
  // concurrency, plus the chain that must happen before any scope starts
  // (list accounts -> assume role -> describe regions, or the org/project walk).
  const longestScopeChain = Math.max(0, ...result.scopes.map((s) => s.requests));
  const planChain = 4;
  const floorMs = (requests * run.latencyMs) / run.concurrency + planChain * run.latencyMs;
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
    graphWriteShare: round(writeMs / wallMs),
    latencyFloorSeconds: round(floorMs / 1000),
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
