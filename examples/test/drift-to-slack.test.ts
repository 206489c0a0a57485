import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main, makeDemoBucketPublic } from '../drift-to-slack.ts';
import type { DemoGraph } from '../lib/demo-graph.ts';
import { captureOutput } from './capture-output.ts';
import { openTestDemoGraph } from './demo-fixture.ts';
import { type LocalSlack, startLocalSlack } from './local-slack.ts';

describe('drift-to-slack example', () => {
  let graph: DemoGraph;
  let slack: LocalSlack;
  let snapshotDir: string;
  beforeAll(async () => {
    graph = await openTestDemoGraph();
    slack = await startLocalSlack();
    snapshotDir = mkdtempSync(join(tmpdir(), 'skygraph-drift-example-'));
  });
  afterAll(async () => {
    await graph?.close();
    await slack?.close();
    rmSync(snapshotDir, { recursive: true, force: true });
  });

  const day = (n: number) => new Date(Date.UTC(2027, 1, n, 6));

  it('records a baseline first, then posts to Slack only what changed, once', async () => {
    const first = await main({ store: graph.store, snapshotDir, webhookUrl: slack.webhookUrl, now: day(1) });
    expect(first.status).toBe('ok');
    expect(first.alerts).toEqual([]);
    expect(first.queries.length).toBeGreaterThan(0);
    expect(first.queries.every((q) => q.baseline)).toBe(true);
    expect(slack.messages).toEqual([]);

    // Someone makes a private bucket public; the next sync sees it.
    const bucket = makeDemoBucketPublic(graph.demo);
    expect((await graph.resync()).status).toBe('success');

    const out = captureOutput();
    const second = await main({
      store: graph.store,
      snapshotDir,
      webhookUrl: slack.webhookUrl,
      now: day(2),
      out: out.stream,
    });
    expect(second.status).toBe('ok');
    expect(second.alerts.map((a) => `${a.transition} ${a.severity} ${a.query}`)).toEqual([
      'added critical s3_anonymous',
    ]);
    expect(second.alerts[0]?.resource).toContain(bucket);
    expect(second.sinks).toEqual([
      expect.objectContaining({ sink: 'security-channel', delivered: 1, failed: 0 }),
    ]);
    expect(slack.messages).toHaveLength(1);
    expect(JSON.stringify(slack.messages[0])).toContain(bucket);
    expect(slack.messages[0]?.text).toContain('1 added');
    expect(out.text()).toContain(`added   critical s3_anonymous: ${bucket}`);
    expect(out.text()).toContain('security-channel: 1 delivered');

    // Nothing changed since: nothing new is posted.
    expect((await graph.resync()).status).toBe('success');
    const third = await main({ store: graph.store, snapshotDir, webhookUrl: slack.webhookUrl, now: day(3) });
    expect(third.alerts).toEqual([]);
    expect(slack.messages).toHaveLength(1);
  });

  it('keeps its snapshots in the graph when no folder is given', async () => {
    const first = await main({ store: graph.store, webhookUrl: slack.webhookUrl, now: day(4) });
    expect(first.queries.every((q) => q.baseline)).toBe(true);
    const second = await main({ store: graph.store, webhookUrl: slack.webhookUrl, now: day(5) });
    expect(second.queries.some((q) => q.baseline)).toBe(false);
    expect(second.alerts).toEqual([]);
  });
});
