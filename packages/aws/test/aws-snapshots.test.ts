import type { AwsEstate } from '@skygraph/aws/emulator';
import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

/** The account whose first region holds the seeded shared snapshots and images. */
function seededMember(estate: AwsEstate) {
  const member = activeMembers(estate).find((a) =>
    Object.values(a.regions).some((r) => r.snapshots.some((s) => s.sharing.public)),
  );
  const region = member?.enabledRegions[0];
  const resources = region ? member?.regions[region] : undefined;
  if (!member || !region || !resources) throw new Error('no member with seeded snapshots');
  return { member, region, resources };
}

describe('AWS snapshots and images', () => {
  const aws = useEmulatedAws({ estate: { seed: 53 }, warnFields: ['collector', 'id', 'operation'] });

  it('writes the owned EBS snapshots, AMIs and RDS snapshots with who they are shared with', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const { member, region, resources } = seededMember(aws.estate);

    const snapshots = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(s:AWSEBSSnapshot:EBSSnapshot:Snapshot {region: $region})
       RETURN s.id AS id, s.ispublic AS ispublic, s.shared_with_accounts AS shared, s.encrypted AS encrypted, s.ownerid AS owner
       ORDER BY id`,
      { account: member.id, region },
    );
    expect(snapshots).toEqual(
      [...resources.snapshots]
        .sort((a, b) => a.snapshotId.localeCompare(b.snapshotId))
        .map((s) => ({
          id: s.snapshotId,
          ispublic: s.sharing.public,
          shared: s.sharing.accountIds,
          encrypted: s.encrypted,
          owner: member.id,
        })),
    );

    const publicImage = resources.images.find((i) => i.sharing.public);
    const [image] = await aws.store.read(
      'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(i:AWSEC2Image:EC2Image {id: $id}) RETURN i.imageid AS imageid, i.ispublic AS ispublic, i.owner AS owner',
      { account: member.id, id: `${publicImage?.imageId}|${region}` },
    );
    expect(image).toEqual({ imageid: publicImage?.imageId, ispublic: true, owner: member.id });

    const shared = resources.dbSnapshots.find((s) => s.sharing.accountIds.length > 0 && !s.sharing.public);
    const [db] = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(s:AWSRDSSnapshot:RDSSnapshot:Snapshot {id: $arn})-[:IS_SNAPSHOT_SOURCE]->(d:AWSRDSInstance)
       RETURN s.ispublic AS ispublic, s.shared_with_accounts AS shared, s.snapshot_type AS type, d.db_instance_identifier AS instance`,
      { account: member.id, arn: shared?.dbSnapshotArn },
    );
    expect(db).toEqual({
      ispublic: false,
      shared: shared?.sharing.accountIds,
      type: 'manual',
      instance: shared?.dbInstanceIdentifier,
    });
    // Automated snapshots cannot be shared: no attribute request is made for them.
    const manual = activeMembers(aws.estate)
      .flatMap((a) => Object.values(a.regions))
      .reduce((n, r) => n + r.dbSnapshots.filter((s) => s.snapshotType === 'manual').length, 0);
    expect(aws.emulator.stats().byOperation['rds:DescribeDBSnapshotAttributes']).toBe(manual);
  });

  it('leaves the sharing of a snapshot unknown when its attribute is refused, with one warning each', async () => {
    const { member, region, resources } = seededMember(aws.estate);
    aws.emulator.setFaults([
      {
        service: 'ec2',
        account: member.id,
        region,
        operation: 'DescribeSnapshotAttribute',
        kind: 'AccessDenied',
      },
    ]);
    const { result, warnings } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const refused = warnings.filter((w) => w.operation === 'DescribeSnapshotAttribute');
    expect(refused.map((w) => w.id).sort()).toEqual(resources.snapshots.map((s) => s.snapshotId).sort());
    expect(refused[0]).toMatchObject({ collector: 'ec2:snapshots' });
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(s:AWSEBSSnapshot {region: $region}) WHERE s.ispublic IS NULL RETURN count(s) AS c',
        { account: member.id, region },
      ),
    ).toBe(resources.snapshots.length);
  });

  it('drops a deleted snapshot on the next sync', async () => {
    await aws.sync();
    const { resources } = seededMember(aws.estate);
    const gone = resources.snapshots.pop();
    const goneDb = resources.dbSnapshots.pop();
    const { result } = await aws.sync();
    expect(result.status).toBe('success');
    expect(
      await count(aws.store, 'MATCH (s:AWSEBSSnapshot {id: $id}) RETURN count(s) AS c', {
        id: gone?.snapshotId,
      }),
    ).toBe(0);
    expect(
      await count(aws.store, 'MATCH (s:AWSRDSSnapshot {id: $id}) RETURN count(s) AS c', {
        id: goneDb?.dbSnapshotArn,
      }),
    ).toBe(0);
    await expectGraphMatchesEstate(aws.store, aws.estate);
  });
});
