import { describe, expect, it } from 'vitest';
import { activeMembers, expectRegionalLabelsMatchEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS Systems Manager', () => {
  const aws = useEmulatedAws({ estate: { seed: 61 }, warnFields: ['collector', 'operation'] });

  it('links managed instances to their EC2 instances and writes parameter metadata, never a value', async () => {
    const { result, warnings } = await aws.sync({ awsServices: ['ec2', 'kms', 'ssm'] });
    expect(result.status).toBe('success');
    expect(warnings).toEqual([]);
    await expectRegionalLabelsMatchEstate(aws.store, aws.estate, [
      'AWSSSMInstanceInformation',
      'AWSSSMParameter',
    ]);
    const members = activeMembers(aws.estate);
    const regions = members.flatMap((a) => Object.values(a.regions));
    const managed = regions.reduce((n, r) => n + r.ssmManagedInstances.length, 0);
    expect(managed).toBeGreaterThan(0);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSEC2Instance)-[:HAS_INFORMATION]->(s:AWSSSMInstanceInformation:SSMInstanceInformation) RETURN count(s) AS c',
      ),
    ).toBe(managed);
    const rows = await aws.store.read(
      `MATCH (p:AWSSSMParameter:SSMParameter) WHERE p.name STARTS WITH '/legacy/db/'
       OPTIONAL MATCH (p)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
       RETURN DISTINCT p.name AS name, p.type AS type, p.secret_like_name AS secretLike, k IS NOT NULL AS keyed, p.value AS value
       ORDER BY name`,
    );
    expect(rows).toEqual([
      { name: '/legacy/db/password', type: 'String', secretLike: true, keyed: false, value: null },
      {
        name: '/legacy/db/password-secure',
        type: 'SecureString',
        secretLike: true,
        keyed: true,
        value: null,
      },
    ]);
    const stats = aws.emulator.stats().byOperation ?? {};
    expect(stats['ssm:GetParameter'] ?? 0).toBe(0);
    expect(stats['ssm:GetParameters'] ?? 0).toBe(0);
  });

  it('costs one DescribeInstanceInformation and one DescribeParameters per 50 per region; a denied region fails alone', async () => {
    await aws.sync({ awsServices: ['ssm'] });
    const stats = aws.emulator.stats().byOperation ?? {};
    const members = activeMembers(aws.estate);
    const regions = members.flatMap((a) => Object.values(a.regions));
    const pages = (n: number) => Math.max(1, Math.ceil(n / 50));
    expect(stats['ssm:DescribeInstanceInformation']).toBe(
      regions.reduce((n, r) => n + pages(r.ssmManagedInstances.length), 0),
    );
    expect(stats['ssm:DescribeParameters']).toBe(
      regions.reduce((n, r) => n + pages(r.ssmParameters.length), 0),
    );

    const [member] = members;
    const region = member?.enabledRegions[0] as string;
    aws.emulator.setFaults([
      {
        service: 'ssm',
        account: member?.id,
        region,
        operation: 'DescribeInstanceInformation',
        kind: 'AccessDenied',
      },
    ]);
    const denied = await aws.sync({ awsServices: ['ssm'] });
    expect(denied.result.status).toBe('partial');
    expect(denied.result.errors).toHaveLength(1);
    expect(denied.result.errors[0]).toMatchObject({
      scope: `aws/${member?.id}/${region}`,
      collector: 'ssm:instances-parameters',
      code: 'ACCESS_DENIED',
    });
  });
});
