import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../../..');

// A smoke test that `pnpm bench` works (small scale, no latency): it reports
// figures, it asserts no timing. The real runs are `pnpm bench --scale ...`.
describe('pnpm bench', () => {
  it('runs a small estate through first, unchanged and changed syncs and writes its figures', () => {
    const out = mkdtempSync(join(tmpdir(), 'skygraph-bench-out-'));
    try {
      const printed = execFileSync(
        process.execPath,
        [
          '--import',
          'tsx',
          'packages/sdk/bench/sync-bench.ts',
          '--scale',
          'small',
          '--latency',
          '0',
          '--no-store',
          '--out',
          out,
        ],
        { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
      );
      expect(printed).toMatch(/phase\twall s\trequests/);
      const [file] = readdirSync(out);
      const report = JSON.parse(readFileSync(join(out, file ?? ''), 'utf8')) as {
        phases: Record<string, { status: string; nodes: number; deleted: number; requests: number }>;
        peakRssMb: number;
        graphRssMb: number;
        peakLiveHeapMb: number;
      };
      expect(Object.keys(report.phases)).toEqual(['first', 'unchanged', 'changed']);
      expect(report.phases.first?.status).toBe('success');
      expect(report.phases.first?.nodes).toBeGreaterThan(1000);
      expect(report.phases.unchanged?.deleted).toBe(0);
      expect(report.phases.changed?.deleted).toBeGreaterThan(0);
      expect(report.phases.first?.requests).toBeGreaterThan(0);
      expect(report.peakRssMb).toBeGreaterThan(0);
      // The embedded graph's share of the RSS and the live heap are measured, and smaller than the RSS.
      expect(report.graphRssMb).toBeGreaterThan(0);
      expect(report.graphRssMb).toBeLessThan(report.peakRssMb);
      expect(report.peakLiveHeapMb).toBeGreaterThan(0);
      expect(printed).toMatch(/of which the embedded graph/);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 300_000);
});
