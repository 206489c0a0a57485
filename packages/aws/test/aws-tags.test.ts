import { describe, expect, it } from 'vitest';
import { activeMembers } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

const SERVICES = ['ec2', 'rds', 'kms', 's3', 'tags'];

describe('AWS resource tags (Resource Groups Tagging API)', () => {
  // Only some tagged types and the tags (the rest of AWS would only slow the test down).
  const aws = useEmulatedAws({
    estate: { seed: 53 },
    warnFields: ['collector'],
    values: { awsServices: SERVICES },
  });

  const member = () => {
    const [, account] = activeMembers(aws.estate);
    if (!account) throw new Error('no member account');
    return account;
  };
  const tagsOf = (label: string, id: string) =>
    aws.store.read(
      `MATCH (n:${label} {id: $id})-[:TAGGED]->(t:AWSTag:Tag) RETURN t.id AS id, t.key AS key, t.value AS value ORDER BY id`,
      { id },
    );

  it("links every tagged resource to its key:value tags, one GetResources page per region's hundred resources", async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    const region = member().enabledRegions[0] as string;
    const resources = member().regions[region];
    const instance = resources?.instances.find((i) => i.tags.length > 0);
    const volume = resources?.volumes.find((v) => v.tags.length > 0);
    if (!instance || !volume) throw new Error('no tagged instance or volume');
    const expected = (tags: { key: string; value: string }[]) =>
      tags
        .map((t) => ({ id: `${t.key}:${t.value}`, key: t.key, value: t.value }))
        .sort((a, b) => (a.id < b.id ? -1 : 1));
    expect(await tagsOf('AWSEC2Instance', instance.instanceId)).toEqual(expected(instance.tags));
    expect(await tagsOf('AWSEBSVolume', volume.volumeId)).toEqual(expected(volume.tags));
    // One node per key and value, shared by every account's resources.
    expect(await count(aws.store, "MATCH (t:AWSTag {id: 'Environment:prod'}) RETURN count(t) AS c")).toBe(1);
    const accountsTagged = await count(
      aws.store,
      "MATCH (a:AWSAccount)-[:RESOURCE]->(:AWSEC2Instance)-[:TAGGED]->(:AWSTag {id: 'Environment:prod'}) RETURN count(DISTINCT a) AS c",
    );
    expect(accountsTagged).toBeGreaterThan(1);
    // One request per account and region: no region of the estate has a hundred tagged resources.
    const regionScopes = result.scopes.filter(
      (s) => s.provider === 'aws' && s.labels.region !== undefined && s.labels.region !== 'global',
    );
    expect(aws.emulator.stats().byOperation['tagging:GetResources']).toBe(regionScopes.length);
  });

  it('drops a removed tag at the next sync, and the tag node once nothing carries it', async () => {
    await aws.sync();
    const region = member().enabledRegions[0] as string;
    const instance = member().regions[region]?.instances.find((i) => i.tags.length > 0);
    if (!instance) throw new Error('no tagged instance');
    const name = instance.tags.find((t) => t.key === 'Name');
    instance.tags = instance.tags.filter((t) => t.key !== 'Name');
    instance.tags.push({ key: 'owner', value: 'payments-team' });
    const { result } = await aws.sync();
    expect(result.status).toBe('success');
    const ids = (await tagsOf('AWSEC2Instance', instance.instanceId)).map((r) => r.id);
    expect(ids).toContain('owner:payments-team');
    expect(ids).not.toContain(`Name:${name?.value}`);
    // Instance names are unique, so the old Name tag is gone altogether.
    expect(
      await count(aws.store, 'MATCH (t:AWSTag {id: $id}) RETURN count(t) AS c', {
        id: `Name:${name?.value}`,
      }),
    ).toBe(0);
  });

  it('reports a region where the tagging API is denied and keeps its tags', async () => {
    await aws.sync();
    const region = member().enabledRegions[1] as string;
    const instance = member().regions[region]?.instances.find((i) => i.tags.length > 0);
    if (!instance) throw new Error('no tagged instance');
    const before = await tagsOf('AWSEC2Instance', instance.instanceId);
    aws.emulator.setFaults([
      { service: 'tagging', account: member().id, region, operation: 'GetResources', kind: 'AccessDenied' },
    ]);
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member().id}/${region}`,
      collector: 'tagging:resources',
      code: 'ACCESS_DENIED',
    });
    expect(warnings.filter((w) => w.collector === 'tagging:resources')).toHaveLength(1);
    expect(await tagsOf('AWSEC2Instance', instance.instanceId)).toEqual(before);
  });
});
