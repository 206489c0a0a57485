import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestStoreTarget, testStoreKind } from '@skygraph/core/testing';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

interface BenchReport {
  graphStore: { kind: string; version: string };
  phases: Record<
    string,
    {
      status: string;
      nodes: number;
      deleted: number;
      requests: number;
      graphWriteShare: number | null;
      writesInFlight?: number;
    }
  >;
  peakRssMb: number;
  graphRssMb: number | null;
  peakLiveHeapMb: number;
}

/** Runs `pnpm bench` at the small scale without latency into `storeArgs`; its printed summary and JSON. */
function runBench(
  storeArgs: readonly string[],
  env: NodeJS.ProcessEnv,
): { printed: string; report: BenchReport } {
  const out = mkdtempSync(join(tmpdir(), 'skygraph-bench-out-'));
  try {
    const printed = execFileSync(
      process.execPath,
      [
        // As `pnpm bench` runs it: the harness through tsx, skygraph as built (Vitest's setup built it).
        '--import',
        'tsx',
        'packages/sdk/bench/sync-bench.ts',
        '--scale',
        'small',
        '--latency',
        '0',
        '--no-store',
        ...storeArgs,
        '--out',
        out,
      ],
      { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    const [file] = readdirSync(out);
    return { printed, report: JSON.parse(readFileSync(join(out, file ?? ''), 'utf8')) as BenchReport };
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function expectThreePhases(printed: string, report: BenchReport): void {
  expect(printed).toMatch(/phase\twall s\trequests/);
  expect(Object.keys(report.phases)).toEqual(['first', 'unchanged', 'changed']);
  expect(report.phases.first?.status).toBe('success');
  expect(report.phases.first?.nodes).toBeGreaterThan(1000);
  expect(report.phases.unchanged?.deleted).toBe(0);
  expect(report.phases.changed?.deleted).toBeGreaterThan(0);
  expect(report.phases.first?.requests).toBeGreaterThan(0);
  expect(report.peakRssMb).toBeGreaterThan(0);
  expect(report.peakLiveHeapMb).toBeGreaterThan(0);
}

// A smoke test that `pnpm bench` works (small scale, no latency) against the
// store this test run targets: it reports figures, it asserts no timing. The
// real runs are `pnpm bench --scale ... [--store neo4j]`.
describe('pnpm bench', () => {
  it("runs a small estate through first, unchanged and changed syncs against the run's store and writes its figures", async () => {
    if (testStoreKind() === 'embedded') {
      const { printed, report } = runBench([], process.env);
      expectThreePhases(printed, report);
      expect(report.graphStore.kind).toBe('embedded');
      expect(printed).toMatch(/^graph store: embedded \(Grafeo \d/);
      // The embedded graph's share of the RSS and the live heap are measured, and smaller than the RSS.
      expect(report.graphRssMb).toBeGreaterThan(0);
      expect(report.graphRssMb).toBeLessThan(report.peakRssMb);
      expect(printed).toMatch(/of which the embedded graph/);
      return;
    }
    const target = await createTestStoreTarget();
    // Something the first sync must not find: the bench empties the database.
    const store = await target.open();
    await store.write([{ cypher: 'CREATE (:BenchLeftover {id: 1})', params: {} }]);
    await store.close();

    // Not warmed up: the smoke test asserts no timing, and the test server is shared.
    const { printed, report } = runBench([...target.args, '--no-warm-up'], {
      ...process.env,
      ...target.env,
    });
    expectThreePhases(printed, report);
    expect(report.graphStore.kind).toBe('neo4j');
    expect(report.graphStore.version).toMatch(/^\d+\.\d+/);
    expect(printed).toMatch(/^graph store: neo4j \d+\.\d+\S* \w+ at bolt:\/\//);
    // The graph lives in the server: no embedded footprint, and concurrent
    // writes are reported as transactions in flight, not as a writer's busy share.
    expect(report.graphRssMb).toBeNull();
    expect(printed).toMatch(/graph in server/);
    expect(report.phases.first?.graphWriteShare).toBeNull();
    expect(report.phases.first?.writesInFlight).toBeGreaterThan(0);
    expect(printed).toMatch(/phase\t.*\twrites in flight\t/);

    const after = await target.open();
    try {
      expect(await after.read('MATCH (n:BenchLeftover) RETURN n')).toEqual([]);
    } finally {
      await after.close();
    }
  }, 300_000);
});
