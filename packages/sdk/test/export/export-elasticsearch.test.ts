import { PassThrough } from 'node:stream';
import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineQuery } from '../../src/catalogue/index.ts';
import { type ExportQuery, elasticsearchAuthFromEnv, exportToElasticsearch } from '../../src/export/index.ts';
import { startFakeElasticsearch } from './fake-elasticsearch.ts';

const queries: ExportQuery[] = [
  {
    name: 'public-servers',
    id: 'q-001',
    description: 'Servers open to the internet',
    severity: 'high',
    tags: ['exposure'],
    columns: ['tenant', 's.id', 'public', 'ports', 'lastupdated'],
    cypher:
      'MATCH (t:TestTenant)-[:RESOURCE]->(s:TestServer) WHERE s.public = true RETURN t.id AS tenant, s.id, s.public AS public, s.ports AS ports, s.lastupdated AS lastupdated ORDER BY s.id',
  },
  {
    name: 'tenants',
    tags: ['inventory'],
    cypher:
      'MATCH (t:TestTenant) RETURN t.id AS `_id`, t.name AS `metadata`, {`a.b`: 1, `_c`: true} AS extra ORDER BY t.id',
  },
];

const now = new Date('2026-06-02T04:05:06.000Z');

async function seed(store: GraphStore) {
  await store.write([
    {
      cypher: `UNWIND $tenants AS t MERGE (n:TestTenant {id: t.id}) SET n.name = t.name
WITH n, t UNWIND t.servers AS s MERGE (m:TestServer {id: s.id}) SET m.public = s.public, m.ports = s.ports, m.lastupdated = 1780000000
MERGE (n)-[:RESOURCE]->(m)`,
      params: {
        tenants: [
          {
            id: 'acme',
            name: 'Acme',
            servers: [
              { id: 'srv-1', public: true, ports: [22, 443] },
              { id: 'srv-2', public: false, ports: [443] },
            ],
          },
          { id: 'globex', name: 'Globex', servers: [{ id: 'gx-1', public: true, ports: [3389] }] },
        ],
      },
    },
  ]);
}

describe('exportToElasticsearch', () => {
  let store: GraphStore;
  let es: Awaited<ReturnType<typeof startFakeElasticsearch>>;
  beforeEach(async () => {
    store = await openTestStore();
    await seed(store);
    es = await startFakeElasticsearch();
  });
  afterEach(async () => {
    await store.close();
    await es.close();
  });

  it('installs the index template once and bulk-indexes every row into the daily index, enriched', async () => {
    const report = await exportToElasticsearch({
      source: store,
      queries,
      node: es.url,
      auth: elasticsearchAuthFromEnv({ apiKeyEnvVar: 'TEST_ES_KEY' }, { TEST_ES_KEY: 'a2V5OnNlY3JldA==' }),
      indexPrefix: 'skygraph-findings',
      now,
      runId: 'run-1',
    });
    expect(report).toMatchObject({
      index: 'skygraph-findings-2026.06.02',
      template: 'installed',
      documents: 4,
      indexed: 4,
      failed: 0,
      status: 'ok',
      queries: [
        { query: 'public-servers', rows: 2 },
        { query: 'tenants', rows: 2 },
      ],
    });
    expect(es.malformed).toEqual([]);

    const template = es.templates.get('skygraph-findings') as {
      index_patterns: string[];
      template: { mappings: { properties: Record<string, unknown>; dynamic_templates: unknown[] } };
    };
    expect(template.index_patterns).toEqual(['skygraph-findings-*']);
    expect(template.template.mappings.properties['@timestamp']).toEqual({ type: 'date' });
    expect(JSON.stringify(template.template.mappings.dynamic_templates)).toContain('"type":"keyword"');

    const docs = [...(es.indices.get('skygraph-findings-2026.06.02')?.values() ?? [])];
    const server = docs.find((d) => d.s_id === 'srv-1');
    expect(server).toEqual({
      '@timestamp': '2026-06-02T04:05:06.000Z',
      metadata: {
        query_name: 'public-servers',
        query_id: 'q-001',
        query_description: 'Servers open to the internet',
        query_headers: ['tenant', 's.id', 'public', 'ports', 'lastupdated'],
        query_severity: 'high',
        query_tags: ['exposure'],
        run_id: 'run-1',
      },
      tenant: 'acme',
      s_id: 'srv-1',
      public: true,
      ports: [22, 443],
      lastupdated: 1780000000,
    });
    // Field names: no dots, no leading underscores, and never over the metadata.
    const tenant = docs.find((d) => d.id === 'acme');
    expect(tenant).toMatchObject({ id: 'acme', result_metadata: 'Acme', extra: { a_b: 1, c: true } });
    expect(tenant?.metadata).toMatchObject({ query_name: 'tenants' });

    const bulk = es.requests.filter((r) => r.path.startsWith('/_bulk'));
    expect(bulk.length).toBeGreaterThan(0);
    expect(bulk[0]?.headers['content-type']).toMatch(/x-ndjson/);
    expect(bulk[0]?.headers.authorization).toBe('ApiKey a2V5OnNlY3JldA==');

    // The same export again the same day: the template is left alone and documents are replaced, not duplicated.
    const puts = es.requests.filter((r) => r.method === 'PUT').length;
    const again = await exportToElasticsearch({
      source: store,
      queries,
      node: es.url,
      indexPrefix: 'skygraph-findings',
      now,
    });
    expect(again.template).toBe('unchanged');
    expect(es.requests.filter((r) => r.method === 'PUT').length).toBe(puts);
    expect(es.indices.get('skygraph-findings-2026.06.02')?.size).toBe(4);
  });

  it('makes no request at all in a dry run, and prints the template and the bulk body', async () => {
    const out = new PassThrough();
    let printed = '';
    out.on('data', (chunk: Buffer) => {
      printed += chunk.toString();
    });
    const report = await exportToElasticsearch({
      source: store,
      queries,
      node: es.url,
      dryRun: true,
      out,
      now,
    });
    expect(es.requests).toEqual([]);
    expect(report).toMatchObject({ template: 'dry-run', documents: 4, indexed: 0, status: 'ok' });
    const lines = printed.split('\n');
    expect(lines).toContain('PUT /_index_template/skygraph');
    expect(lines).toContain('POST /_bulk');
    const actions = lines
      .filter((l) => l.startsWith('{"index":'))
      .map((l) => JSON.parse(l) as { index: { _index: string } });
    expect(actions).toHaveLength(4);
    expect(actions.every((a) => a.index._index === 'skygraph-2026.06.02')).toBe(true);
  });

  it('also works without a cluster URL in a dry run, and insists on one otherwise', async () => {
    await expect(
      exportToElasticsearch({ source: store, queries, dryRun: true, out: new PassThrough() }),
    ).resolves.toMatchObject({
      documents: 4,
    });
    await expect(exportToElasticsearch({ source: store, queries })).rejects.toThrow(/--es-url/);
  });

  it('reports documents Elasticsearch refuses, and a query that fails, without stopping the rest', async () => {
    es.refuse((doc) =>
      doc.s_id === 'gx-1'
        ? { status: 400, type: 'mapper_parsing_exception', reason: 'failed to parse field [ports]' }
        : undefined,
    );
    const report = await exportToElasticsearch({
      source: store,
      queries: [...queries, { name: 'broken', cypher: 'THIS IS NOT CYPHER' }],
      node: es.url,
      auth: { username: 'exporter', password: 'pw' },
      now,
    });
    expect(report.status).toBe('failed');
    expect(report.indexed).toBe(3);
    expect(report.failed).toBe(1);
    expect(report.errors).toContain(
      'document refused (HTTP 400): mapper_parsing_exception: failed to parse field [ports]',
    );
    expect(report.errors.some((e) => e.startsWith('query "broken" failed'))).toBe(true);
    expect(es.requests.find((r) => r.path.startsWith('/_bulk'))?.headers.authorization).toBe(
      `Basic ${Buffer.from('exporter:pw').toString('base64')}`,
    );
  });

  it('fails with a clear message when the cluster cannot be reached, naming no credentials', async () => {
    await es.close();
    const error = await exportToElasticsearch({
      source: store,
      queries,
      node: es.url.replace('http://', 'http://user:hunter2@'),
      maxRetries: 0,
      now,
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toMatch(/^Elasticsearch at http:\/\/127\.0\.0\.1:\d+: /);
    expect((error as Error).message).not.toContain('hunter2');
  });

  it('exports catalogue queries with their declared columns, constants and parameter defaults', async () => {
    const openPorts = defineQuery({
      name: 'servers_with_port',
      provider: 'fixture',
      group: 'compute',
      tags: ['security'],
      description: 'Public servers listening on a port',
      severity: 'medium',
      parameters: [{ name: 'port', type: 'number', description: 'the port', default: 22 }],
      cypher:
        'MATCH (s:TestServer) WHERE s.public = true AND $port IN s.ports RETURN s.id AS server, s.ports AS ports ORDER BY server',
      columns: { server: 'string', ports: 'number[]?' },
      identity: ['server'],
    });
    const report = await exportToElasticsearch({ source: store, queries: [openPorts], node: es.url, now });
    expect(report).toMatchObject({ documents: 1, indexed: 1, status: 'ok' });
    const [doc] = [...(es.indices.get('skygraph-2026.06.02')?.values() ?? [])];
    expect(doc).toMatchObject({
      server: 'srv-1',
      metadata: {
        query_name: 'servers_with_port',
        query_headers: ['server', 'ports'],
        query_severity: 'medium',
      },
    });
    // A parameter the query declares overrides its default; others are left out.
    const rdp = await exportToElasticsearch({
      source: store,
      queries: [openPorts],
      params: { port: 3389, unrelated: true },
      node: es.url,
      now: new Date('2026-06-03T00:00:00Z'),
    });
    expect(rdp.documents).toBe(1);
    expect([...(es.indices.get('skygraph-2026.06.03')?.values() ?? [])].map((d) => d.server)).toEqual([
      'gx-1',
    ]);
  });
});
