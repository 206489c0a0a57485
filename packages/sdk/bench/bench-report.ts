import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { describeStore, type GraphStoreInfo } from './bench-store.ts';
import type { StatementProfile } from './neo4j-statement-sampler.ts';

/** One phase's figures, as bench-run.ts reports them. */
export interface PhaseOutput {
  status: string;
  wallSeconds: number;
  requests: number;
  nodes: number;
  relationships: number;
  deleted: number;
  retries: number;
  resourcesPerSecond: number;
  latencyFloorSeconds: number;
  wallToFloor: number | null;
  /** The embedded store's writer: busy share of the wall time; null with Neo4j. */
  graphWriteShare: number | null;
  /** CPU seconds (user + system, every thread) of the sync's process in this phase. */
  syncCpuSeconds: number;
  /** CPU seconds of the emulators' process (the "cloud") in this phase. */
  emulatorCpuSeconds: number;
  /** Neo4j only: write transactions in flight on average. */
  writesInFlight?: number;
  /** Neo4j only: what the server was seen running. */
  serverStatements?: StatementProfile | null;
  [figure: string]: unknown;
}

/** What one run (bench-run.ts) prints. */
export interface RunOutput {
  graphStore: GraphStoreInfo;
  phases: Record<string, PhaseOutput>;
  peakRssMb: number;
  /** RSS with the providers loaded and the store open, before the first sync: what the code costs. */
  baselineRssMb: number;
  /** The embedded graph's own footprint; null when the graph is in a Neo4j server. */
  graphRssMb: number | null;
  peakHeapMb: number;
  peakLiveHeapMb: number;
}

export interface ScalingRow {
  factor: number;
  nodes: number | undefined;
  resourcesPerSecond: number | undefined;
  peakRssMb: number;
  graphRssMb: number | null;
  peakHeapMb: number;
  peakLiveHeapMb: number;
  wallSeconds: number | undefined;
}

/** The JSON the benchmark writes. */
export interface BenchReport extends Omit<RunOutput, 'graphStore'> {
  scale: string;
  latencyMs: number;
  throttleRate: number;
  concurrency: number;
  changeLog: boolean;
  graphStore: GraphStoreInfo & {
    /** Neo4j: how long the unmeasured warm-up sync took; null when skipped. */
    warmUpSeconds?: number | null;
    /** A Neo4j the bench started itself. */
    server?: { startedByBench: boolean; heap: string; pageCache: string; peakRssMb: number | null };
  };
  machine: { cpus: number; cpuModel: string | undefined; memoryGb: number; node: string };
  date: string;
  scaling: ScalingRow[];
  /** The embedded store's micro-benchmark; null when skipped. */
  store: Record<string, unknown> | null;
}

/** The summary `pnpm bench` prints: the store, a row per phase, memory and, for Neo4j, what the server did. */
export function formatSummary(report: BenchReport, file: string): string {
  const neo4j = report.graphStore.kind === 'neo4j';
  const rows = Object.entries(report.phases).map(([name, p]) =>
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
      neo4j ? p.writesInFlight : p.graphWriteShare,
      p.syncCpuSeconds,
      p.emulatorCpuSeconds,
      p.retries,
    ].join('\t'),
  );
  const serverRss = report.graphStore.server?.peakRssMb;
  const memory = neo4j
    ? `peak RSS ${report.peakRssMb} MB, the sync process alone (graph in server${
        serverRss == null ? '' : `; the Neo4j JVM's peak RSS ${serverRss} MB`
      }); `
    : `peak RSS ${report.peakRssMb} MB, of which the embedded graph ~${String(report.graphRssMb)} MB; `;
  const baseline = `baseline RSS ${report.baselineRssMb} MB before the first sync; `;
  const storeBench = report.store;
  return (
    `graph store: ${describeStore(report.graphStore)}${storeNotes(report)}\n` +
    [
      `phase\twall s\trequests\tnodes\trels\tdeleted\tres/s\tfloor s\twall/floor\t${neo4j ? 'writes in flight' : 'write share'}\tsync CPU s\temulators CPU s\tretries`,
      ...rows,
    ].join('\n') +
    `\n${memory}${baseline}JS heap peak ${report.peakHeapMb} MB, live after GC ${report.peakLiveHeapMb} MB\n` +
    (neo4j
      ? 'writes in flight: time inside store.write summed over concurrent transactions, over the wall time ' +
        "(Neo4j has no single writer, so the embedded store's writer-busy share does not apply)\n" +
        Object.entries(report.phases)
          .map(([name, p]) => `server, ${name}: ${serverShares(p.serverStatements)}\n`)
          .join('')
      : '') +
    (report.scaling.length > 0
      ? `scaling: ${report.scaling.map((s) => `${s.factor}x ${String(s.nodes)} nodes ${String(s.resourcesPerSecond)} res/s ${s.peakRssMb} MB RSS (${s.graphRssMb === null ? 'graph in server' : `graph ~${s.graphRssMb} MB`}), ${s.peakLiveHeapMb} MB live heap`).join('; ')}\n`
      : '') +
    (storeBench
      ? `store: ${String(storeBench.nodesPerSecond)} nodes/s, ${String(storeBench.relationshipsPerSecond)} rels/s, ${String(storeBench.cleanupDeletesPerSecond)} deletes/s, ${String(storeBench.peakRssMb)} MB\n`
      : '') +
    `written ${file}\n`
  );
}

/** How the store was set up, for the summary's first line. */
function storeNotes(report: BenchReport): string {
  const notes: string[] = [];
  const { server, warmUpSeconds } = report.graphStore;
  if (server) notes.push(`started by the bench: heap ${server.heap}, page cache ${server.pageCache}`);
  if (warmUpSeconds != null) notes.push(`warmed up first in ${warmUpSeconds} s, not measured`);
  return notes.length > 0 ? ` (${notes.join('; ')})` : '';
}

/** The three statements the server was seen running most, with their shares. */
function serverShares(profile: StatementProfile | null | undefined): string {
  if (!profile || profile.samples === 0) return 'not sampled';
  const top = profile.statements
    .slice(0, 3)
    .map((s) => `${Math.round(s.share * 100)}% ${s.statement}`)
    .join(' | ');
  return `${profile.meanOpenTransactions} transactions open on average, ${Math.round(profile.blockedShare * 100)}% of them waiting for a lock; ${top}`;
}

/** The machine a figure was measured on, as every benchmark's JSON records it. */
export function machineInfo() {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model,
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
}

/** Writes a benchmark's JSON into `dir` as `<name>-<date>.json`; returns the file. */
export function writeBenchResult<T extends { date: string }>(dir: string, name: string, result: T): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${name}-${result.date.replaceAll(':', '-')}.json`);
  writeFileSync(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}
