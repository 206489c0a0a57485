import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startNeo4jServer } from '../../../../tools/neo4j-server/neo4j-server.ts';
import { ConfigError, StoreError } from '../../src/errors/skygraph-error.ts';
import type { GraphStore } from '../../src/store/graph-store.ts';
import { openStore } from '../../src/store/open-store.ts';
import { ensureIndexes } from '../../src/sync/ensure-indexes.ts';
import { sync } from '../../src/sync/run-sync.ts';
import { fixtureProvider } from '../../src/testing/fixture-provider.ts';
import { Disk, Server, Tenant } from '../../src/testing/fixture-schemas.ts';
import { openTestStore, TEST_NEO4J_PASSWORD_ENV_VAR, testNeo4jUri } from '../../src/testing/test-store.ts';

// What only Neo4j has: schema constraints, credentials, databases, a server that can go away.
const fast = { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 5 };

type SchemaRow = { label: string; property: string; owned: boolean };

async function keyIndexes(store: GraphStore, label: string): Promise<SchemaRow[]> {
  return store.read<SchemaRow>(
    `SHOW INDEXES YIELD type, labelsOrTypes, properties, owningConstraint
     WHERE type = 'RANGE' AND labelsOrTypes = [$label] AND properties = ['id']
     RETURN labelsOrTypes[0] AS label, properties[0] AS property, owningConstraint IS NOT NULL AS owned`,
    { label },
  );
}

async function dropKeySchema(store: GraphStore, label: string): Promise<void> {
  const rows = await store.read<{ name: string; kind: string }>(
    `SHOW INDEXES YIELD name, labelsOrTypes, properties, owningConstraint
     WHERE labelsOrTypes = [$label] AND properties = ['id']
     RETURN coalesce(owningConstraint, name) AS name, CASE WHEN owningConstraint IS NULL THEN 'INDEX' ELSE 'CONSTRAINT' END AS kind`,
    { label },
  );
  for (const { name, kind } of rows) await store.write([{ cypher: `DROP ${kind} \`${name}\``, params: {} }]);
}

describe('Neo4j schema', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await ensureIndexes(store, [Tenant, Disk, Server]);
    await store.close();
  });

  it("replaces Cartography's plain index on a key by a uniqueness constraint; Cartography's DDL then changes nothing", async () => {
    await dropKeySchema(store, 'TestServer');
    // What Cartography runs for its node schemas.
    await store.write([{ cypher: 'CREATE INDEX IF NOT EXISTS FOR (n:TestServer) ON (n.id)', params: {} }]);
    expect(await keyIndexes(store, 'TestServer')).toEqual([
      { label: 'TestServer', property: 'id', owned: false },
    ]);
    await ensureIndexes(store, [Tenant, Disk, Server]);
    await store.write([{ cypher: 'CREATE INDEX IF NOT EXISTS FOR (n:TestServer) ON (n.id)', params: {} }]);
    expect(await keyIndexes(store, 'TestServer')).toEqual([
      { label: 'TestServer', property: 'id', owned: true },
    ]);
    // A second run changes nothing either.
    await ensureIndexes(store, [Tenant, Disk, Server]);
    expect(await keyIndexes(store, 'TestServer')).toHaveLength(1);
  });

  it('keeps a plain index and says what to fix when duplicates make the constraint impossible', async () => {
    await dropKeySchema(store, 'TestDisk');
    await store.write([{ cypher: "CREATE (:TestDisk {id: 'dup'}), (:TestDisk {id: 'dup'})", params: {} }]);
    const warnings: string[] = [];
    await ensureIndexes(store, [Tenant, Disk, Server], (message) => warnings.push(message));
    expect(warnings).toEqual([
      expect.stringMatching(/several :TestDisk nodes with one id.*remove the duplicates/),
    ]);
    expect(await keyIndexes(store, 'TestDisk')).toEqual([
      { label: 'TestDisk', property: 'id', owned: false },
    ]);
    // The next sync says so again and keeps the plain index.
    await ensureIndexes(store, [Tenant, Disk, Server], (message) => warnings.push(message));
    expect(warnings).toHaveLength(2);
    expect(await keyIndexes(store, 'TestDisk')).toEqual([
      { label: 'TestDisk', property: 'id', owned: false },
    ]);
    await store.write([{ cypher: 'MATCH (d:TestDisk) DETACH DELETE d', params: {} }]);
    await dropKeySchema(store, 'TestDisk');
  });

  it('concurrent scopes under one owner create that owner once', async () => {
    const region = (name: string) => ({
      servers: Array.from({ length: 20 }, (_, i) => ({ id: `${name}-${i}`, region: name })),
      disks: [],
    });
    const tenants = { acme: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f'].map((r) => [r, region(r)])) };
    const result = await sync({
      store,
      providers: [fixtureProvider({ tenants })],
      concurrency: 6,
      retry: fast,
    });
    expect(result.status).toBe('success');
    expect(await store.read('MATCH (t:TestTenant) RETURN t.id AS id, COUNT { (t)-->() } AS owned')).toEqual([
      { id: 'acme', owned: 120 },
    ]);
  });
});

describe('Neo4j connection settings', () => {
  const env = { ...process.env, WRONG_PASSWORD: 'not-the-password' };

  it('refuses wrong credentials as a configuration error that names the flag, neither the variable nor the password', async () => {
    const error = await openStore(testNeo4jUri(), {
      neo4jUser: 'neo4j',
      neo4jPasswordEnvVar: 'WRONG_PASSWORD',
      env,
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(
      /refused the credentials: user "neo4j" with the password in the variable --neo4j-password-env-var names/,
    );
    expect((error as Error).message).not.toContain('not-the-password');
    expect((error as Error).message).not.toContain('WRONG_PASSWORD');
  });

  it('opens the database --neo4j-database names, and refuses one that does not exist', async () => {
    const options = { neo4jUser: 'neo4j', neo4jPasswordEnvVar: TEST_NEO4J_PASSWORD_ENV_VAR };
    const named = await openStore(testNeo4jUri(), { ...options, neo4jDatabase: 'neo4j' });
    expect(named.location).toMatch(/\(database neo4j\)$/);
    await named.close();
    const error = await openStore(testNeo4jUri(), { ...options, neo4jDatabase: 'nope' }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toMatch(/--neo4j-database: .* has no database "nope"/);
  });

  it('says a refused connection is unreachable within seconds', async () => {
    const started = Date.now();
    const error = await openStore('bolt://127.0.0.1:1', { neo4jUser: 'neo4j' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe('STORE_UNAVAILABLE');
    expect((error as Error).message).toMatch(/unreachable: .*ECONNREFUSED/);
    // Reported at once rather than after the driver's 30 s of transaction retries.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});

describe('a Neo4j server that goes away mid-sync', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'skygraph-neo4j-gone-'));
  const password = 'gone-away-password';
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fails the scopes it interrupts, deletes nothing, and the run ends', { timeout: 240_000 }, async () => {
    const estate = (ids: string[]) => ({
      pageSize: 1,
      tenants: {
        acme: { east: { servers: ids.map((id) => ({ id, region: 'east' })), disks: [] } },
      },
    });
    const env = { ...process.env, GONE_PASSWORD: password };
    const login = { neo4jUser: 'neo4j', neo4jPasswordEnvVar: 'GONE_PASSWORD', env };
    let server = await startNeo4jServer({ password, dataDir, heap: '512m' });
    const first = await openStore(server.uris[0], login);
    expect(
      (await sync({ store: first, providers: [fixtureProvider(estate(['a', 'b', 'c']))], retry: fast }))
        .status,
    ).toBe('success');
    await first.close();

    // The next sync no longer sees b and c; the server dies while it pages.
    const second = await openStore(server.uris[0], login);
    const dying = estate(['a']);
    const gone = server;
    const result = await sync({
      store: second,
      providers: [
        fixtureProvider({
          ...dying,
          onPage: (_scope, page) => {
            if (page === 0) gone.process.kill('SIGKILL');
          },
        }),
      ],
      retry: fast,
    }).catch((error: unknown) => error);
    await second.close();
    if (result instanceof Error) {
      expect(result).toBeInstanceOf(StoreError);
    } else {
      expect(result).toMatchObject({ status: 'failed' });
    }

    // Back up on the same data: nothing of the first sync was deleted.
    server = await startNeo4jServer({ password, dataDir, heap: '512m' });
    try {
      const after = await openStore(server.uris[0], login);
      const ids = await after.read('MATCH (s:TestServer) RETURN s.id AS id ORDER BY id');
      await after.close();
      expect(ids).toEqual([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    } finally {
      await server.stop();
    }
  });
});
