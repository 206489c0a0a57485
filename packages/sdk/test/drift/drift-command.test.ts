import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ConfigError, type GraphStore, resolveConfig, sync } from '@skygraph/core';
import { createTestStoreTarget, fixtureProvider, openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  driftDryRunOption,
  driftOptions,
  type FindingQuery,
  runDriftCommand,
} from '../../src/drift/index.ts';

const catalogue: FindingQuery[] = [
  {
    name: 'public_servers',
    severity: 'high',
    tags: ['security'],
    cypher: 'MATCH (s:TestServer) WHERE s.public = true RETURN s.id AS server',
    identityKeys: ['server'],
  },
];

describe('runDriftCommand (the settings of `skygraph drift`)', () => {
  let store: GraphStore;
  let dir: string;
  beforeEach(async () => {
    store = await openTestStore();
    dir = mkdtempSync(join(tmpdir(), 'skygraph-drift-command-'));
    await sync({
      store,
      providers: [
        fixtureProvider({
          tenants: { t: { r: { servers: [{ id: 'a', region: 'r', public: true }], disks: [] } } },
        }),
      ],
    });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const settings = (flags: Record<string, unknown>) =>
    resolveConfig({ ...driftOptions, ...driftDryRunOption }, { flags, env: {} });

  it('reads the rules file and keeps snapshots in --snapshot-dir', async () => {
    const rules = join(dir, 'rules.yaml');
    writeFileSync(
      rules,
      'sinks: { log: { type: stdout } }\nrules: [{ name: r, tags: [security], sinks: [log] }]\n',
    );
    const report = await runDriftCommand({
      store,
      catalogue,
      settings: settings({
        alertRules: rules,
        snapshotDir: join(dir, 'snapshots'),
        driftNamespace: 'team-a',
      }),
      stdout: new PassThrough(),
    });
    expect(report).toMatchObject({
      status: 'ok',
      namespace: 'team-a',
      queries: [{ query: 'public_servers', rows: 1, baseline: true }],
    });
    expect(readdirSync(join(dir, 'snapshots', 'team-a', 'snapshots', 'public_servers'))).toHaveLength(1);
  });

  it('saves nothing with --dry-run', async () => {
    const report = await runDriftCommand({
      store,
      catalogue,
      settings: settings({ driftTags: ['security'], snapshotDir: join(dir, 'snapshots'), dryRun: true }),
    });
    expect(report.dryRun).toBe(true);
    expect(existsSync(join(dir, 'snapshots'))).toBe(false);
  });

  it('refuses to run with nothing to watch', async () => {
    await expect(runDriftCommand({ store, catalogue, settings: settings({}) })).rejects.toThrow(ConfigError);
  });
});

describe('runDriftCommand letting go of the store while it delivers', () => {
  it('records the outcome in the reopened store; if it cannot reopen, the next run sends the alerts again', async () => {
    const target = await createTestStoreTarget();
    const dir = mkdtempSync(join(tmpdir(), 'skygraph-drift-release-'));
    const opened: GraphStore[] = [];
    const open = async () => {
      const store = await target.open();
      opened.push(store);
      return store;
    };
    try {
      const first = await open();
      await sync({
        store: first,
        providers: [
          fixtureProvider({
            tenants: { t: { r: { servers: [{ id: 'a', region: 'r', public: true }], disks: [] } } },
          }),
        ],
      });
      const rules = join(dir, 'rules.yaml');
      writeFileSync(
        rules,
        'baseline: alert\nsinks: { log: { type: stdout } }\nrules: [{ name: r, tags: [security], sinks: [log] }]\n',
      );
      const settings = resolveConfig(
        { ...driftOptions, ...driftDryRunOption },
        { flags: { alertRules: rules }, env: {} },
      );
      const drift = async (store: GraphStore, reopen: () => Promise<GraphStore>) => {
        const out = new PassThrough();
        let text = '';
        out.on('data', (chunk: Buffer) => {
          text += chunk.toString();
        });
        const report = await runDriftCommand({ store, catalogue, settings, stdout: out, reopen });
        // The run closed `store` and the store it reopened; closing again is a no-op.
        for (const each of opened) await each.close();
        return {
          report,
          delivered: text.split('\n').filter((line) => line.includes('public_servers')).length,
        };
      };

      // The store is closed while the sink delivers; reopening it fails (another process took it).
      const unrecorded = await drift(first, async () => {
        await expect(first.read('RETURN 1 AS one')).rejects.toThrow();
        throw new Error('the store is locked by another process');
      });
      expect(unrecorded.delivered).toBe(1);
      expect(unrecorded.report.status).toBe('failed');
      expect(unrecorded.report.warnings.join('\n')).toMatch(
        /could not reopen the store .*locked by another process.*the next run sends this run's alerts again/,
      );

      // Nothing was lost: the next run sends the alert again, and records that in the reopened store.
      const resent = await drift(await open(), open);
      expect(resent.delivered).toBe(1);
      expect(resent.report).toMatchObject({ status: 'ok', pending: 0, alerts: [] });
      const settled = await drift(await open(), open);
      expect(settled.delivered).toBe(0);
      expect(settled.report).toMatchObject({ status: 'ok', pending: 0 });
    } finally {
      for (const store of opened) await store.close();
      target.dispose();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
