import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoGraph } from '../lib/demo-graph.ts';
import { isoWeek, main } from '../weekly-security-report.ts';
import { captureOutput } from './capture-output.ts';
import { openTestDemoGraph } from './demo-fixture.ts';

describe('weekly-security-report example', () => {
  let graph: DemoGraph;
  let outDir: string;
  beforeAll(async () => {
    graph = await openTestDemoGraph();
    outDir = mkdtempSync(join(tmpdir(), 'skygraph-weekly-'));
  });
  afterAll(async () => {
    await graph?.close();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('writes one self-contained HTML file named after the week, with the seeded critical findings', async () => {
    const out = captureOutput();
    const { file, report } = await main({
      client: graph.client,
      outDir: join(outDir, 'reports'),
      now: new Date('2027-02-03T07:00:00Z'),
      out: out.stream,
    });
    expect(basename(file)).toBe('security-2027-W05.html');
    const html = readFileSync(file, 'utf8');
    expect(html).toMatch(/^<!doctype html>/i);
    expect(html).toContain('Weekly security report');
    // Nothing is fetched from the network: charts are inline SVG.
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/i);
    for (const seeded of [
      'trust-everyone-role',
      'public-unencrypted-db',
      '-public-acl-',
      'legacy-cluster-0',
    ]) {
      expect(html).toContain(seeded);
    }

    expect(report.sections.map((s) => s.title)).toEqual([
      'Critical and high',
      'Internet exposure',
      'Identity hygiene',
      'Everything else',
    ]);
    expect(report.summary.queries.failed).toBe(0);
    expect(report.summary.findings.bySeverity.critical).toBeGreaterThan(0);
    const top = report.summary.findings.top.map((t) => t.query);
    expect(top).toEqual(
      expect.arrayContaining(['s3_anonymous', 'iam_role_trusts_everyone', 'gcp_bucket_public']),
    );

    const text = out.text();
    expect(text).toMatch(/^Weekly security report 2027-W05: \d+ findings \(\d+ critical, /);
    expect(text).toContain('S3 buckets anyone can access');
    expect(text).toContain(`HTML: ${file}`);
  });

  it('names weeks the ISO way, across year boundaries', () => {
    expect(isoWeek(new Date('2021-01-01T12:00:00Z'))).toBe('2020-W53');
    expect(isoWeek(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01');
    expect(isoWeek(new Date('2027-02-07T23:59:59Z'))).toBe('2027-W05');
    expect(isoWeek(new Date('2027-02-08T00:00:00Z'))).toBe('2027-W06');
  });
});
