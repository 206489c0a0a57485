import { readFileSync } from 'node:fs';
import { type AwsEmulator, generateAwsEstate, startAwsEmulator } from '@skygraph/aws/emulator';
import { awsSchemas } from '@skygraph/aws/schema';
import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { count, syncAws } from './sync-helpers.ts';

const nodes = (store: GraphStore, label: string) => count(store, `MATCH (n:${label}) RETURN count(n) AS c`);

/**
 * A graph written before the types took Cartography's current labels held,
 * say, `(:EC2Instance)` where skygraph now writes `(:AWSEC2Instance:EC2Instance:ComputeInstance)`.
 * The next sync must bring it to the new shape in place: no second node per
 * key, first-seen times and relationships kept.
 */
describe("Cartography's current labels on an AWS graph", () => {
  let store: GraphStore;
  let emulator: AwsEmulator | undefined;

  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
    await emulator?.close();
    emulator = undefined;
  });

  const renamed = awsSchemas.filter((schema) => schema.legacyLabels.length > 0);

  /** A seeded two-account organisation, emulated and synced into the test store. */
  async function syncEstate(regionsPerAccount: number) {
    const estate = generateAwsEstate({
      seed: 7,
      accounts: 2,
      regionsPerAccount,
      now: '2025-06-01T00:00:00Z',
    });
    const started = await startAwsEmulator({ estate });
    emulator = started;
    expect((await syncAws(store, started)).status).toBe('success');
    return { estate, emulator: started };
  }

  it('relabels the old nodes at the next sync instead of duplicating them', async () => {
    expect(renamed.map((s) => s.label)).toEqual(expect.arrayContaining(['AWSEC2Instance', 'AWSS3Bucket']));
    const { emulator: aws } = await syncEstate(1);

    const before = new Map<string, number>();
    for (const schema of renamed) before.set(schema.label, await nodes(store, schema.label));
    expect(before.get('AWSEC2Instance')).toBeGreaterThan(0);
    expect(before.get('AWSS3Bucket')).toBeGreaterThan(0);
    const [instance] = await store.read<{ id: string; firstseen: number }>(
      'MATCH (i:AWSEC2Instance) RETURN i.id AS id, i.firstseen AS firstseen ORDER BY id LIMIT 1',
    );
    if (!instance) throw new Error('no instance was synced');

    // The graph as the earlier version left it: only the legacy label (then the main one) and
    // the labels it wrote then; none of the current main labels or labels added since.
    for (const schema of renamed) {
      const added = [
        schema.label,
        ...schema.extraLabels.filter((l) => !(schema.legacyLabels as readonly string[]).includes(l)),
      ];
      const [legacy] = schema.legacyLabels;
      await store.write([
        { cypher: `MATCH (n:${schema.label}) REMOVE ${added.map((l) => `n:${l}`).join(', ')}`, params: {} },
      ]);
      expect(await nodes(store, schema.label), schema.label).toBe(0);
      expect(await nodes(store, legacy as string), legacy).toBe(before.get(schema.label));
    }

    expect((await syncAws(store, aws)).status).toBe('success');
    for (const schema of renamed) {
      const [legacy] = schema.legacyLabels;
      expect(await nodes(store, schema.label), schema.label).toBe(before.get(schema.label));
      expect(await nodes(store, legacy as string), legacy).toBe(before.get(schema.label));
      for (const extra of schema.extraLabels) {
        const [missing] = await store.read<{ n: number }>(
          `MATCH (n:${schema.label}) WHERE NOT n:${extra} RETURN count(n) AS n`,
        );
        expect(missing?.n, `${schema.label} nodes without ${extra}`).toBe(0);
      }
    }
    const [after] = await store.read<{ firstseen: number; subnets: number }>(
      `MATCH (i:AWSEC2Instance {id: $id})
       OPTIONAL MATCH (i)-[:PART_OF_SUBNET]->(s:AWSEC2Subnet)
       RETURN i.firstseen AS firstseen, count(s) AS subnets`,
      { id: instance.id },
    );
    expect(after?.firstseen).toBe(instance.firstseen);
    expect(after?.subnets).toBe(1);
    // Two syncs and a few statements per renamed type (about 50 now): Neo4j plans each statement
    // afresh, which takes longer than the default limit on two cores.
  }, 240_000);

  it("replaces the ids, labels, properties and edges an earlier version wrote with Cartography's, leaving no duplicate", async () => {
    const { emulator: aws } = await syncEstate(1);
    const labels = [
      'AWSIpRule',
      'AWSIpPermissionInbound',
      'AWSPolicyStatement',
      'AWSS3Acl',
      'AWSEC2Instance',
    ];
    const before = new Map<string, number>();
    for (const label of labels) before.set(label, await nodes(store, label));
    for (const label of labels) expect(before.get(label), label).toBeGreaterThan(0);

    // The shape the earlier version wrote: its rule, statement and ACL ids, egress rules under
    // their own label, the IMDS property under its old name, classic load balancers' SUBNET edges.
    await store.write([
      {
        cypher: `MATCH (r:AWSIpRule) WHERE NOT r:AWSIpPermissionInbound
SET r:AWSIpPermissionEgress:IpPermissionEgress, r.id = replace(r.id, '/IpPermissionsEgress/', '/IpPermissionEgress/')`,
        params: {},
      },
      {
        cypher:
          "MATCH (r:AWSIpPermissionInbound) SET r.id = replace(r.id, '/IpPermissions/', '/IpPermissionInbound/')",
        params: {},
      },
      {
        cypher: "MATCH (s:AWSPolicyStatement) SET s.id = replace(s.id, '/statement/', '/statements/')",
        params: {},
      },
      { cypher: "MATCH (a:AWSS3Acl) SET a.id = 'old-bucket/' + a.id", params: {} },
      { cypher: "MATCH (i:AWSEC2Instance) SET i.metadata_http_tokens = 'optional'", params: {} },
      {
        cypher: 'MATCH (lb:AWSLoadBalancer)-[:PART_OF_SUBNET]->(s:AWSEC2Subnet) MERGE (lb)-[:SUBNET]->(s)',
        params: {},
      },
    ]);
    const oldEdges = await count(store, 'MATCH (:AWSLoadBalancer)-[r:SUBNET]->() RETURN count(r) AS c');

    expect((await syncAws(store, aws)).status).toBe('success');
    for (const label of labels) expect(await nodes(store, label), label).toBe(before.get(label));
    const leftovers = await store.read<{ id: string }>(
      `MATCH (n) WHERE n:AWSIpPermissionEgress OR n:IpPermissionEgress OR n.id CONTAINS '/IpPermissionInbound/'
         OR n.id CONTAINS '/statements/' OR n.id STARTS WITH 'old-bucket/' OR n.metadata_http_tokens IS NOT NULL
       RETURN n.id AS id LIMIT 5`,
    );
    expect(leftovers).toEqual([]);
    expect(await count(store, 'MATCH (:AWSLoadBalancer)-[r:SUBNET]->() RETURN count(r) AS c')).toBe(0);
    expect(oldEdges).toBeGreaterThan(0);
    expect(
      await count(
        store,
        "MATCH (i:AWSEC2Instance) WHERE i.metadatahttptokens IN ['optional', 'required'] RETURN count(i) AS c",
      ),
    ).toBe(before.get('AWSEC2Instance'));
  });

  it("answers the sample queries of Cartography's README", async () => {
    const { estate } = await syncEstate(2);
    const unencrypted = await store.read<{ account: string; rds: string }>(
      'MATCH (a:AWSAccount)-[:RESOURCE]->(rds:AWSRDSInstance{storage_encrypted:false}) RETURN a.name AS account, rds.id AS rds',
    );
    const exposed = await store.read<{ id: string; dns: string | null }>(
      'MATCH (instance:AWSEC2Instance{exposed_internet: true}) RETURN instance.instanceid AS id, instance.publicdnsname AS dns',
    );
    const seededUnencrypted = estate.accounts
      .flatMap((account) => Object.values(account.regions))
      .flatMap((region) => region.dbInstances)
      .filter((db) => !db.storageEncrypted);
    expect(seededUnencrypted.length).toBeGreaterThan(0);
    expect(unencrypted).toHaveLength(seededUnencrypted.length);
    expect(exposed.length).toBeGreaterThan(0);
    // Cartography's writer bookkeeping, naming skygraph's provider and its version, on nodes and edges.
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version: string;
    };
    const writers = await store.read(
      `MATCH (a:AWSAccount)-[r:RESOURCE]->(i:AWSEC2Instance)-[s:PART_OF_SUBNET]->()
       RETURN DISTINCT i._module_name AS node, i._module_version AS nodeVersion, r._module_name AS scope, s._module_version AS edgeVersion`,
    );
    expect(writers).toEqual([
      { node: 'skygraph:aws', nodeVersion: version, scope: 'skygraph:aws', edgeVersion: version },
    ]);
  });
});
