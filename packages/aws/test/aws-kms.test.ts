import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS KMS when access is refused', () => {
  const aws = useEmulatedAws({ estate: { seed: 47 }, warnFields: ['collector', 'key', 'operation'] });

  it('keeps a key whose policy the audit role may not read, with its analysis unknown, and says which', async () => {
    const [, member] = activeMembers(aws.estate);
    const region = member?.enabledRegions[0] as string;
    const key = member?.regions[region]?.kmsKeys.find((k) => k.keyManager === 'CUSTOMER');
    if (!member || !key) throw new Error('the member has no customer key');
    // The account may use and describe the key, not read its policy or rotation status.
    key.policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${member.id}:root` },
          Action: ['kms:Describe*', 'kms:List*', 'kms:Encrypt', 'kms:Decrypt'],
          Resource: '*',
        },
      ],
    };
    const { result, warnings } = await aws.sync();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const [row] = await aws.store.read(
      'MATCH (k:AWSKMSKey {id: $id}) RETURN k.anonymous_access AS anonymous, k.policy AS policy, k.rotation_enabled AS rotation, k.key_state AS state',
      { id: key.keyId },
    );
    expect(row).toEqual({ anonymous: null, policy: null, rotation: null, state: 'Enabled' });
    expect(warnings.filter((w) => w.key !== undefined)).toEqual([
      {
        msg: 'a KMS key request refused; left unknown',
        collector: 'kms:keys',
        key: key.keyId,
        operation: 'GetKeyPolicy',
      },
      {
        msg: 'a KMS key request refused; left unknown',
        collector: 'kms:keys',
        key: key.keyId,
        operation: 'GetKeyRotationStatus',
      },
    ]);
  });

  it('reports a region where KMS is denied, keeps its keys, and syncs the rest of the region', async () => {
    const first = await aws.sync();
    expect(first.result.status).toBe('success');
    const [, member] = activeMembers(aws.estate);
    const region = member?.enabledRegions[1] as string;
    const resources = member?.regions[region];
    if (!member || !resources) throw new Error('the member has no second region');
    // A key deleted for good takes its aliases with it.
    const goneKey = resources.kmsKeys.pop();
    resources.kmsAliases = resources.kmsAliases.filter((a) => a.targetKeyId !== goneKey?.keyId);
    const goneInstance = resources.instances.pop();
    aws.emulator.setFaults([
      { service: 'kms', account: member.id, region, operation: 'ListKeys', kind: 'AccessDenied' },
    ]);

    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      provider: 'aws',
      scope: `aws/${member.id}/${region}`,
      collector: 'kms:keys',
      code: 'ACCESS_DENIED',
    });
    expect(result.errors[0]?.message).toContain('AccessDeniedException');
    expect(
      warnings.filter((w) => w.collector === 'kms:keys' || w.msg.includes('collector failed')),
    ).toHaveLength(1);
    // The denied region keeps the key it can no longer list; its EC2 data is refreshed but, the scope having failed, not cleaned up.
    expect(
      await count(aws.store, 'MATCH (k:AWSKMSKey {id: $id}) RETURN count(k) AS c', { id: goneKey?.keyId }),
    ).toBe(1);
    expect(
      await count(aws.store, 'MATCH (i:AWSEC2Instance {id: $id}) RETURN count(i) AS c', {
        id: goneInstance?.instanceId,
      }),
    ).toBe(1);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(k:AWSKMSKey {region: $region}) RETURN count(k) AS c',
        { account: member.id, region: member.enabledRegions[0] },
      ),
    ).toBe(member.regions[member.enabledRegions[0] as string]?.kmsKeys.length);

    aws.emulator.setFaults([]);
    const healed = await aws.sync();
    expect(healed.result.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
  });

  it('syncs KMS alone with --aws-services kms', async () => {
    const { result } = await aws.sync({ awsServices: ['kms'] });
    expect(result.status).toBe('success');
    const members = activeMembers(aws.estate);
    const keys = members.reduce(
      (n, a) => n + Object.values(a.regions).reduce((m, r) => m + r.kmsKeys.length, 0),
      0,
    );
    expect(await count(aws.store, 'MATCH (k:AWSKMSKey) RETURN count(k) AS c')).toBe(keys);
    expect(await count(aws.store, 'MATCH (i:AWSEC2Instance) RETURN count(i) AS c')).toBe(0);
    expect(aws.emulator.stats().byService.ec2 ?? 0).toBe(
      aws.emulator.stats().byOperation['ec2:DescribeRegions'] ?? 0,
    );
  });
});
