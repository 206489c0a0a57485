import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { GraphStore } from '../store/graph-store.ts';
import { openStore } from '../store/open-store.ts';

/**
 * A fresh store for a test: a real Neo4j when SKYGRAPH_TEST_NEO4J_URI is set
 * (emptied first), otherwise an embedded store in a temporary folder.
 * `close()` also removes the temporary folder.
 */
export async function openTestStore(): Promise<GraphStore> {
  const neo4jUri = process.env.SKYGRAPH_TEST_NEO4J_URI;
  if (neo4jUri) {
    const store = await openStore(neo4jUri, {
      neo4jUser: process.env.SKYGRAPH_TEST_NEO4J_USER ?? 'neo4j',
      neo4jPasswordEnvVar: 'SKYGRAPH_TEST_NEO4J_PASSWORD',
    });
    await store.write([{ cypher: 'MATCH (n) DETACH DELETE n', params: {} }]);
    return store;
  }
  const dir = mkdtempSync(join(tmpdir(), 'skygraph-test-'));
  const store = await openStore(join(dir, 'graph.grafeo'));
  const close = store.close.bind(store);
  return Object.assign(store, {
    close: async () => {
      await close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
}
