import type { Collector } from '@skygraph/core';
import type { AwsScopeContext } from '../aws-context.ts';
import type { AwsService } from '../options.ts';
import { accountCollector } from './account.ts';
import { cloudTrailTrailsCollector } from './cloudtrail/trails.ts';
import { instancesCollector } from './ec2/instances.ts';
import { internetGatewaysCollector } from './ec2/internet-gateways.ts';
import { keyPairsCollector } from './ec2/key-pairs.ts';
import { networkInterfacesCollector } from './ec2/network-interfaces.ts';
import { securityGroupsCollector } from './ec2/security-groups.ts';
import { subnetsCollector } from './ec2/subnets.ts';
import { volumesCollector } from './ec2/volumes.ts';
import { vpcPeeringCollector } from './ec2/vpc-peering.ts';
import { vpcsCollector } from './ec2/vpcs.ts';
import { classicLoadBalancersCollector } from './elb/classic-load-balancers.ts';
import { loadBalancersV2Collector } from './elb/load-balancers-v2.ts';
import { accountIamCollector } from './iam/account-iam.ts';
import { groupsCollector } from './iam/groups.ts';
import { managedPoliciesCollector } from './iam/managed-policies.ts';
import { mfaDevicesCollector } from './iam/mfa-devices.ts';
import { rolesCollector } from './iam/roles.ts';
import { usersCollector } from './iam/users.ts';
import { kmsKeysCollector } from './kms/keys.ts';
import { dbClustersCollector } from './rds/clusters.ts';
import { dbInstancesCollector } from './rds/instances.ts';
import { dbSubnetGroupsCollector } from './rds/subnet-groups.ts';
import { bucketsCollector } from './s3/buckets.ts';
import { secretsCollector } from './secretsmanager/secrets.ts';

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
      volumesCollector,
      internetGatewaysCollector,
      vpcPeeringCollector,
    );
  }
  if (services.includes('elb')) out.push(classicLoadBalancersCollector, loadBalancersV2Collector);
  if (services.includes('rds')) out.push(dbSubnetGroupsCollector, dbClustersCollector, dbInstancesCollector);
  if (services.includes('kms')) out.push(kmsKeysCollector);
  // After the keys too: a secret and its versions point at the key that encrypts them.
  if (services.includes('secretsmanager')) out.push(secretsCollector);
  // After the keys: a trail points at the key that encrypts its logs.
  if (services.includes('cloudtrail')) out.push(cloudTrailTrailsCollector);
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
  return out;
}

/** Whether any regional service is wanted (regions need discovering only then). */
export function wantsRegions(services: readonly AwsService[]): boolean {
  return services.some(
    (s) =>
      s === 'ec2' ||
      s === 'elb' ||
      s === 'rds' ||
      s === 'kms' ||
      s === 'secretsmanager' ||
      s === 'cloudtrail',
  );
}
