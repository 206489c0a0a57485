import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineNode } from '../src/schema/define.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import { ensureIndexes } from '../src/sync/ensure-indexes.ts';
import { prepareRow } from '../src/sync/row-prep.ts';
import { cleanupSchema, findStale, writeBatch, writeRows } from '../src/sync/schema-writer.ts';
import { Disk, Server, Tenant } from '../src/testing/fixture-schemas.ts';
import { openTestStore } from '../src/testing/test-store.ts';

// One suite for every store: the embedded engine here, and a real Neo4j
// when SKYGRAPH_TEST_NEO4J_URI is set.
describe(`graph store (${process.env.SKYGRAPH_TEST_NEO4J_URI ? 'neo4j' : 'embedded'})`, () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
    await ensureIndexes(store, [Tenant, Disk, Server]);
    await store.write([{ cypher: 'MERGE (:TestTenant {id: $id})', params: { id: 't1' } }]);
    await store.write([{ cypher: 'MERGE (:TestTenant {id: $id})', params: { id: 't2' } }]);
  });
  afterEach(async () => {
    await store.close();
  });

  const target = (updateTag: number, scopeKey = 't1') => ({
    get store() {
      return store;
    },
    updateTag,
    scopeKey,
  });
  const rows = <T extends Record<string, unknown>>(schema: typeof Server | typeof Disk, items: T[]) =>
    items.map((item) => prepareRow(schema, item)).filter((r) => r !== null);

  const snapshot = async () =>
    store.read(
      `MATCH (t:TestTenant)-[r:RESOURCE]->(n) RETURN t.id AS tenant, n.id AS id, labels(n) AS labels, n.name AS name,
       n.firstseen AS firstseen, n.lastupdated AS lastupdated ORDER BY id`,
    );

  it('upserts idempotently: the same load twice leaves the same graph', async () => {
    const servers = rows(Server, [
      { id: 's1', region: 'r1', name: 'one', ports: [22, 443], public: true },
      { id: 's2', region: 'r1', name: 'two' },
    ]);
    await writeRows(Server, servers, target(100));
    const first = await snapshot();
    await writeRows(Server, servers, target(100));
    expect(await snapshot()).toEqual(first);
    expect(first).toHaveLength(2);
    expect(first[0]).toMatchObject({ tenant: 't1', id: 's1', name: 'one', lastupdated: 100 });
    expect(first[0]?.labels).toEqual(expect.arrayContaining(['TestServer', 'TestMachine']));
    const [count] = await store.read('MATCH (n:TestServer) RETURN count(n) AS c');
    expect(count?.c).toBe(2);
  });

  it('keeps firstseen and moves lastupdated on a later sync; removes vanished properties', async () => {
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1', name: 'one' }]), target(100));
    const [before] = await snapshot();
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1' }]), target(200));
    const [after] = await snapshot();
    expect(after?.firstseen).toBe(before?.firstseen);
    expect(typeof after?.firstseen).toBe('number');
    expect(after?.lastupdated).toBe(200);
    expect(after?.name).toBeNull();
  });

  it('an unchanged row moves lastupdated only; a new writer version or a label the schema gains is written', async () => {
    const v1 = { ...target(100), module: { name: 'skygraph:test', version: '1.0.0' } };
    await writeRows(Disk, rows(Disk, [{ id: 'd1', region: 'r1' }]), v1);
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1', name: 'one', disks: ['d1'] }]), v1);
    const state = async () =>
      (
        await store.read(
          `MATCH (t:TestTenant)-[sr:RESOURCE]->(n:TestServer {id: 's1'})-[a:ATTACHED]->(:TestDisk)
           RETURN n.name AS name, labels(n) AS labels, n.firstseen AS firstseen, n.lastupdated AS lu,
                  n._module_version AS nodeVersion, sr.lastupdated AS scopeLu, sr._module_version AS scopeVersion,
                  a.lastupdated AS attachedLu, a._module_version AS attachedVersion`,
        )
      )[0];
    const first = await state();
    // The same rows, a later run: only the times move.
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1', name: 'one', disks: ['d1'] }]), {
      ...v1,
      updateTag: 200,
    });
    expect(await state()).toEqual({ ...first, lu: 200, scopeLu: 200, attachedLu: 200 });
    // A new skygraph version restamps the node, its scope edge and its relationships.
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1', name: 'one', disks: ['d1'] }]), {
      ...v1,
      updateTag: 300,
      module: { name: 'skygraph:test', version: '1.1.0' },
    });
    expect(await state()).toMatchObject({
      nodeVersion: '1.1.0',
      scopeVersion: '1.1.0',
      attachedVersion: '1.1.0',
    });
    // A label the schema gains reaches nodes whose properties did not change.
    const Relabelled = defineNode({ ...Server, extraLabels: [...Server.extraLabels, 'TestHost'] });
    await writeRows(Relabelled, rows(Relabelled, [{ id: 's1', region: 'r1', name: 'one' }]), {
      ...v1,
      updateTag: 400,
      module: { name: 'skygraph:test', version: '1.1.0' },
    });
    const after = await state();
    expect(after?.labels).toEqual(expect.arrayContaining(['TestServer', 'TestMachine', 'TestHost']));
    expect(after).toMatchObject({ name: 'one', firstseen: first?.firstseen, lu: 400 });
  });

  it('writes sent together land independently: one that fails fails alone and leaves nothing', async () => {
    const writes = Array.from({ length: 6 }, (_, i) =>
      writeRows(Disk, rows(Disk, [{ id: `d${i}`, region: 'r1', size: i }]), target(100)),
    );
    const bad = store.write([
      { cypher: 'CREATE (:TestDisk {id: "half-written"})', params: {} },
      { cypher: 'MATCH (n:TestDisk) RETURN n.id AS id ORDER BY', params: {} },
    ]);
    const results = await Promise.allSettled([...writes, bad]);
    expect(results.map((r) => r.status)).toEqual([...Array(6).fill('fulfilled'), 'rejected']);
    expect((results[6] as PromiseRejectedResult).reason).toMatchObject({ code: 'STORE_QUERY_FAILED' });
    const ids = await store.read('MATCH (n:TestDisk) RETURN n.id AS id ORDER BY id');
    expect(ids.map((r) => r.id)).toEqual(['d0', 'd1', 'd2', 'd3', 'd4', 'd5']);
  });

  it('writes relationships to targets matched by key, with properties', async () => {
    await writeRows(Disk, rows(Disk, [{ id: 'd1', region: 'r1', size: 8 }]), target(100));
    await writeRows(
      Server,
      rows(Server, [
        { id: 's1', region: 'r1', disks: ['d1', 'missing-disk'] },
        { id: 's2', region: 'r1', peers: [{ key: 's1', props: { latency: 7 } }] },
      ]),
      target(100),
    );
    const attached = await store.read(
      'MATCH (s:TestServer)-[r:ATTACHED]->(d:TestDisk) RETURN s.id AS s, d.id AS d, r.lastupdated AS lu',
    );
    expect(attached).toEqual([{ s: 's1', d: 'd1', lu: 100 }]);
    const peers = await store.read(
      'MATCH (a:TestServer)-[r:PEERS_WITH]->(b:TestServer) RETURN a.id AS a, b.id AS b, r.latency AS latency',
    );
    expect(peers).toEqual([{ a: 's2', b: 's1', latency: 7 }]);
  });

  it('round-trips values that look like Cypher unchanged', async () => {
    const nasty = [
      `it's "quoted"`,
      'back`tick`} RETURN 1 //',
      '"}) MATCH (n) DETACH DELETE n //',
      "x' OR 1=1 OR a.name='",
      '$updateTag {id: row.key}',
      'ünïcødé ✓ \n newline \\ backslash',
    ];
    await writeRows(
      Server,
      rows(
        Server,
        nasty.map((name, i) => ({ id: `${name}#${i}`, region: 'r1', name, tags: [name] })),
      ),
      target(100),
    );
    const back = await store.read(
      'MATCH (n:TestServer) RETURN n.id AS id, n.name AS name, n.tags AS tags ORDER BY n.id',
    );
    expect(back.map((r) => r.name).sort()).toEqual([...nasty].sort());
    for (const row of back) expect(row.tags).toEqual([row.name]);
    const [tenants] = await store.read('MATCH (t:TestTenant) RETURN count(t) AS c');
    expect(tenants?.c).toBe(2);
  });

  it('returns plain JS values: integers as numbers, temporal values as ISO strings, nodes as objects', async () => {
    const [row] = await store.read(
      'RETURN 42 AS int, 9007199254740993 AS big, 1.5 AS float, date("2026-01-02") AS d, datetime("2026-01-02T03:04:05Z") AS dt, [1, 2] AS list, {a: 1} AS map, true AS b',
    );
    expect(row?.int).toBe(42);
    expect(row?.big).toBe('9007199254740993');
    expect(row?.float).toBe(1.5);
    expect(row?.d).toBe('2026-01-02');
    expect(String(row?.dt)).toMatch(/^2026-01-02T03:04:05(\.0+)?Z$/);
    expect(row?.list).toEqual([1, 2]);
    expect(row?.map).toEqual({ a: 1 });
    expect(row?.b).toBe(true);
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1', name: 'one' }]), target(100));
    const [node] = await store.read('MATCH (n:TestServer) RETURN n');
    expect(node?.n).toMatchObject({ id: 's1', name: 'one', lastupdated: 100 });
    expect((node?.n as { _labels: string[] } | undefined)?._labels).toEqual(
      expect.arrayContaining(['TestServer', 'TestMachine']),
    );
  });

  it('cleans up exactly the stale nodes of exactly one scope and region', async () => {
    await writeRows(
      Disk,
      rows(Disk, [
        { id: 'd-keep', region: 'r1' },
        { id: 'd-stale', region: 'r1' },
      ]),
      target(100),
    );
    await writeRows(
      Server,
      rows(Server, [
        { id: 's-r1-stale', region: 'r1', disks: ['d-keep'] },
        { id: 's-r2-stale', region: 'r2' },
      ]),
      target(100),
    );
    await writeRows(Server, rows(Server, [{ id: 's-other-tenant', region: 'r1' }]), target(100, 't2'));
    // The next sync of t1/r1 sees only d-keep and a new server.
    await writeRows(Disk, rows(Disk, [{ id: 'd-keep', region: 'r1' }]), target(200));
    await writeRows(Server, rows(Server, [{ id: 's-new', region: 'r1', disks: ['d-keep'] }]), target(200));
    let deleted = 0;
    for (const schema of [Disk, Server]) {
      deleted += await cleanupSchema(schema, { ...target(200), filters: { region: 'r1' }, batchSize: 2 });
    }
    const left = (
      await store.read('MATCH (n) WHERE n:TestServer OR n:TestDisk RETURN n.id AS id ORDER BY id')
    ).map((r) => r.id);
    expect(left).toEqual(['d-keep', 's-new', 's-other-tenant', 's-r2-stale']);
    expect(deleted).toBeGreaterThanOrEqual(2);
    const attached = await store.read('MATCH (s:TestServer)-[:ATTACHED]->(d) RETURN s.id AS s, d.id AS d');
    expect(attached).toEqual([{ s: 's-new', d: 'd-keep' }]);
  });

  it('writes several schemas in one batch, in order, with counts per schema', async () => {
    const counts = await writeBatch(
      [
        { schema: Disk, rows: rows(Disk, [{ id: 'd1', region: 'r1' }]) },
        { schema: Server, rows: rows(Server, [{ id: 's1', region: 'r1', disks: ['d1'] }]) },
        { schema: Disk, rows: [] },
      ],
      target(100),
    );
    expect(counts.map((c) => [c.nodes, c.relationships])).toEqual([
      [1, 0],
      [1, 1],
      [0, 0],
    ]);
    const attached = await store.read('MATCH (s:TestServer)-[:ATTACHED]->(d) RETURN s.id AS s, d.id AS d');
    expect(attached).toEqual([{ s: 's1', d: 'd1' }]);
  });

  it('finds what is stale in one read, and cleanup deletes exactly that', async () => {
    const cleanup = { filters: { region: 'r1' }, batchSize: 100 };
    await writeRows(
      Disk,
      rows(Disk, [
        { id: 'd1', region: 'r1' },
        { id: 'd2', region: 'r1' },
      ]),
      target(100),
    );
    await writeRows(
      Server,
      rows(Server, [
        { id: 's1', region: 'r1', disks: ['d1', 'd2'] },
        { id: 's2', region: 'r1' },
        { id: 's-r2', region: 'r2' },
      ]),
      target(100),
    );
    // Nothing stale right after a sync: cleanup has nothing to run.
    expect((await findStale([Disk, Server], { ...target(100), ...cleanup })).size).toBe(0);

    // The next sync sees both disks, s1 with only d1, and no s2; r2 is another scope.
    await writeRows(
      Disk,
      rows(Disk, [
        { id: 'd1', region: 'r1' },
        { id: 'd2', region: 'r1' },
      ]),
      target(200),
    );
    await writeRows(Server, rows(Server, [{ id: 's1', region: 'r1', disks: ['d1'] }]), target(200));
    const stale = await findStale([Disk, Server], { ...target(200), ...cleanup });
    expect([...stale.keys()].sort()).toEqual(['TestMachine', 'TestServer']);
    expect(stale.get('TestServer')).toMatchObject({ nodes: 1, scopeEdges: 1 });
    expect([...(stale.get('TestServer')?.out ?? [])]).toEqual(['ATTACHED']);

    let deleted = 0;
    for (const schema of [Disk, Server])
      deleted += await cleanupSchema(schema, { ...target(200), ...cleanup }, undefined, stale);
    const servers = await store.read('MATCH (n:TestServer) RETURN n.id AS id ORDER BY id');
    expect(servers.map((r) => r.id)).toEqual(['s-r2', 's1']);
    const attached = await store.read('MATCH (s:TestServer)-[:ATTACHED]->(d) RETURN s.id AS s, d.id AS d');
    expect(attached).toEqual([{ s: 's1', d: 'd1' }]);
    expect(deleted).toBe(2);
    expect((await findStale([Disk, Server], { ...target(200), ...cleanup })).size).toBe(0);
  });

  it('keeps a stale node another scope owner still holds, dropping only this scope edge', async () => {
    await writeRows(Disk, rows(Disk, [{ id: 'shared', region: 'r1' }]), target(100, 't1'));
    await writeRows(Disk, rows(Disk, [{ id: 'shared', region: 'r1' }]), target(100, 't2'));
    // t1's next sync no longer sees it; t2 (not synced this time) still owns it.
    await cleanupSchema(Disk, { ...target(200, 't1'), filters: { region: 'r1' }, batchSize: 10 });
    const owners = await store.read(
      'MATCH (t:TestTenant)-[:RESOURCE]->(d:TestDisk {id: "shared"}) RETURN t.id AS t',
    );
    expect(owners).toEqual([{ t: 't2' }]);
  });

  it('deletes a large stale set in bounded batches (no transaction over the batch size)', async () => {
    const many = Array.from({ length: 12_000 }, (_, i) => ({ id: `d${i}`, region: 'r1' }));
    for (let i = 0; i < many.length; i += 2000)
      await writeRows(Disk, rows(Disk, many.slice(i, i + 2000)), target(100));
    const sizes: number[] = [];
    const counting: GraphStore = {
      kind: store.kind,
      location: store.location,
      read: (c, p) => store.read(c, p),
      write: async (statements) => {
        const results = await store.write(statements);
        for (const r of results) sizes.push(Number(r[0]?.deleted ?? 0));
        return results;
      },
      close: () => store.close(),
    };
    const deleted = await cleanupSchema(Disk, {
      store: counting,
      updateTag: 200,
      scopeKey: 't1',
      filters: { region: 'r1' },
      batchSize: 5000,
    });
    expect(deleted).toBe(12_000);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5000);
    expect(sizes.filter((s) => s > 0).length).toBeGreaterThanOrEqual(3);
    const [count] = await store.read('MATCH (n:TestDisk) RETURN count(n) AS c');
    expect(count?.c).toBe(0);
  });
});
