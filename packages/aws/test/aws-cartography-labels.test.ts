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
  });
});
