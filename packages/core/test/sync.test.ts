import { spawnSync } from 'node:child_process';
import { hostname } from 'node:os';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreMemoryError } from '../src/errors/skygraph-error.ts';
import type { GraphStore } from '../src/store/graph-store.ts';
import type { SyncEvent } from '../src/sync/events.ts';
import { acquireLease, beginRun, endRun } from '../src/sync/lease.ts';
import { sync } from '../src/sync/run-sync.ts';
import { type FixtureEstate, fixtureProvider } from '../src/testing/fixture-provider.ts';
import { openTestStore, testStoreKind } from '../src/testing/test-store.ts';

function estate(): FixtureEstate {
  const region = (tenant: string, name: string, n: number) => ({
    servers: Array.from({ length: n }, (_, i) => ({
      id: `${tenant}-${name}-s${i}`,
      region: name,
      name: `server ${i}`,
      public: i === 0,
      ports: i === 0 ? [22] : [443],
      disks: [`${tenant}-${name}-d${i}`],
    })),
    disks: Array.from({ length: n }, (_, i) => ({ id: `${tenant}-${name}-d${i}`, region: name, size: 10 })),
  });
  return {
    pageSize: 3,
    tenants: {
      alpha: { east: region('alpha', 'east', 5), west: region('alpha', 'west', 4) },
      beta: { east: region('beta', 'east', 2) },
    },
  };
}

const fast = { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 5 };

describe('sync', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  const ids = async (label: string) =>
    (await store.read(`MATCH (n:${label}) RETURN n.id AS id ORDER BY id`)).map((r) => r.id as string);

  it('loads every scope, links resources to their owner, runs analysis and records the run', async () => {
    const events: SyncEvent[] = [];
    const result = await sync({
      store,
      providers: [fixtureProvider(estate())],
      updateTag: 100,
      retry: fast,
      onEvent: (e) => events.push(e),
    });
    expect(result.status).toBe('success');
    expect(result.scopes).toHaveLength(3);
    expect(result.counts.nodes).toBe(22);
    expect(await ids('TestServer')).toHaveLength(11);
    const owned = await store.read(
      'MATCH (t:TestTenant {id: "beta"})-[:RESOURCE]->(s:TestServer) RETURN count(s) AS c',
    );
    expect(owned[0]?.c).toBe(2);
    const attached = await store.read('MATCH (:TestServer)-[r:ATTACHED]->(:TestDisk) RETURN count(r) AS c');
    expect(attached[0]?.c).toBe(11);
    const exposed = await store.read(
      'MATCH (s:TestServer {exposed_internet: true}) RETURN s.id AS id ORDER BY id',
    );
    expect(exposed.map((r) => r.id)).toEqual(['alpha-east-s0', 'alpha-west-s0', 'beta-east-s0']);
    const [record] = await store.read(
      'MATCH (m:SyncMetadata {groupid: $runId}) RETURN m.status AS status, m.nodes_written AS nodes',
      {
        runId: result.runId,
      },
    );
    expect(record).toEqual({ status: 'success', nodes: 22 });
    const modules = await store.read(
      'MATCH (m:SyncMetadata {grouptype: "TestTenant", syncedtype: "servers"}) RETURN m.lastupdated AS lu',
    );
    expect(modules.map((m) => m.lu)).toEqual([100, 100, 100]);
    expect(events.filter((e) => e.type === 'scope:end')).toHaveLength(3);
    expect(events.at(-1)?.type).toBe('run:end');
  });

  it('a second sync leaves exactly the new estate', async () => {
    const first = estate();
    await sync({ store, providers: [fixtureProvider(first)], updateTag: 100, retry: fast });
    const second = estate();
    const east = second.tenants.alpha?.east;
    if (!east) throw new Error('fixture');
    east.servers = east.servers.filter((s) => s.id !== 'alpha-east-s4');
    east.servers.push({
      id: 'alpha-east-new',
      region: 'east',
      name: 'new',
      public: false,
      ports: [],
      disks: ['alpha-east-d0'],
    });
    const changed = east.servers.find((s) => s.id === 'alpha-east-s1');
    if (changed) changed.name = 'renamed';
    const result = await sync({ store, providers: [fixtureProvider(second)], updateTag: 200, retry: fast });
    expect(result.status).toBe('success');
    expect(result.counts.deleted).toBeGreaterThan(0);
    const servers = await ids('TestServer');
    expect(servers).toContain('alpha-east-new');
    expect(servers).not.toContain('alpha-east-s4');
    expect(servers).toHaveLength(11);
    const [renamed] = await store.read('MATCH (s:TestServer {id: "alpha-east-s1"}) RETURN s.name AS name');
    expect(renamed?.name).toBe('renamed');
    const stale = await store.read(
      'MATCH (n) WHERE (n:TestServer OR n:TestDisk) AND n.lastupdated <> 200 RETURN count(n) AS c',
    );
    expect(stale[0]?.c).toBe(0);
  });

  it('two runs within one second of the clock still clean up what the second no longer finds', async () => {
    const second = Date.parse('2026-01-01T00:00:00.400Z');
    const clock = vi.spyOn(Date, 'now').mockReturnValue(second);
    try {
      const first = await sync({ store, providers: [fixtureProvider(estate())], retry: fast });
      const smaller = estate();
      const east = smaller.tenants.alpha?.east;
      if (!east) throw new Error('fixture');
      east.servers = east.servers.filter((s) => s.id !== 'alpha-east-s4');
      const next = await sync({ store, providers: [fixtureProvider(smaller)], retry: fast });
      expect(next.updateTag).toBeGreaterThan(first.updateTag);
      expect(next.counts.deleted).toBeGreaterThan(0);
      expect(await ids('TestServer')).not.toContain('alpha-east-s4');
      // The clock stepping back must not reuse an older tag either.
      clock.mockReturnValue(second - 60_000);
      const third = await sync({ store, providers: [fixtureProvider(estate())], retry: fast });
      expect(third.updateTag).toBeGreaterThan(next.updateTag);
    } finally {
      clock.mockRestore();
    }
  });

  it('a scope that fails keeps its previous data and is reported; the others are cleaned', async () => {
    await sync({ store, providers: [fixtureProvider(estate())], updateTag: 100, retry: fast });
    const second = estate();
    for (const region of Object.values(second.tenants))
      for (const r of Object.values(region)) r.servers.pop();
    second.pageSize = 2;
    second.failures = { 'alpha/west': { kind: 'denied', afterPages: 1 } };
    const result = await sync({ store, providers: [fixtureProvider(second)], updateTag: 200, retry: fast });
    expect(result.status).toBe('partial');
    const failed = result.scopes.find((s) => s.id === 'fixture/alpha/west');
    expect(failed?.status).toBe('failed');
    expect(failed?.cleanedUp).toBe(false);
    expect(failed?.error).toMatch(/access denied in fixture\/alpha\/west/);
    expect(result.errors).toEqual([
      expect.objectContaining({ scope: 'fixture/alpha/west', code: 'ACCESS_DENIED' }),
    ]);
    // The failed scope keeps all four servers (one was gone from the API, but nothing is deleted there).
    expect((await ids('TestServer')).filter((id) => id.startsWith('alpha-west'))).toHaveLength(4);
    // The other scopes lost their vanished server.
    expect(await ids('TestServer')).not.toContain('alpha-east-s4');
    // Access denied is not retried.
    expect(failed?.retries).toBe(0);
  });

  it('retries throttling with backoff and absorbs it', async () => {
    const throttled = estate();
    throttled.failures = { 'alpha/east': { kind: 'throttled', times: 2 } };
    const result = await sync({
      store,
      providers: [fixtureProvider(throttled)],
      updateTag: 100,
      retry: fast,
    });
    expect(result.status).toBe('success');
    expect(result.counts.retries).toBe(2);
    expect(await ids('TestServer')).toHaveLength(11);
  });

  it('fail-fast stops at the first failure and cleans nothing after it', async () => {
    const failing = estate();
    failing.failures = { 'alpha/east': { kind: 'denied' } };
    const result = await sync({
      store,
      providers: [fixtureProvider(failing)],
      updateTag: 100,
      retry: fast,
      failFast: true,
      concurrency: 1,
    });
    expect(result.status).not.toBe('success');
    expect(result.scopes.filter((s) => s.status === 'success')).toHaveLength(0);
  });

  it('cancellation lets in-flight batches finish, runs no cleanup and records the run as cancelled', async () => {
    await sync({ store, providers: [fixtureProvider(estate())], updateTag: 100, retry: fast });
    const controller = new AbortController();
    const second = estate();
    for (const region of Object.values(second.tenants))
      for (const r of Object.values(region)) r.servers.pop();
    second.onPage = (_scope, page) => {
      if (page === 1) controller.abort();
    };
    const result = await sync({
      store,
      providers: [fixtureProvider(second)],
      updateTag: 200,
      retry: fast,
      signal: controller.signal,
      concurrency: 1,
    });
    expect(result.status).toBe('cancelled');
    expect(result.counts.deleted).toBe(0);
    expect(await ids('TestServer')).toHaveLength(11);
    const [record] = await store.read('MATCH (m:SyncMetadata {groupid: $id}) RETURN m.status AS s', {
      id: result.runId,
    });
    expect(record?.s).toBe('cancelled');
  });

  it('cancellation during analysis stops it between statements and records the run as cancelled', async () => {
    const controller = new AbortController();
    const provider = {
      ...fixtureProvider(estate()),
      analysis: [
        {
          name: 'mark',
          description: 'marks every server, in two statements',
          statements: [
            'MATCH (s:TestServer) SET s.marked_one = $updateTag',
            'MATCH (s:TestServer) SET s.marked_two = $updateTag',
          ],
        },
      ],
    };
    const result = await sync({
      store,
      providers: [provider],
      updateTag: 100,
      retry: fast,
      signal: controller.signal,
      // The stop arrives as the analysis starts (after every scope finished).
      onEvent: (event) => {
        if (event.type === 'analysis') controller.abort();
      },
    });
    expect(result.status).toBe('cancelled');
    expect(await store.read('MATCH (s:TestServer) WHERE s.marked_one IS NOT NULL RETURN s.id')).toEqual([]);
  });

  it('splits a batch the store rejects for transaction memory instead of failing the scope', async () => {
    let splits = 0;
    const limited: GraphStore = {
      kind: store.kind,
      location: store.location,
      read: (c, p) => store.read(c, p),
      write: async (statements) => {
        const rows = statements[0]?.params.rows;
        if (Array.isArray(rows) && rows.length > 2) {
          splits += 1;
          throw new StoreMemoryError('MemoryPoolOutOfMemoryError: transaction memory limit reached');
        }
        return store.write(statements);
      },
      close: () => store.close(),
    };
    const result = await sync({
      store: limited,
      providers: [fixtureProvider(estate())],
      updateTag: 100,
      retry: fast,
      batchSize: 50,
    });
    expect(result.status).toBe('success');
    expect(splits).toBeGreaterThan(0);
    expect(await ids('TestServer')).toHaveLength(11);
  });

  it('refuses a scope a live run holds a lease on, and syncs disjoint scopes', async () => {
    // A run of this process that is still going (its lease is alive on both stores).
    beginRun('live-run');
    try {
      await acquireLease(store, 'fixture/alpha/east', 'live-run', { ttlMs: 60_000, waitMs: 0 });
      const result = await sync({
        store,
        providers: [fixtureProvider(estate())],
        updateTag: 100,
        retry: fast,
      });
      expect(result.status).toBe('partial');
      const held = result.scopes.find((s) => s.id === 'fixture/alpha/east');
      expect(held?.status).toBe('skipped');
      expect(held?.error).toMatch(/being synced by another run \(live-run/);
      expect(result.scopes.filter((s) => s.status === 'success')).toHaveLength(2);
    } finally {
      endRun('live-run');
    }
    // Once that run has ended without releasing it (a bug, an exception), the next run takes over.
    const again = await sync({ store, providers: [fixtureProvider(estate())], updateTag: 101, retry: fast });
    expect(again.status).toBe('success');
    const leases = await store.read('MATCH (l:SkygraphLease) RETURN count(l) AS c');
    expect(leases[0]?.c).toBe(0);
  });

  it('takes over at once the lease of a crashed run, when its death is provable', async () => {
    // A process of this host that has exited: the pid of a child that ran and ended.
    const child = spawnSync(process.execPath, ['-e', 'process.exit(0)']);
    const deadPid = child.pid as number;
    const now = Date.now();
    const lease = (scope: string, runId: string, host: string, pid: number) => ({
      cypher:
        'CREATE (:SkygraphLease {scope: $scope, runId: $runId, host: $host, pid: $pid, acquiredAt: $now, expiresAt: $exp})',
      params: { scope, runId, host, pid, now, exp: now + 6 * 3600_000 },
    });
    await store.write([
      lease('fixture/alpha/east', 'killed-here', hostname(), deadPid),
      lease('fixture/alpha/west', 'killed-elsewhere', 'another-host', 4242),
    ]);
    const result = await sync({ store, providers: [fixtureProvider(estate())], updateTag: 100, retry: fast });
    const status = (id: string) => result.scopes.find((s) => s.id === id)?.status;
    // Same host, pid gone: taken over on both stores.
    expect(status('fixture/alpha/east')).toBe('success');
    if (testStoreKind() === 'embedded') {
      // Only one process can open the embedded store's file: any other holder is gone.
      expect(result.status).toBe('success');
    } else {
      // Another host, a Neo4j shared by many: the lease may be alive; it lapses unless renewed.
      expect(status('fixture/alpha/west')).toBe('skipped');
      expect(result.errors.map((e) => e.message).join()).toMatch(/lapses at/);
    }
  });

  it('renews the leases it holds, so a run that outlives the TTL keeps its scopes', async () => {
    const seen: number[] = [];
    // One scope throttled 8 times, 400 ms apart: over 3 s under one lease with a 1.5 s TTL.
    const slow = estate();
    slow.failures = { 'alpha/east': { kind: 'throttled', times: 8 } };
    const expiries = setInterval(() => {
      store
        .read('MATCH (l:SkygraphLease {scope: "fixture/alpha/east"}) RETURN l.expiresAt AS e')
        .then((rows) => seen.push(Number(rows[0]?.e)))
        .catch(() => undefined);
    }, 200);
    try {
      const result = await sync({
        store,
        providers: [fixtureProvider(slow)],
        updateTag: 100,
        retry: { retries: 10, minTimeoutMs: 400, maxTimeoutMs: 400 },
        lease: { ttlMs: 1500 },
      });
      expect(result.status).toBe('success');
    } finally {
      clearInterval(expiries);
    }
    const moved = new Set(seen.filter((e) => Number.isFinite(e) && e > 0));
    expect(moved.size).toBeGreaterThan(1);
  });
});
