import type { Collector } from '@skygraph/core';
import type { AwsScopeContext } from '../aws-context.ts';
import type { AwsService } from '../options.ts';
import { accountCollector } from './account.ts';
import { autoScalingGroupsCollector } from './autoscaling/groups.ts';
import { cloudTrailTrailsCollector } from './cloudtrail/trails.ts';
import { configRecordersCollector } from './config/recorders.ts';
import { dynamoDbTablesCollector } from './dynamodb/tables.ts';
import { ebsDefaultEncryptionCollector } from './ec2/ebs-default-encryption.ts';
import { imagesCollector } from './ec2/images.ts';
import { instancesCollector } from './ec2/instances.ts';
import { internetGatewaysCollector } from './ec2/internet-gateways.ts';
import { keyPairsCollector } from './ec2/key-pairs.ts';
import { launchTemplatesCollector } from './ec2/launch-templates.ts';
import { networkInterfacesCollector } from './ec2/network-interfaces.ts';
import { securityGroupsCollector } from './ec2/security-groups.ts';
import { snapshotsCollector } from './ec2/snapshots.ts';
import { subnetsCollector } from './ec2/subnets.ts';
import { volumesCollector } from './ec2/volumes.ts';
import { vpcPeeringCollector } from './ec2/vpc-peering.ts';
import { vpcsCollector } from './ec2/vpcs.ts';
import { ecrRepositoriesCollector } from './ecr/repositories.ts';
import { ecsClustersCollector } from './ecs/clusters.ts';
import { eksClustersCollector } from './eks/clusters.ts';
import { classicLoadBalancersCollector } from './elb/classic-load-balancers.ts';
import { loadBalancersV2Collector } from './elb/load-balancers-v2.ts';
import { guardDutyCollector } from './guardduty/detectors.ts';
import { accountIamCollector } from './iam/account-iam.ts';
import { groupsCollector } from './iam/groups.ts';
import { managedPoliciesCollector } from './iam/managed-policies.ts';
import { mfaDevicesCollector } from './iam/mfa-devices.ts';
import { rolesCollector } from './iam/roles.ts';
import { usersCollector } from './iam/users.ts';
import { identityCenterCollector } from './identitycenter/instances.ts';
import { kmsKeysCollector } from './kms/keys.ts';
import { lambdaFunctionsCollector } from './lambda/functions.ts';
import { dbClustersCollector } from './rds/clusters.ts';
import { dbInstancesCollector } from './rds/instances.ts';
import { dbSnapshotsCollector } from './rds/snapshots.ts';
import { dbSubnetGroupsCollector } from './rds/subnet-groups.ts';
import { route53Collector } from './route53/zones.ts';
import { accountPublicAccessBlockCollector } from './s3/account-public-access-block.ts';
import { bucketsCollector } from './s3/buckets.ts';
import { secretsCollector } from './secretsmanager/secrets.ts';
import { snsTopicsCollector } from './sns/topics.ts';
import { sqsQueuesCollector } from './sqs/queues.ts';
import { ssmCollector } from './ssm/ssm.ts';
import { tagsCollector } from './tags/resources.ts';

type AwsCollector = Collector<AwsScopeContext>;

/**
 * The collectors of a regional scope, in load order: relationship targets
 * before their sources (VPCs, subnets and security groups before interfaces
 * and instances; instances before the load balancers that expose them and the
 * volumes attached to them).
 */
export function regionalCollectors(services: readonly AwsService[]): AwsCollector[] {
  const out: AwsCollector[] = [];
  if (services.includes('ec2')) {
    out.push(
      vpcsCollector,
      subnetsCollector,
      securityGroupsCollector,
      keyPairsCollector,
      networkInterfacesCollector,
      instancesCollector,
      // Snapshots before the volumes created from them (CREATED_FROM).
      snapshotsCollector,
      volumesCollector,
      imagesCollector,
      launchTemplatesCollector,
      ebsDefaultEncryptionCollector,
      internetGatewaysCollector,
      vpcPeeringCollector,
    );
  }
  if (services.includes('elb')) out.push(classicLoadBalancersCollector, loadBalancersV2Collector);
  // After the EC2 collectors: a group points at its launch template, instances and subnets.
  if (services.includes('autoscaling')) out.push(autoScalingGroupsCollector);
  if (services.includes('config')) out.push(configRecordersCollector);
  if (services.includes('rds'))
    out.push(dbSubnetGroupsCollector, dbClustersCollector, dbInstancesCollector, dbSnapshotsCollector);
  if (services.includes('kms')) out.push(kmsKeysCollector);
  // After the keys too: a secret and its versions point at the key that encrypts them.
  if (services.includes('secretsmanager')) out.push(secretsCollector);
  // After the keys: a trail points at the key that encrypts its logs.
  if (services.includes('cloudtrail')) out.push(cloudTrailTrailsCollector);
  // After the EC2 collectors: a function in a VPC points at its subnets and security groups.
  if (services.includes('lambda')) out.push(lambdaFunctionsCollector);
  // After the EC2 collectors and the keys: node groups point at subnets, clusters at their secrets key.
  if (services.includes('eks')) out.push(eksClustersCollector);
  // After the keys: a table points at the key that encrypts it.
  if (services.includes('dynamodb')) out.push(dynamoDbTablesCollector);
  if (services.includes('ecr')) out.push(ecrRepositoriesCollector);
  if (services.includes('sqs')) out.push(sqsQueuesCollector);
  if (services.includes('sns')) out.push(snsTopicsCollector);
  // After EC2 and KMS: a managed instance points at its instance, a SecureString at its key.
  if (services.includes('ssm')) out.push(ssmCollector);
  // After ECR and the network interfaces: a container points at the image it runs, a task at its interface.
  if (services.includes('ecs')) out.push(ecsClustersCollector);
  // After the collectors of what findings name: a finding AFFECTS its instance, cluster, ...
  if (services.includes('guardduty')) out.push(guardDutyCollector);
  // Only where an instance lives (the management account's home region); one ListInstances elsewhere.
  if (services.includes('identitycenter')) out.push(identityCenterCollector);
  // The account's S3 Block Public Access, as each region reports it (Cartography's per-region node).
  if (services.includes('s3')) out.push(accountPublicAccessBlockCollector);
  // Last: tags link to the nodes the collectors above wrote.
  if (services.includes('tags')) out.push(tagsCollector);
  return out;
}

/**
 * The collectors of an account's global scope: IAM (managed policies, then
 * groups, users, their MFA devices and roles, each pointing at what came
 * before, then the account's IAM summary, password policy and root user) and
 * S3; the account node itself when no organisation scope writes it.
 */
export function globalCollectors(
  services: readonly AwsService[],
  options: { writeAccount: boolean },
): AwsCollector[] {
  const out: AwsCollector[] = [];
  if (options.writeAccount) out.push(accountCollector);
  if (services.includes('iam'))
    out.push(
      managedPoliciesCollector,
      groupsCollector,
      usersCollector,
      mfaDevicesCollector,
      rolesCollector,
      accountIamCollector,
    );
  if (services.includes('s3')) out.push(bucketsCollector);
  // Records point at instances and load balancers of the regional scopes: the dangling-DNS job completes those links.
  if (services.includes('route53')) out.push(route53Collector);
  return out;
}

/** Whether any regional service is wanted (regions need discovering only then). */
export function wantsRegions(services: readonly AwsService[]): boolean {
  return regionalCollectors(services).length > 0;
}
