import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS CloudTrail', () => {
  const aws = useEmulatedAws({ estate: { seed: 53 } });

  it('writes each trail once, from its home region, with its status, selectors, bucket and key', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const management = aws.estate.accounts[0];
    const org = management?.trails.find((t) => t.isOrganizationTrail);
    if (!management || !org) throw new Error('no organisation trail');
    // Seen from every region of every member, the organisation trail is still one node, the management account's.
    const rows = await aws.store.read(
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
    expect(aws.estate.accounts[2]?.buckets.map((b) => b.name)).toContain(org.s3BucketName);
    const advanced = management.trails.find((t) => t.advancedEventSelectors !== undefined);
    const [selectors] = await aws.store.read(
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
    const trails = aws.estate.accounts
      .filter((a) => activeMembers(aws.estate).includes(a))
      .reduce((n, a) => n + a.trails.length, 0);
    expect(await count(aws.store, 'MATCH (t:AWSCloudTrailTrail) RETURN count(t) AS c')).toBe(trails);
  });

  it("keeps a multi-Region trail when another region's scope is cleaned up, and removes a deleted trail", async () => {
    await aws.sync();
    const [member] = activeMembers(aws.estate);
    if (!member) throw new Error('no member');
    const [home, other] = member.enabledRegions as [string, string];
    const multi = member.trails.find((t) => t.isMultiRegionTrail);
    const gone = member.trails.find((t) => t.homeRegion === other);
    if (!multi || !gone)
      throw new Error('the member has a multi-Region trail and a trail in its second region');
    expect(multi.homeRegion).toBe(home);
    member.trails = member.trails.filter((t) => t !== gone);
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    // The other region's cleanup deleted its own trail, not the shadow of the multi-Region one.
    expect(
      await count(aws.store, 'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN count(t) AS c', {
        arn: gone.arn,
      }),
    ).toBe(0);
    expect(
      await count(aws.store, 'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN count(t) AS c', {
        arn: multi.arn,
      }),
    ).toBe(1);
    await expectGraphMatchesEstate(aws.store, aws.estate);
  });

  it('reports a region where CloudTrail is denied, keeps its trails, and syncs the rest', async () => {
    await aws.sync();
    const [member] = activeMembers(aws.estate);
    const region = member?.enabledRegions[0] as string;
    if (!member) throw new Error('no member');
    aws.emulator.setFaults([
      {
        service: 'cloudtrail',
        account: member.id,
        region,
        operation: 'DescribeTrails',
        kind: 'AccessDenied',
      },
    ]);
    const { result } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/${region}`,
      collector: 'cloudtrail:trails',
      code: 'ACCESS_DENIED',
    });
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSCloudTrailTrail {region: $region}) RETURN count(t) AS c',
        { account: member.id, region },
      ),
    ).toBe(member.trails.filter((t) => t.homeRegion === region).length);
    aws.emulator.setFaults([]);
    expect((await aws.sync()).result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
  });

  it('syncs CloudTrail alone with --aws-services cloudtrail, and leaves a refused status unknown', async () => {
    const [member] = activeMembers(aws.estate);
    const trail = member?.trails[0];
    if (!member || !trail) throw new Error('no member trail');
    aws.emulator.setFaults([
      {
        service: 'cloudtrail',
        account: member.id,
        region: trail.homeRegion,
        operation: 'GetTrailStatus',
        kind: 'AccessDenied',
      },
    ]);
    const { result } = await aws.sync({ awsServices: ['cloudtrail'] });
    expect(result.status).toBe('success');
    const trails = activeMembers(aws.estate).reduce((n, a) => n + a.trails.length, 0);
    expect(await count(aws.store, 'MATCH (t:AWSCloudTrailTrail) RETURN count(t) AS c')).toBe(trails);
    expect(await count(aws.store, 'MATCH (i:AWSEC2Instance) RETURN count(i) AS c')).toBe(0);
    const [row] = await aws.store.read(
      'MATCH (t:AWSCloudTrailTrail {id: $arn}) RETURN t.is_logging AS logging, t.event_selectors AS selectors',
      { arn: trail.arn },
    );
    expect(row?.logging).toBeNull();
    expect(row?.selectors).toEqual(expect.any(String));
    expect(aws.emulator.stats().byOperation['cloudtrail:DescribeTrails']).toBe(
      activeMembers(aws.estate).reduce((n, a) => n + a.enabledRegions.length, 0),
    );
  });
});
