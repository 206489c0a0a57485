import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS account settings: EBS encryption by default and AWS Config', () => {
  const aws = useEmulatedAws({ estate: { seed: 61 } });

  it('writes one EBS default encryption node per region and the Config recorders with their status', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const [member] = activeMembers(aws.estate);
    if (!member) throw new Error('no member');
    const rows = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(e:AWSEBSDefaultEncryption)
       OPTIONAL MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(r:AWSConfigurationRecorder {region: e.region})
       RETURN e.id AS id, e.region AS region, e.enabled AS enabled, r.id AS recorder, r.recording AS recording
       ORDER BY region`,
      { account: member.id },
    );
    expect(rows).toEqual(
      [...member.enabledRegions].sort().map((region) => {
        const settings = member.regionSettings?.[region];
        const recorder = settings?.configRecorders[0];
        return {
          id: `${member.id}:${region}`,
          region,
          enabled: settings?.ebsEncryptionByDefault,
          recorder: recorder ? `${recorder.name}:${member.id}:${region}` : null,
          recording: recorder ? recorder.recording : null,
        };
      }),
    );
    // One request each per account and region, three for Config.
    const regions = activeMembers(aws.estate).reduce((n, a) => n + a.enabledRegions.length, 0);
    const stats = aws.emulator.stats().byOperation ?? {};
    expect(stats['ec2:GetEbsEncryptionByDefault']).toBe(regions);
    expect(stats['config:DescribeConfigurationRecorders']).toBe(regions);
    expect(stats['config:DescribeConfigurationRecorderStatus']).toBe(regions);
    expect(stats['config:DescribeDeliveryChannels']).toBe(regions);
  });

  it('reports a region where Config is denied and keeps the rest of the region', async () => {
    const [member] = activeMembers(aws.estate);
    const region = member?.enabledRegions[0] as string;
    if (!member) throw new Error('no member');
    aws.emulator.setFaults([
      {
        service: 'config',
        account: member.id,
        region,
        operation: 'DescribeConfigurationRecorders',
        kind: 'AccessDenied',
      },
    ]);
    const { result } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/${region}`,
      collector: 'config:recorders',
    });
    expect(
      await count(aws.store, 'MATCH (e:AWSEBSDefaultEncryption {id: $id}) RETURN count(e) AS c', {
        id: `${member.id}:${region}`,
      }),
    ).toBe(1);
  });

  it("writes each account's S3 Block Public Access per region, and nothing for an account that never set it", async () => {
    const { result } = await aws.sync({ awsServices: ['s3'] });
    expect(result.errors).toEqual([]);
    const members = activeMembers(aws.estate);
    // The generator seeds one account without the configuration and one with half of it.
    expect(members.some((a) => a.s3PublicAccessBlock === undefined)).toBe(true);
    for (const account of members) {
      const rows = await aws.store.read(
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(p:AWSS3AccountPublicAccessBlock:S3AccountPublicAccessBlock)
         RETURN p.id AS id, p.block_public_acls AS acls, p.ignore_public_acls AS ignore,
                p.block_public_policy AS policy, p.restrict_public_buckets AS restrict
         ORDER BY id`,
        { account: account.id },
      );
      const block = account.s3PublicAccessBlock;
      expect(rows).toEqual(
        block
          ? [...account.enabledRegions].sort().map((region) => ({
              id: `${account.id}:${region}`,
              acls: block.blockPublicAcls,
              ignore: block.ignorePublicAcls,
              policy: block.blockPublicPolicy,
              restrict: block.restrictPublicBuckets,
            }))
          : [],
      );
    }
    const regions = members.reduce((n, a) => n + a.enabledRegions.length, 0);
    expect(aws.emulator.stats().byOperation['s3control:GetPublicAccessBlock']).toBe(regions);
  });
});
