import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AlertState,
  createFileSnapshotStore,
  createGraphSnapshotStore,
  emptyAlertState,
  type Snapshot,
  type SnapshotStore,
} from '../../src/drift/index.ts';

function snapshot(
  query: string,
  runId: string,
  takenAt: string,
  rows: Snapshot['rows'],
  namespace = 'default',
): Snapshot {
  return {
    id: `${namespace}/${query}/${takenAt}/${runId}`,
    namespace,
    query,
    runId,
    takenAt,
    identityKeys: ['account', 'bucket'],
    columns: ['account', 'bucket', 'acl'],
    rows,
    truncated: false,
  };
}

const kinds: [string, () => Promise<{ snapshots: SnapshotStore; close: () => Promise<void> }>][] = [
  [
    'graph store',
    async () => {
      const store: GraphStore = await openTestStore();
      return { snapshots: createGraphSnapshotStore(store), close: () => store.close() };
    },
  ],
  [
    'folder of JSON files',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'skygraph-snapshots-'));
      return {
        snapshots: createFileSnapshotStore(dir),
        close: async () => rmSync(dir, { recursive: true, force: true }),
      };
    },
  ],
];

describe.each(kinds)('snapshots in a %s', (_kind, open) => {
  let snapshots: SnapshotStore;
  let close: () => Promise<void>;
  beforeEach(async () => {
    ({ snapshots, close } = await open());
  });
  afterEach(async () => close());

  it('returns the newest snapshot of a query with its rows intact', async () => {
    const rows = [
      { account: '111111111111', bucket: 'logs', acl: ['READ', 'WRITE'], meta: { public: true, note: null } },
    ];
    await snapshots.commit(
      'default',
      [snapshot('public-buckets', 'run-1', '2026-01-01T02:00:00.000Z', [])],
      emptyAlertState(),
    );
    await snapshots.commit(
      'default',
      [snapshot('public-buckets', 'run-2', '2026-01-02T02:00:00.000Z', rows)],
      emptyAlertState(),
    );

    const latest = await snapshots.latest('default', 'public-buckets');
    expect(latest?.runId).toBe('run-2');
    expect(latest?.rows).toEqual(rows);
    expect(latest?.identityKeys).toEqual(['account', 'bucket']);
    expect((await snapshots.get('default', 'public-buckets', 'run-1'))?.rows).toEqual([]);
    expect((await snapshots.list('default', 'public-buckets')).map((s) => [s.runId, s.rowCount])).toEqual([
      ['run-2', 1],
      ['run-1', 0],
    ]);
    expect(await snapshots.latest('default', 'other-query')).toBeUndefined();
  });

  it('keeps namespaces apart', async () => {
    await snapshots.commit(
      'team-a',
      [snapshot('q', 'a1', '2026-01-01T00:00:00.000Z', [], 'team-a')],
      emptyAlertState(),
    );
    expect(await snapshots.latest('team-b', 'q')).toBeUndefined();
    expect((await snapshots.latest('team-a', 'q'))?.runId).toBe('a1');
  });

  it('saves and reloads the alert state, empty before the first run', async () => {
    expect(await snapshots.loadState('default')).toEqual(emptyAlertState());
    const state: AlertState = {
      version: 1,
      findings: {
        exposure: { abc: { status: 'suppressed', query: 'q', digest: 'd', since: 'now', exception: 'ok' } },
      },
      pending: [],
    };
    await snapshots.saveState('default', state);
    expect(await snapshots.loadState('default')).toEqual(state);
  });

  it('prunes all but the newest snapshots of a query', async () => {
    for (const day of [1, 2, 3, 4]) {
      await snapshots.commit(
        'default',
        [snapshot('q', `run-${day}`, `2026-01-0${day}T00:00:00.000Z`, [])],
        emptyAlertState(),
      );
    }
    expect(await snapshots.prune('default', 'q', 2)).toBe(2);
    expect((await snapshots.list('default', 'q')).map((s) => s.runId)).toEqual(['run-4', 'run-3']);
  });
});
