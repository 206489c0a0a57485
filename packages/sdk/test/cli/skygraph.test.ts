import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStoreTarget, fixtureProvider } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCollect } from '../../src/cli/collect-command.ts';
import type { ProviderEntry } from '../../src/cli/provider-registry.ts';
import { runSkygraph } from '../../src/cli/skygraph-command.ts';
import { memoryIo } from './cli-harness.ts';

const servers = (ids: string[]) => ({
  tenants: { acme: { east: { servers: ids.map((id) => ({ id, region: 'east' })), disks: [] } } },
});

describe('skygraph changes', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skygraph-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('says the graph is empty before any sync, and exits 1', async () => {
    const target = await createTestStoreTarget('missing');
    const run = memoryIo({ ...target.env });
    expect(await runSkygraph(['changes'], run.io)).toBe(1);
    target.dispose();
    expect(run.stderr()).toMatch(/cannot open the embedded store|empty: run `collect` first/);
  });

  it('lists what the last sync added and removed', async () => {
    const target = await createTestStoreTarget();
    const env = { FIXTURE_TOKEN: 'x', ...target.env, SKYGRAPH_LOG_LEVEL: 'silent' };
    let estate = servers(['a', 'b']);
    const entry: ProviderEntry = {
      name: 'aws',
      options: {},
      missingCredentials: () => null,
      create: () => fixtureProvider(estate),
    };
    expect(await runCollect(['--update-tag', '100'], memoryIo(env).io, { entries: [entry] })).toBe(0);
    estate = servers(['b', 'c']);
    expect(await runCollect(['--update-tag', '200'], memoryIo(env).io, { entries: [entry] })).toBe(0);
    const run = memoryIo(env);
    const code = await runSkygraph(['changes', '--since', '1h'], run.io);
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
    expect(run.stdout()).toMatch(/added TestServer c/);
    expect(run.stdout()).toMatch(/removed TestServer a/);
    const json = memoryIo(env);
    expect(
      await runSkygraph(['changes', '--json', '--label', 'TestServer', '--owner', 'acme'], json.io),
    ).toBe(0);
    const lines = json
      .stdout()
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { kind: string; key: string });
    expect(lines.map((l) => `${l.kind} ${l.key}`).sort()).toEqual(['added c', 'removed a']);
    // The first sync's summary counts the nodes it wrote.
    expect(run.stdout()).toMatch(/first sync: 2 nodes/);
    for (const since of ['yesterday', '2024-13-45', '2024-02-30', '2024-05-31T25:00:00Z']) {
      const bad = memoryIo(env);
      expect(await runSkygraph(['changes', '--since', since], bad.io), since).toBe(2);
      expect(bad.stderr(), since).toMatch(/--since: expected a duration/);
    }
    const good = memoryIo(env);
    expect(await runSkygraph(['changes', '--since', '2024-02-29'], good.io)).toBe(0);
    target.dispose();
  });
});
