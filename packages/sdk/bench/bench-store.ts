import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore, type GraphStore, openStore } from '@skygraph/core';
import { emptyNeo4j } from '@skygraph/core/testing';

/**
 * Which store a benchmark run writes to. `sync-bench.ts` passes it to each
 * run as JSON, so it holds the name of the password variable, never the
 * password.
 */
export type BenchStoreSpec =
  | { kind: 'embedded' }
  | { kind: 'neo4j'; uri: string; user: string; passwordEnvVar?: string };

/** What the summary and the JSON say about the store a run wrote to. */
export interface GraphStoreInfo {
  kind: 'embedded' | 'neo4j';
  /** Grafeo's version (embedded) or the server's (Neo4j). */
  version: string;
  /** Neo4j's edition: community, enterprise. */
  edition?: string;
  /** Where the graph is: a bolt:// URI without credentials; absent for the embedded store's temporary file. */
  location?: string;
}

/** The store of one benchmark run, opened empty. */
export interface BenchStore {
  readonly store: GraphStore;
  readonly info: GraphStoreInfo;
  /** The embedded store's file (for its footprint); absent for Neo4j. */
  readonly path?: string;
  close(): Promise<void>;
  /** Removes what the run left on disk (the embedded store's temporary folder). */
  dispose(): void;
}

/**
 * Opens the run's store with nothing in it, so the first sync is a first
 * sync: the embedded store is a new file in a temporary folder; a Neo4j
 * database is emptied (in batches, so a graph of any size fits in the
 * server's transaction memory), its constraints and indexes kept as a
 * previous sync created them.
 */
export async function openBenchStore(spec: BenchStoreSpec): Promise<BenchStore> {
  if (spec.kind === 'embedded') {
    const dir = mkdtempSync(join(tmpdir(), 'skygraph-bench-'));
    const path = join(dir, 'bench.grafeo');
    const store = EmbeddedStore.open(path);
    return {
      store,
      info: { kind: 'embedded', version: grafeoVersion() },
      path,
      close: () => store.close(),
      dispose: () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const store = await openStore(spec.uri, {
    neo4jUser: spec.user,
    ...(spec.passwordEnvVar === undefined ? {} : { neo4jPasswordEnvVar: spec.passwordEnvVar }),
  });
  try {
    await emptyNeo4j(store);
    const [component] = await store.read<{ version: string; edition: string }>(
      "CALL dbms.components() YIELD name, versions, edition WHERE name = 'Neo4j Kernel' RETURN versions[0] AS version, edition",
    );
    return {
      store,
      info: {
        kind: 'neo4j',
        version: component?.version ?? 'unknown',
        edition: component?.edition ?? 'unknown',
        location: store.location,
      },
      close: () => store.close(),
      dispose: () => {},
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}

/** `embedded (Grafeo 0.6.0)`, `neo4j 5.26.30 community at bolt://…`. */
export function describeStore(info: GraphStoreInfo): string {
  if (info.kind === 'embedded') return `embedded (Grafeo ${info.version})`;
  const edition = info.edition ? ` ${info.edition}` : '';
  return `neo4j ${info.version}${edition} at ${info.location ?? 'an unnamed server'}`;
}

/**
 * The embedded engine's version. @grafeo-db/js is core's dependency, not
 * the SDK's, so it is resolved from core's entry point: the module core
 * already loaded.
 */
function grafeoVersion(): string {
  const require = createRequire(import.meta.resolve('@skygraph/core'));
  return (require('@grafeo-db/js') as { version(): string }).version();
}
