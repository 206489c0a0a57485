import { describe, expect, it } from 'vitest';
import { accountById, makeBucketPublic, openToWorld, regionResources } from './estate-helpers.ts';
import { S3_ALL_USERS } from './estate-types.ts';
import { generateAwsEstate } from './generate-estate.ts';

describe('estate helpers', () => {
  it('open a group to the world, make a bucket public and enable a new region', () => {
    const estate = generateAwsEstate({ seed: 71, accounts: 2, regionsPerAccount: 1, resourcesPerRegion: 2 });
    const account = accountById(estate, estate.organization.managementAccountId);
    const group = regionResources(account, 'us-east-1').securityGroups.find((g) =>
      g.groupName.startsWith('app-'),
    );
    if (!group) throw new Error('no group');
    openToWorld(group, 22);
    expect(group.ipPermissions.at(-1)).toMatchObject({
      ipProtocol: 'tcp',
      fromPort: 22,
      ipRanges: [{ cidrIp: '0.0.0.0/0' }],
    });
    const bucket = account.buckets.find((b) => b.publicAccessBlock);
    if (!bucket) throw new Error('no blocked bucket');
    makeBucketPublic(bucket);
    expect(bucket.publicAccessBlock).toBeUndefined();
    expect(bucket.grants.some((g) => g.grantee.type === 'Group' && g.grantee.uri === S3_ALL_USERS)).toBe(
      true,
    );
    expect(regionResources(account, 'ap-south-1').instances).toEqual([]);
    expect(account.enabledRegions).toContain('ap-south-1');
    expect(() => accountById(estate, '000000000000')).toThrow(/no account/);
  });
});
