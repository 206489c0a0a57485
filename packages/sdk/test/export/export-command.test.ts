import { PassThrough } from 'node:stream';
import { ConfigError, type GraphStore, resolveConfig, sync } from '@skygraph/core';
import { fixtureProvider, openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { exportOptions, runExportCommand } from '../../src/export/index.ts';
import { startFakeElasticsearch } from './fake-elasticsearch.ts';

const catalogue = [
  {
    name: 'public_servers',
    severity: 'high',
    tags: ['security'],
    cypher: 'MATCH (s:TestServer) WHERE s.public = true RETURN s.id AS server',
  },
  { name: 'all_servers', tags: ['inventory'], cypher: 'MATCH (s:TestServer) RETURN s.id AS server' },
].map((q) => ({ ...q, identityKeys: ['server'] }));

describe('runExportCommand (the settings of `skygraph export elasticsearch`)', () => {
  let store: GraphStore;
  let es: Awaited<ReturnType<typeof startFakeElasticsearch>>;
  beforeEach(async () => {
    store = await openTestStore();
    es = await startFakeElasticsearch();
    await sync({
      store,
      providers: [
        fixtureProvider({
          tenants: {
            t: {
              r: {
                servers: [
                  { id: 'a', region: 'r', public: true },
                  { id: 'b', region: 'r' },
                ],
                disks: [],
              },
            },
          },
        }),
      ],
    });
  });
  afterEach(async () => {
    await store.close();
    await es.close();
  });

  const settings = (flags: Record<string, unknown>) => resolveConfig(exportOptions, { flags, env: {} });

  it('exports the findings by default, authenticated with the API key the settings name', async () => {
    const report = await runExportCommand({
      source: store,
      catalogue,
      settings: settings({ esUrl: es.url, esApiKeyEnvVar: 'TEST_ES_KEY' }),
      env: { TEST_ES_KEY: 'c2VjcmV0' },
    });
    expect(report.queries.map((q) => q.query)).toEqual(['public_servers']);
    expect(report.indexed).toBe(1);
    expect(es.requests.find((r) => r.path.startsWith('/_bulk'))?.headers.authorization).toBe(
      'ApiKey c2VjcmV0',
    );
  });

  it('selects by tag, and a dry run needs neither credentials nor a cluster', async () => {
    const out = new PassThrough();
    const report = await runExportCommand({
      source: store,
      catalogue,
      settings: settings({ exportTags: ['inventory'], esApiKeyEnvVar: 'UNSET_KEY', dryRun: true }),
      env: {},
      stdout: out,
    });
    expect(report).toMatchObject({ template: 'dry-run', documents: 2 });
    expect(es.requests).toEqual([]);
  });

  it('names the missing variable, never a value', async () => {
    const run = runExportCommand({
      source: store,
      catalogue,
      settings: settings({ esUrl: es.url, esUsername: 'exporter', esPasswordEnvVar: 'TEST_ES_PASSWORD' }),
      env: {},
    });
    await expect(run).rejects.toThrow(ConfigError);
    await expect(run).rejects.toThrow('--es-password-env-var: the environment variable it names is not set');
  });
});
