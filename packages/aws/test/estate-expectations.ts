import type { AwsAccount, AwsEstate, AwsRegionResources } from '@skygraph/aws/emulator';
import type { GraphStore } from '@skygraph/core';
import { expect } from 'vitest';
import { count } from './sync-helpers.ts';

/** Regional labels and how many nodes of each the estate says an account's region holds. */
export function regionCounts(
  estate: AwsEstate,
  account: AwsAccount,
  regionName: string,
): Record<string, number> {
  const region = account.regions[regionName] as AwsRegionResources;
  // A peering connection shows in the requester's region and, from elsewhere, in the accepter's.
  const accepted = estate.accounts
    .flatMap((a) =>
      Object.entries(a.regions).flatMap(([r, res]) =>
        a === account && r === regionName ? [] : res.vpcPeeringConnections,
      ),
    )
    .filter((p) => p.accepterVpcInfo.ownerId === account.id && p.accepterVpcInfo.region === regionName);
  return {
    AWSVpc: region.vpcs.length,
    EC2Subnet: region.subnets.length,
    EC2SecurityGroup: region.securityGroups.length,
    EC2Instance: region.instances.length,
    EC2Reservation: new Set(region.instances.map((i) => i.reservationId)).size,
    NetworkInterface: region.networkInterfaces.length,
    EC2KeyPair: region.keyPairs.length,
    EBSVolume: region.volumes.length,
    AWSInternetGateway: region.internetGateways.length,
    AWSPeeringConnection: region.vpcPeeringConnections.length + accepted.length,
    AWSLoadBalancer: region.classicLoadBalancers.length,
    AWSLoadBalancerV2: region.loadBalancers.length,
    ELBV2Listener: region.listeners.length,
    DBSubnetGroup: region.dbSubnetGroups.length,
    RDSCluster: region.dbClusters.length,
    RDSInstance: region.dbInstances.length,
  };
}

/** Account-level labels and their counts in the estate. */
export function accountCounts(estate: AwsEstate, account: AwsAccount): Record<string, number> {
  const used = new Set(
    [...account.iam.users, ...account.iam.groups, ...account.iam.roles].flatMap((e) => e.attachedPolicyArns),
  );
  const awsManaged = estate.awsManagedPolicies.filter((p) => used.has(p.arn)).length;
  return {
    AWSUser: account.iam.users.length,
    AWSGroup: account.iam.groups.length,
    AWSRole: account.iam.roles.length,
    AWSManagedPolicy: account.iam.policies.length + awsManaged,
    AccountAccessKey: account.iam.users.reduce((n, u) => n + u.accessKeys.length, 0),
    S3Bucket: account.buckets.length,
  };
}

/** The member accounts a sync of the organisation covers. */
export function activeMembers(estate: AwsEstate): AwsAccount[] {
  return estate.accounts.filter((a) => a.parentId !== undefined && a.status === 'ACTIVE');
}

/** The instance tagged `Name=<name>` in a region. */
export function instanceNamed(region: AwsRegionResources, name: string) {
  const found = region.instances.find((i) => i.tags.some((t) => t.key === 'Name' && t.value === name));
  if (!found) throw new Error(`no instance named ${name}`);
  return found;
}

/** Asserts the graph holds exactly what the estate says, label by label, account by account, region by region. */
export async function expectGraphMatchesEstate(store: GraphStore, estate: AwsEstate): Promise<void> {
  for (const account of activeMembers(estate)) {
    for (const region of Object.keys(account.regions)) {
      const actual: Record<string, number> = {};
      const expected = regionCounts(estate, account, region);
      for (const label of Object.keys(expected)) {
        actual[label] = await count(
          store,
          `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(n:${label} {region: $region}) RETURN count(n) AS c`,
          { account: account.id, region },
        );
      }
      expect({ account: account.name, region, ...actual }).toEqual({
        account: account.name,
        region,
        ...expected,
      });
    }
    const expected = accountCounts(estate, account);
    const actual: Record<string, number> = {};
    for (const label of Object.keys(expected)) {
      actual[label] = await count(
        store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(n:${label}) RETURN count(n) AS c`,
        { account: account.id },
      );
    }
    expect({ account: account.name, ...actual }).toEqual({ account: account.name, ...expected });
  }
}
