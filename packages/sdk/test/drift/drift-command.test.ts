import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { ConfigError, type GraphStore, resolveConfig, sync } from '@skygraph/core';
import { fixtureProvider, openTestStore } from '@skygraph/core/testing';
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
