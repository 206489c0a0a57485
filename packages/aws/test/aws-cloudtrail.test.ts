import {
  type AwsEmulator,
  type AwsEstate,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, syncAws } from './sync-helpers.ts';

describe('AWS CloudTrail', () => {
  let store: GraphStore;
  let emulator: AwsEmulator | undefined;
  let estate: AwsEstate;

  const syncOnce = (values: Record<string, unknown> = {}) => {
    if (!emulator) throw new Error('no emulator');
    return syncAws(store, emulator, values);
  };

  beforeEach(async () => {
    store = await openTestStore();
    estate = generateAwsEstate({ seed: 53, accounts: 3, regionsPerAccount: 2, now: '2025-06-01T00:00:00Z' });
    emulator = await startAwsEmulator({ estate });
  });
  afterEach(async () => {
    await store.close();
    await emulator?.close();
    emulator = undefined;
  });

  it('writes each trail once, from its home region, with its status, selectors, bucket and key', async () => {
    const result = await syncOnce();
    expect(result.errors).toEqual([]);
    await expectGraphMatchesEstate(store, estate);
    const management = estate.accounts[0];
    const org = management?.trails.find((t) => t.isOrganizationTrail);
    if (!management || !org) throw new Error('no organisation trail');
    // Seen from every region of every member, the organisation trail is still one node, the management account's.
    const rows = await store.read(
      `MATCH (a:AWSAccount)-[:RESOURCE]->(t:AWSCloudTrailTrail {id: $arn})
       OPTIONAL MATCH (t)-[:LOGS_TO]->(b:AWSS3Bucket)
       OPTIONAL MATCH (t)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
       RETURN a.id AS account, t.region AS region, t.is_logging AS logging, t.is_organization_trail AS org,
         t.is_multi_region_trail AS multi, t.log_file_validation_enabled AS validation,
         t.logs_all_management_events AS all_management, t.stop_logging_time AS stopped,
         b.name AS bucket, k.arn AS key, labels(t) AS labels`,
      { arn: org.arn },
    );
    expect(rows).toEqual([
      {
        account: management.id,
        region: org.homeRegion,
        logging: false,
        org: true,
        multi: true,
        validation: true,
        all_management: true,
        stopped: new Date(org.stopLoggingTime ?? '').getTime() / 1000,
        bucket: org.s3BucketName,
        key: org.kmsKeyId,
        labels: expect.arrayContaining(['AWSCloudTrailTrail', 'CloudTrailTrail']),
      },
    ]);
    // The organisation trail delivers to the log archive account's bucket.
    expect(estate.accounts[2]?.buckets.map((b) => b.name)).toContain(org.s3BucketName);
    const advanced = management.trails.find((t) => t.advancedEventSelectors !== undefined);
    const [selectors] = await store.read(
      'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN t.event_selectors AS basic, t.advanced_event_selectors AS advanced, t.has_custom_event_selectors AS custom, t.logs_all_management_events AS all_management',
      { arn: advanced?.arn },
    );
    expect(selectors).toMatchObject({ basic: '[]', custom: true, all_management: false });
    expect(JSON.parse(String(selectors?.advanced))).toEqual([
      {
        Name: 'S3 data events',
        FieldSelectors: [
          { Field: 'eventCategory', Equals: ['Data'] },
          { Field: 'resources.type', Equals: ['AWS::S3::Object'] },
        ],
      },
    ]);
    const trails = estate.accounts
      .filter((a) => activeMembers(estate).includes(a))
      .reduce((n, a) => n + a.trails.length, 0);
    expect(await count(store, 'MATCH (t:AWSCloudTrailTrail) RETURN count(t) AS c')).toBe(trails);
  });

  it("keeps a multi-Region trail when another region's scope is cleaned up, and removes a deleted trail", async () => {
    await syncOnce();
    const [member] = activeMembers(estate);
    if (!member) throw new Error('no member');
    const [home, other] = member.enabledRegions as [string, string];
    const multi = member.trails.find((t) => t.isMultiRegionTrail);
    const gone = member.trails.find((t) => t.homeRegion === other);
    if (!multi || !gone)
      throw new Error('the member has a multi-Region trail and a trail in its second region');
    expect(multi.homeRegion).toBe(home);
    member.trails = member.trails.filter((t) => t !== gone);
    const result = await syncOnce();
    expect(result.errors).toEqual([]);
    // The other region's cleanup deleted its own trail, not the shadow of the multi-Region one.
    expect(
      await count(store, 'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN count(t) AS c', { arn: gone.arn }),
    ).toBe(0);
    expect(
      await count(store, 'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN count(t) AS c', { arn: multi.arn }),
    ).toBe(1);
    await expectGraphMatchesEstate(store, estate);
  });

  it('reports a region where CloudTrail is denied, keeps its trails, and syncs the rest', async () => {
    await syncOnce();
    const [member] = activeMembers(estate);
    const region = member?.enabledRegions[0] as string;
    if (!member) throw new Error('no member');
    emulator?.setFaults([
      {
        service: 'cloudtrail',
        account: member.id,
        region,
        operation: 'DescribeTrails',
        kind: 'AccessDenied',
      },
    ]);
    const result = await syncOnce();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/${region}`,
      collector: 'cloudtrail:trails',
      code: 'ACCESS_DENIED',
    });
    expect(
      await count(
        store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSCloudTrailTrail {region: $region}) RETURN count(t) AS c',
        { account: member.id, region },
      ),
    ).toBe(member.trails.filter((t) => t.homeRegion === region).length);
    emulator?.setFaults([]);
    expect((await syncOnce()).status).toBe('success');
    await expectGraphMatchesEstate(store, estate);
  });

  it('syncs CloudTrail alone with --aws-services cloudtrail, and leaves a refused status unknown', async () => {
    const [member] = activeMembers(estate);
    const trail = member?.trails[0];
    if (!member || !trail) throw new Error('no member trail');
    emulator?.setFaults([
      {
        service: 'cloudtrail',
        account: member.id,
        region: trail.homeRegion,
        operation: 'GetTrailStatus',
        kind: 'AccessDenied',
      },
    ]);
    const result = await syncOnce({ awsServices: ['cloudtrail'] });
    expect(result.status).toBe('success');
    const trails = activeMembers(estate).reduce((n, a) => n + a.trails.length, 0);
    expect(await count(store, 'MATCH (t:AWSCloudTrailTrail) RETURN count(t) AS c')).toBe(trails);
    expect(await count(store, 'MATCH (i:AWSEC2Instance) RETURN count(i) AS c')).toBe(0);
    const [row] = await store.read(
      'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN t.is_logging AS logging, t.event_selectors AS selectors',
      { arn: trail.arn },
    );
    expect(row?.logging).toBeNull();
    expect(row?.selectors).toEqual(expect.any(String));
    expect(emulator?.stats().byOperation['cloudtrail:DescribeTrails']).toBe(
      activeMembers(estate).reduce((n, a) => n + a.enabledRegions.length, 0),
    );
  });
});
