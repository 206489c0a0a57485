import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EmbeddedStore, StoreError } from '@skygraph/core';
import { createTestStoreTarget, type TestStoreTarget } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../src/catalogue/index.ts';
import { connect, GraphEmptyError } from '../../src/client/index.ts';
import { syncTestEstate } from '../fixtures/estate-graph.ts';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'skygraph-sdk-connect-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** connect() options for a test store target, as a user passes them. */
function connectTo(target: TestStoreTarget) {
  return {
    uri: target.uri,
    env: { ...process.env, ...target.env },
    ...(target.kind === 'neo4j'
      ? {
          user: target.openOptions.neo4jUser ?? 'neo4j',
          passwordEnv: target.openOptions.neo4jPasswordEnvVar ?? '',
        }
      : {}),
  };
}

describe('connect', () => {
  it('says the graph is empty when the store (embedded or Neo4j) has no data', async () => {
    const target = await createTestStoreTarget();
    await (await target.open()).close();
    await expect(connect(connectTo(target))).rejects.toThrow(/the graph is empty .*it has no nodes/);
    target.dispose();
  });

  // Embedded paths, whichever store the run targets: a missing file and the default location.
  it('says the graph is empty when no embedded store exists yet', async () => {
    const missing = join(dir, 'nothing-here.grafeo');
    await expect(connect({ uri: missing })).rejects.toThrow(GraphEmptyError);
    await expect(connect({ uri: missing })).rejects.toThrow(
      'the graph is empty — run `collect` first (or `collect --demo`)',
    );
  });

  it('says the graph is empty when the embedded store has no data', async () => {
    const path = join(dir, 'empty.grafeo');
    await EmbeddedStore.open(path).close();
    await expect(connect({ uri: path })).rejects.toThrow(/the graph is empty .*it has no nodes/);
    // The default store location follows SKYGRAPH_HOME, as collect's does.
    await expect(connect({ env: { SKYGRAPH_HOME: join(dir, 'home') } })).rejects.toThrow(GraphEmptyError);
  });

  it('reads a synced store read-only: status, catalogue queries, and no writes', async () => {
    const target = await createTestStoreTarget('synced');
    const writer = await target.open();
    try {
      await syncTestEstate(writer);
    } finally {
      await writer.close();
    }
    const client = await connect({ ...connectTo(target), catalogue: builtinCatalogue });
    try {
      expect(client.store.kind).toBe(target.kind);
      const status = await client.status();
      expect(status.nodes).toBeGreaterThan(0);
      expect(status.lastRun).toMatchObject({
        status: 'success',
        providers: expect.arrayContaining(['gcp', 'gsuite']),
      });
      const { rows } = await client.runQuery('gcp_projects');
      expect(rows.length).toBeGreaterThan(0);
      await expect(client.read('MATCH (n) DETACH DELETE n')).rejects.toThrow(/the SDK only reads the graph/);
      await expect(client.run({ cypher: 'CREATE (:Intruder)' })).rejects.toThrow(/only reads/);
      expect((await client.read('MATCH (n:Intruder) RETURN count(n) AS n'))[0]).toEqual({ n: 0 });
      // Two readers can share the store.
      const second = await connect(connectTo(target));
      await second.close();
    } finally {
      await client.close();
      target.dispose();
    }
    await expect(client.read('MATCH (n) RETURN n LIMIT 1')).rejects.toThrow(/closed/);
  });

  it('reports an unreachable Neo4j clearly', async () => {
    const error = await connect({ uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('STORE_UNAVAILABLE');
    expect((error as Error).message).toMatch(/unreachable/);
  });

  it('reads the Neo4j password from the variable it is told about, never from an option', async () => {
    await expect(
      connect({ uri: 'bolt://127.0.0.1:1', user: 'neo4j', passwordEnv: 'NO_SUCH_VAR', env: {} }),
    ).rejects.toThrow('--neo4j-password-env-var: the environment variable it names is not set');
  });
});
