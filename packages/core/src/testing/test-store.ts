import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.ts';
import { type OpenStoreOptions, openStore } from '../store/open-store.ts';

/** Which store the current test run targets: set per Vitest project by SKYGRAPH_TEST_STORE. */
export type TestStoreKind = 'embedded' | 'neo4j';

/** The environment variable that holds the test Neo4j's password (never a flag value). */
export const TEST_NEO4J_PASSWORD_ENV_VAR = 'SKYGRAPH_TEST_NEO4J_PASSWORD';

export function testStoreKind(env: NodeJS.ProcessEnv = process.env): TestStoreKind {
  const kind = env.SKYGRAPH_TEST_STORE ?? 'embedded';
  if (kind !== 'embedded' && kind !== 'neo4j') {
    throw new Error(`SKYGRAPH_TEST_STORE must be embedded or neo4j, not "${kind}"`);
  }
  return kind;
}

/**
 * A fresh, empty store for one test, and the ways a test hands it to code
 * under test: `uri` + `openOptions` for openStore, `args` for a command line,
 * `env` for a child process or settings read from the environment.
 */
export interface TestStoreTarget {
  readonly kind: TestStoreKind;
  /** What `--store` / SKYGRAPH_STORE takes: a file path (embedded) or a bolt:// URI. */
  readonly uri: string;
  readonly openOptions: OpenStoreOptions;
  /** `--store …` plus, for Neo4j, the user and password-variable flags. */
  readonly args: readonly string[];
  /** SKYGRAPH_STORE and friends, plus the password variable itself for Neo4j. */
  readonly env: Readonly<Record<string, string>>;
  open(options?: { readOnly?: boolean }): Promise<GraphStore>;
  /** Removes the temporary folder of an embedded target. */
  dispose(): void;
}

/**
 * The Neo4j of this test worker. The test run's global setup starts one
 * Community DBMS per worker (Community has one user database, so workers
 * cannot share one) and lists their URIs in SKYGRAPH_TEST_NEO4J_URIS;
 * SKYGRAPH_TEST_NEO4J_URI names a server of the user's instead.
 */
export function testNeo4jUri(env: NodeJS.ProcessEnv = process.env): string {
  const uris = (env.SKYGRAPH_TEST_NEO4J_URIS ?? env.SKYGRAPH_TEST_NEO4J_URI ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (uris.length === 0) {
    throw new Error(
      'SKYGRAPH_TEST_STORE=neo4j but no test Neo4j is running: run the tests through `pnpm test` (its global setup starts one) or set SKYGRAPH_TEST_NEO4J_URI',
    );
  }
  const worker = Number(env.VITEST_POOL_ID ?? '1');
  return uris[(Math.max(1, worker) - 1) % uris.length] as string;
}

/**
 * A fresh test store target. Embedded: a new file in a temporary folder.
 * Neo4j: this worker's database, emptied of nodes and relationships.
 */
export async function createTestStoreTarget(name = 'graph'): Promise<TestStoreTarget> {
  if (testStoreKind() === 'neo4j') {
    const uri = testNeo4jUri();
    const user = process.env.SKYGRAPH_TEST_NEO4J_USER ?? 'neo4j';
    const openOptions: OpenStoreOptions = {
      neo4jUser: user,
      neo4jPasswordEnvVar: TEST_NEO4J_PASSWORD_ENV_VAR,
    };
    const target: TestStoreTarget = {
      kind: 'neo4j',
      uri,
      openOptions,
      args: ['--store', uri, '--neo4j-user', user, '--neo4j-password-env-var', TEST_NEO4J_PASSWORD_ENV_VAR],
      env: {
        SKYGRAPH_STORE: uri,
        SKYGRAPH_NEO4J_USER: user,
        SKYGRAPH_NEO4J_PASSWORD_ENV_VAR: TEST_NEO4J_PASSWORD_ENV_VAR,
        [TEST_NEO4J_PASSWORD_ENV_VAR]: process.env[TEST_NEO4J_PASSWORD_ENV_VAR] ?? '',
      },
      open: () => openStore(uri, openOptions),
      dispose: () => {},
    };
    const store = await target.open();
    try {
      await emptyNeo4j(store);
    } finally {
      await store.close();
    }
    return target;
  }
  const dir = mkdtempSync(join(tmpdir(), 'skygraph-test-'));
  const path = join(dir, `${name}.grafeo`);
  return {
    kind: 'embedded',
    uri: path,
    openOptions: {},
    args: ['--store', path],
    env: { SKYGRAPH_STORE: path },
    open: (options = {}) => openStore(path, { readOnly: options.readOnly ?? false }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/**
 * A fresh store for a test (see {@link createTestStoreTarget}), opened;
 * `close()` also removes an embedded store's temporary folder.
 */
export async function openTestStore(): Promise<GraphStore> {
  const target = await createTestStoreTarget();
  const store = await target.open();
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      target.dispose();
    },
  });
}

/**
 * Deletes every node of a Neo4j database (a test's or a benchmark's), in
 * batches so a benchmark-sized graph fits in memory. Constraints and indexes
 * stay: they are what every sync creates first, and recreating them costs
 * each test seconds.
 */
export async function emptyNeo4j(store: GraphStore): Promise<void> {
  for (;;) {
    const [rows] = await store.write([
      { cypher: 'MATCH (n) WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS deleted', params: {} },
    ]);
    if (Number(rows?.[0]?.deleted ?? 0) === 0) break;
  }
}
