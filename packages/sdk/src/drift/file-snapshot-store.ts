import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { StoreError } from '@skygraph/core';
import { shortHash } from './canonical.ts';
import type { Snapshot } from './snapshot.ts';
import { type AlertState, emptyAlertState, type SnapshotInfo, type SnapshotStore } from './snapshot-store.ts';

/**
 * Keeps snapshots and alert state as JSON files in a folder:
 * `<dir>/<namespace>/state.json` and
 * `<dir>/<namespace>/snapshots/<query>/<takenAt>--<runId>.json`. Every file
 * is written to a temporary name and renamed, so a crash never leaves half
 * a file; the state is written before the snapshots, so a run that stops in
 * between re-evaluates against the older snapshot and the state's memory
 * keeps it from alerting twice.
 */
export function createFileSnapshotStore(dir: string): SnapshotStore {
  const root = resolve(dir);
  const nsDir = (namespace: string) => join(root, safeName(namespace));
  const queryDir = (namespace: string, query: string) => join(nsDir(namespace), 'snapshots', safeName(query));
  const files = async (namespace: string, query: string): Promise<string[]> => {
    try {
      const names = await readdir(queryDir(namespace, query));
      return names.filter((name) => name.endsWith('.json')).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw storeError(`cannot list snapshots in ${queryDir(namespace, query)}`, error);
    }
  };
  const readSnapshot = async (namespace: string, query: string, name: string): Promise<Snapshot> => {
    const path = join(queryDir(namespace, query), name);
    try {
      return JSON.parse(await readFile(path, 'utf8')) as Snapshot;
    } catch (error) {
      throw storeError(`cannot read snapshot ${path}`, error);
    }
  };
  const writeState = async (namespace: string, state: AlertState) => {
    await atomicWrite(join(nsDir(namespace), 'state.json'), JSON.stringify(state));
  };
  return {
    location: root,
    async latest(namespace, query) {
      const newest = (await files(namespace, query))[0];
      return newest ? readSnapshot(namespace, query, newest) : undefined;
    },
    async get(namespace, query, runId) {
      const name = (await files(namespace, query)).find((file) => file.endsWith(`--${safeName(runId)}.json`));
      return name ? readSnapshot(namespace, query, name) : undefined;
    },
    async list(namespace, query) {
      const out: SnapshotInfo[] = [];
      for (const name of await files(namespace, query)) {
        const snapshot = await readSnapshot(namespace, query, name);
        out.push({
          id: snapshot.id,
          query: snapshot.query,
          runId: snapshot.runId,
          takenAt: snapshot.takenAt,
          rowCount: snapshot.rows.length,
          truncated: snapshot.truncated,
        });
      }
      return out;
    },
    async loadState(namespace) {
      const path = join(nsDir(namespace), 'state.json');
      try {
        return JSON.parse(await readFile(path, 'utf8')) as AlertState;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyAlertState();
        throw storeError(`cannot read the alert state ${path}`, error);
      }
    },
    async commit(namespace, snapshots, state) {
      await writeState(namespace, state);
      for (const snapshot of snapshots) {
        const name = `${snapshot.takenAt.replaceAll(':', '-')}--${safeName(snapshot.runId)}.json`;
        await atomicWrite(join(queryDir(namespace, snapshot.query), name), JSON.stringify(snapshot));
      }
    },
    saveState: writeState,
    async prune(namespace, query, keep) {
      const stale = (await files(namespace, query)).slice(Math.max(0, keep));
      for (const name of stale) await rm(join(queryDir(namespace, query), name), { force: true });
      return stale.length;
    },
  };
}

/** A file-system-safe name; names that had to be altered get a hash so two never collide. */
function safeName(name: string): string {
  const safe = name.replace(/[^A-Za-z0-9._-]/g, '_').replace(/^\.+/, '_');
  return safe === name && safe.length <= 120 ? safe : `${safe.slice(0, 100)}-${shortHash(name, 10)}`;
}

async function atomicWrite(path: string, text: string): Promise<void> {
  const tmp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await mkdir(join(path, '..'), { recursive: true });
    await writeFile(tmp, text, 'utf8');
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw storeError(`cannot write ${path}`, error);
  }
}

function storeError(message: string, cause: unknown): StoreError {
  return new StoreError('SNAPSHOT_STORE_FAILED', `${message}: ${(cause as Error).message}`, { cause });
}
