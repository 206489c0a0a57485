import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/store/graph-store.ts';
import { readChanges } from '../src/sync/change-log.ts';
import { sync } from '../src/sync/run-sync.ts';
import { type FixtureEstate, fixtureProvider } from '../src/testing/fixture-provider.ts';
import { openTestStore } from '../src/testing/test-store.ts';

const fast = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 };

function estate(): FixtureEstate {
  return {
    tenants: {
      acme: {
        east: {
          servers: [
            { id: 's1', region: 'east', name: 'web', public: false, ports: [443], disks: ['d1'] },
            { id: 's2', region: 'east', name: 'db', public: false, ports: [5432], disks: ['d2'] },
          ],
          disks: [
            { id: 'd1', region: 'east', size: 10 },
            { id: 'd2', region: 'east', size: 20 },
          ],
        },
      },
    },
  };
}

describe('change log', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('records a summary for a first sync, then exactly what the next sync added, changed and removed', async () => {
    const first = await sync({ store, providers: [fixtureProvider(estate())], updateTag: 100, retry: fast });
    const initial = await readChanges(store, { runId: first.runId });
    expect(initial).toEqual([expect.objectContaining({ kind: 'initial', entity: 'scope', key: 'acme' })]);

    const next = estate();
    const east = next.tenants.acme?.east;
    if (!east) throw new Error('fixture');
    // s1 opens port 22 to the world and loses its name, s2 vanishes, s3 appears attached to d1.
    east.servers = [
      { id: 's1', region: 'east', public: true, ports: [22, 443], disks: ['d1'] },
      { id: 's3', region: 'east', name: 'new', public: false, ports: [], disks: ['d1'] },
    ];
    const second = await sync({ store, providers: [fixtureProvider(next)], updateTag: 200, retry: fast });
    expect(second.status).toBe('success');
    const changes = await readChanges(store, { runId: second.runId });
    const summary = changes
      .map(
        (c) => `${c.kind} ${c.entity} ${c.label} ${c.key}${c.relType ? ` -${c.relType}-> ${c.target}` : ''}`,
      )
      .sort();
    expect(summary).toEqual([
      'added node TestServer s3',
      'added relationship TestServer s3 -ATTACHED-> d1',
      'changed node TestServer s1',
      'removed node TestServer s2',
    ]);
    const changed = changes.find((c) => c.kind === 'changed');
    expect(changed?.properties).toEqual({
      name: ['web', null],
      public: [false, true],
      ports: [[443], [22, 443]],
    });
    expect(changed?.account ?? changed?.scope).toBeTruthy();
    expect(second.scopes[0]?.changes).toBe(4);

    const byOwner = await readChanges(store, { owner: 'acme', label: 'TestServer', kinds: ['removed'] });
    expect(byOwner.map((c) => c.key)).toEqual(['s2']);
    expect(await readChanges(store, { owner: 'x" OR 1=1 OR x.owner="' })).toEqual([]);
  });

  it('an unchanged re-sync records nothing', async () => {
    await sync({ store, providers: [fixtureProvider(estate())], updateTag: 100, retry: fast });
    const again = await sync({ store, providers: [fixtureProvider(estate())], updateTag: 200, retry: fast });
    expect(await readChanges(store, { runId: again.runId })).toEqual([]);
  });

  it('prunes entries past the retention and can be turned off', async () => {
    await sync({ store, providers: [fixtureProvider(estate())], updateTag: 100, retry: fast });
    await store.write([{ cypher: 'MATCH (x:SkygraphChange) SET x.at = 0', params: {} }]);
    const off = await sync({
      store,
      providers: [fixtureProvider(estate())],
      updateTag: 200,
      retry: fast,
      changeLog: false,
    });
    expect(off.scopes[0]?.changes).toBe(0);
    await sync({
      store,
      providers: [fixtureProvider(estate())],
      updateTag: 300,
      retry: fast,
      changeRetentionDays: 1,
    });
    expect(await readChanges(store, { since: 0, kinds: ['initial'] })).toEqual([]);
  });
});
