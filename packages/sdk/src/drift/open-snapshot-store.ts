import type { GraphStore } from '@skygraph/core';
import { createFileSnapshotStore } from './file-snapshot-store.ts';
import { createGraphSnapshotStore } from './graph-snapshot-store.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/** The snapshot store the settings ask for: a folder when `snapshotDir` is set, else the graph store. */
export function openSnapshotStore(
  store: GraphStore,
  settings: { snapshotDir?: string | undefined },
): SnapshotStore {
  return settings.snapshotDir
    ? createFileSnapshotStore(settings.snapshotDir)
    : createGraphSnapshotStore(store);
}
