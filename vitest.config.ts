import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Vitest's own default (one core left for the main process); fixed here
// because the Neo4j project starts one database per worker.
const workers = Math.max(availableParallelism() - 1, 1);
process.env.SKYGRAPH_TEST_WORKERS = String(workers);

const unitTests = ['packages/*/src/**/*.test.ts'];
// Everything that syncs, reads or serves a graph: run once per store.
const storeTests = ['packages/*/test/**/*.test.ts', 'examples/**/*.test.ts'];
// What only Neo4j has (constraints, credentials, databases, a server that goes away).
const neo4jOnly = 'packages/*/test/neo4j/**';

// The workspace packages resolve to their TypeScript sources (the `@skygraph/source` export
// condition), so a change is tested without a build; what gets published is tested by packing it
// (packages/sdk/test/package).
const conditions = ['@skygraph/source'];

export default defineConfig({
  ssr: { resolve: { conditions } },
  test: {
    globalSetup: ['tools/build/vitest-global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The embedded store is a native engine; forks isolate it per test file.
    pool: 'forks',
    maxWorkers: workers,
    projects: [
      {
        extends: true,
        test: {
          name: 'embedded',
          include: [...unitTests, ...storeTests],
          exclude: [neo4jOnly, '**/node_modules/**'],
          env: { SKYGRAPH_TEST_STORE: 'embedded' },
        },
      },
      {
        extends: true,
        test: {
          name: 'neo4j',
          include: storeTests,
          env: { SKYGRAPH_TEST_STORE: 'neo4j' },
          globalSetup: ['tools/neo4j-server/vitest-global-setup.ts'],
          // A server of the user's is one database: its test files take turns.
          ...(process.env.SKYGRAPH_TEST_NEO4J_URI ? { fileParallelism: false } : {}),
        },
      },
    ],
  },
});
