import type {
  AwsAccount,
  AwsBucket,
  AwsEstate,
  AwsRegionResources,
  AwsSecurityGroup,
} from './estate-types.ts';
import { S3_ALL_USERS } from './estate-types.ts';
import { emptyRegion } from './generate-region.ts';

/** The account with this id; throws when the estate has none, so tests fail where the mistake is. */
export function accountById(estate: AwsEstate, accountId: string): AwsAccount {
  const account = estate.accounts.find((a) => a.id === accountId);
  if (!account) throw new Error(`no account ${accountId} in the estate`);
  return account;
}

/** The resources of an account's region, enabling and creating the region when it has none yet. */
export function regionResources(account: AwsAccount, region: string): AwsRegionResources {
  let resources = account.regions[region];
  if (!resources) {
    resources = emptyRegion();
    account.regions[region] = resources;
  }
  if (!account.enabledRegions.includes(region)) account.enabledRegions.push(region);
  return resources;
}

/**
 * Adds an ingress rule from 0.0.0.0/0 (and ::/0): `port` undefined opens every protocol and port.
 *
 * @example
 * openToWorld(group, 22);
 */
export function openToWorld(group: AwsSecurityGroup, port?: number): void {
  group.ipPermissions.push({
    ipProtocol: port === undefined ? '-1' : 'tcp',
    ...(port === undefined ? {} : { fromPort: port, toPort: port }),
    ipRanges: [{ cidrIp: '0.0.0.0/0' }],
    ipv6Ranges: [{ cidrIpv6: '::/0' }],
    userIdGroupPairs: [],
    prefixListIds: [],
  });
}

/** Grants AllUsers READ on the bucket ACL and drops its public access block, as a careless console click would. */
export function makeBucketPublic(bucket: AwsBucket): void {
  if (
    !bucket.grants.some(
      (g) => g.grantee.type === 'Group' && g.grantee.uri === S3_ALL_USERS && g.permission === 'READ',
    )
  ) {
    bucket.grants.push({ grantee: { type: 'Group', uri: S3_ALL_USERS }, permission: 'READ' });
  }
  delete bucket.publicAccessBlock;
}
