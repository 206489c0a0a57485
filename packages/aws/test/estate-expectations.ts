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
  // The Identity Center instance is written from the one region it lives in.
  const ic = account.identityCenter?.region === regionName ? account.identityCenter : undefined;
  // A peering connection shows in the requester's region and, from elsewhere, in the accepter's.
  const accepted = estate.accounts
    .flatMap((a) =>
      Object.entries(a.regions).flatMap(([r, res]) =>
        a === account && r === regionName ? [] : res.vpcPeeringConnections,
      ),
    )
    .filter((p) => p.accepterVpcInfo.ownerId === account.id && p.accepterVpcInfo.region === regionName);
  const used = new Set(
    region.ecsClusters.flatMap((c) => [...c.services, ...c.tasks].map((x) => x.taskDefinition)),
  );
  const inUse = region.ecsTaskDefinitions.filter((d) => used.has(`${d.family}:${d.revision}`));
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
    // The snapshots and AMIs the account owns (DescribeSnapshots OwnerIds=self, DescribeImages Owners=self).
    EBSSnapshot: region.snapshots.length,
    EC2Image: region.images.length,
    RDSSnapshot: region.dbSnapshots.length,
    LaunchTemplate: region.launchTemplates.length,
    LaunchTemplateVersion: region.launchTemplates.reduce((n, t) => n + t.versions.length, 0),
    LaunchConfiguration: region.launchConfigurations.length,
    AutoScalingGroup: region.autoScalingGroups.length,
    // One per region synced, whatever the setting.
    AWSEBSDefaultEncryption: 1,
    AWSConfigurationRecorder: account.regionSettings?.[regionName]?.configRecorders.length ?? 0,
    AWSConfigDeliveryChannel: account.regionSettings?.[regionName]?.configDeliveryChannels.length ?? 0,
    // The account's S3 Block Public Access, once per region synced (none when the account never set it).
    AWSS3AccountPublicAccessBlock: account.s3PublicAccessBlock ? 1 : 0,
    AWSLambda: region.lambdaFunctions.length,
    // A layer version is one node however many functions use it.
    AWSLambdaLayer: new Set(region.lambdaFunctions.flatMap((f) => f.layers.map((l) => l.arn))).size,
    AWSLambdaFunctionAlias: region.lambdaFunctions.reduce((n, f) => n + f.aliases.length, 0),
    AWSEKSCluster: region.eksClusters.length,
    AWSEKSNodegroup: region.eksClusters.reduce((n, c) => n + c.nodegroups.length, 0),
    AWSEKSAccessEntry: region.eksClusters.reduce((n, c) => n + c.accessEntries.length, 0),
    // A trail is written once, from its home region, by its owner: shadows are not nodes.
    CloudTrailTrail: account.trails.filter((t) => t.homeRegion === regionName).length,
    // ListSecrets leaves out secrets scheduled for deletion; versions are listed deprecated ones included.
    AWSSecretsManagerSecret: region.secrets.filter((s) => s.deletedDate === undefined).length,
    AWSSecretsManagerSecretVersion: region.secrets
      .filter((s) => s.deletedDate === undefined)
      .reduce((n, s) => n + s.versions.length, 0),
    AWSSSMInstanceInformation: region.ssmManagedInstances.length,
    AWSSSMParameter: region.ssmParameters.length,
    AWSDynamoDBTable: region.dynamodbTables.length,
    AWSSQSQueue: region.sqsQueues.length,
    AWSSNSTopic: region.snsTopics.length,
    // Pending (email) subscriptions have no ARN yet and are not written.
    AWSSNSTopicSubscription: region.snsTopics.reduce(
      (n, t) => n + t.subscriptions.filter((s) => s.protocol !== 'email').length,
      0,
    ),
    AWSDynamoDBGlobalSecondaryIndex: region.dynamodbTables.reduce(
      (n, t) => n + t.globalSecondaryIndexes.length,
      0,
    ),
    AWSECSCluster: region.ecsClusters.length,
    AWSECSService: region.ecsClusters.reduce((n, c) => n + c.services.length, 0),
    AWSECSTask: region.ecsClusters.reduce((n, c) => n + c.tasks.length, 0),
    AWSECSContainer: region.ecsClusters.reduce(
      (n, c) => n + c.tasks.reduce((m, t) => m + t.containers.length, 0),
      0,
    ),
    // Only the task definitions a service or a running task uses.
    AWSECSTaskDefinition: inUse.length,
    AWSECSContainerDefinition: inUse.reduce((n, d) => n + d.containerDefinitions.length, 0),
    AWSECRRepository: region.ecrRepositories.length,
    // An image is one node per digest; a repository image one per tag (untagged: one per repository).
    AWSECRImage: new Set(region.ecrRepositories.flatMap((r) => r.images.map((i) => i.imageDigest))).size,
    AWSECRRepositoryImage: region.ecrRepositories.reduce(
      (n, r) => n + r.images.reduce((m, i) => m + Math.max(1, i.imageTags.length), 0),
      0,
    ),
    AWSIdentityCenter: ic ? 1 : 0,
    AWSPermissionSet: ic?.permissionSets.length ?? 0,
    AWSSSOUser: ic?.users.length ?? 0,
    AWSSSOGroup: ic?.groups.length ?? 0,
    AWSGuardDutyDetector: region.guardDutyDetectors.length,
    // One coverage node per account-region GuardDuty answered in, with or without a detector.
    AWSGuardDutyRegionStatus: 1,
    // Only the active findings: archived ones were dismissed.
    AWSGuardDutyFinding: region.guardDutyDetectors.reduce(
      (n, d) => n + d.findings.filter((f) => !f.archived).length,
      0,
    ),
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
    ...dnsCounts(account),
  };
}

/** Route 53: the zones, their A/AAAA/CNAME/alias/NS records and the name servers public zones' NS records name. */
function dnsCounts(account: AwsAccount): Record<string, number> {
  const zones = account.hostedZones ?? [];
  const sets = zones.flatMap((z) => z.recordSets);
  // Private zones' name servers (the same for every private zone) are not written.
  const servers = zones
    .filter((z) => !z.privateZone)
    .flatMap((z) => z.recordSets)
    .filter((r) => r.type === 'NS')
    .flatMap((r) => (r.resourceRecords ?? []).map((v) => v.replace(/\.$/, '')));
  return {
    AWSDNSZone: zones.length,
    AWSDNSRecord: sets.filter((r) => ['A', 'AAAA', 'CNAME', 'NS'].includes(r.type)).length,
    AWSNameServer: new Set(servers).size,
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

/** Asserts the graph holds what the estate says for the given regional labels only (a sync of some services). */
export async function expectRegionalLabelsMatchEstate(
  store: GraphStore,
  estate: AwsEstate,
  labels: readonly string[],
): Promise<void> {
  for (const account of activeMembers(estate)) {
    for (const region of Object.keys(account.regions)) {
      const all = regionCounts(estate, account, region);
      const expected = Object.fromEntries(labels.map((l) => [l, all[l]]));
      const actual: Record<string, number> = {};
      for (const label of labels) {
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
  }
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
