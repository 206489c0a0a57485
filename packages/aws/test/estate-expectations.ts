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
    KMSKey: region.kmsKeys.length,
    // Aliases of the keys listed; AWS's predefined aliases that name no key are not written.
    KMSAlias: region.kmsAliases.filter((a) => region.kmsKeys.some((k) => k.keyId === a.targetKeyId)).length,
    KMSGrant: region.kmsKeys.reduce((n, k) => n + k.grants.length, 0),
    // A trail is written once, from its home region, by its owner: shadows are not nodes.
    CloudTrailTrail: account.trails.filter((t) => t.homeRegion === regionName).length,
    // ListSecrets leaves out secrets scheduled for deletion; versions are listed deprecated ones included.
    AWSSecretsManagerSecret: region.secrets.filter((s) => s.deletedDate === undefined).length,
    AWSSecretsManagerSecretVersion: region.secrets
      .filter((s) => s.deletedDate === undefined)
      .reduce((n, s) => n + s.versions.length, 0),
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
    AWSMfaDevice: account.iam.users.reduce((n, u) => n + u.mfaDevices.length, 0),
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

/**
 * Asserts the organisation scope wrote exactly the estate's SCPs and RCPs of
 * the types enabled on the root: each policy with its attachments (root, OU
 * and account ids) and the statements of its document.
 */
export async function expectOrganizationPoliciesMatchEstate(
  store: GraphStore,
  estate: AwsEstate,
): Promise<void> {
  const org = estate.organization;
  const enabled = new Set(org.policyTypes.filter((t) => t.status === 'ENABLED').map((t) => t.type));
  const policies = estate.organizationPolicies.filter((p) => enabled.has(p.type));
  const rows = await store.read(
    `MATCH (:AWSOrganization {id: $org})-[:RESOURCE]->(p:AWSOrganizationPolicy)
     RETURN p.id AS id, p.name AS name, p.type AS type, p.aws_managed AS aws_managed,
       [(p)-[:ATTACHED_TO]->(t) | coalesce(t.ou_id, t.root_id, t.id)] AS targets
     ORDER BY id`,
    { org: org.id },
  );
  const sorted = (ids: unknown) => [...(ids as string[])].sort();
  expect(rows.map((r) => ({ ...r, targets: sorted(r.targets) }))).toEqual(
    policies
      .map((p) => ({
        id: `${org.id}/${p.id}`,
        name: p.name,
        type: p.type,
        aws_managed: p.awsManaged,
        targets: sorted(p.targetIds),
      }))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  );
  expect(
    await count(
      store,
      'MATCH (:AWSOrganization {id: $org})-[:RESOURCE]->(:AWSOrganizationPolicy)-[:STATEMENT]->(s:AWSOrganizationPolicyStatement) RETURN count(s) AS c',
      { org: org.id },
    ),
  ).toBe(policies.reduce((n, p) => n + p.content.Statement.length, 0));
}
