/**
 * The AWS node schemas, Cartography-compatible (labels, keys, relationship
 * types). Importable without the AWS SDK: the typed query builder and the
 * schema reference use them.
 */
import type { AnyNodeSchema } from '@skygraph/core';
import { AccountAccessKey } from './access-key.ts';
import { ConfigDeliveryChannel, ConfigurationRecorder, EBSDefaultEncryption } from './account-settings.ts';
import {
  AutoScalingGroup,
  LaunchConfiguration,
  LaunchTemplate,
  LaunchTemplateVersion,
} from './autoscaling.ts';
import { CloudTrailTrail } from './cloudtrail.ts';
import { DynamoDBGlobalSecondaryIndex, DynamoDBTable } from './dynamodb.ts';
import { ECRImage, ECRRepository, ECRRepositoryImage } from './ecr.ts';
import {
  ECSCluster,
  ECSContainer,
  ECSContainerDefinition,
  ECSService,
  ECSTask,
  ECSTaskDefinition,
} from './ecs.ts';
import { EKSAccessEntry, EKSCluster, EKSNodegroup } from './eks.ts';
import { GuardDutyDetector, GuardDutyFinding, GuardDutyRegionStatus } from './guardduty.ts';
import { AWSInlinePolicy, AWSManagedPolicy, AWSPolicyStatement } from './iam-policy.ts';
import {
  AWSFederatedPrincipal,
  AWSGroup,
  AWSRole,
  AWSRootPrincipal,
  AWSServicePrincipal,
  AWSUser,
} from './iam-principal.ts';
import { IdentityCenter, PermissionSet, SSOGroup, SSOUser } from './identity-center.ts';
import { EC2Instance, EC2Reservation } from './instance.ts';
import { AWSInstanceProfile } from './instance-profile.ts';
import { AWSInternetGateway } from './internet-gateway.ts';
import { EC2KeyPair } from './key-pair.ts';
import { KMSAlias, KMSGrant, KMSKey } from './kms.ts';
import { AWSLambda, AWSLambdaFunctionAlias, AWSLambdaLayer } from './lambda.ts';
import { AWSLoadBalancer, ELBListener } from './load-balancer.ts';
import { AWSLoadBalancerV2, ELBV2Listener } from './load-balancer-v2.ts';
import { SNSTopic, SNSTopicSubscription, SQSQueue } from './messaging.ts';
import { AWSMfaDevice } from './mfa-device.ts';
import { NetworkInterface } from './network-interface.ts';
import { AWSAccount, AWSOrganization, AWSOrganizationalUnit, AWSOrganizationRoot } from './organization.ts';
import { AWSOrganizationPolicy, AWSOrganizationPolicyStatement } from './organization-policy.ts';
import { AWSPeeringConnection } from './peering-connection.ts';
import { DBSubnetGroup, RDSCluster, RDSInstance } from './rds.ts';
import { AWSDNSRecord, AWSDNSZone, AWSNameServer } from './route53.ts';
import { S3Acl, S3Bucket } from './s3.ts';
import { S3AccountPublicAccessBlock } from './s3-account-public-access-block.ts';
import { SecretsManagerSecret, SecretsManagerSecretVersion } from './secrets-manager.ts';
import { AWSIpPermissionInbound, AWSIpRange, AWSIpRule, EC2SecurityGroup } from './security-group.ts';
import { EBSSnapshot, EC2Image, RDSSnapshot } from './snapshots.ts';
import { SSMInstanceInformation, SSMParameter } from './ssm.ts';
import { EC2Subnet } from './subnet.ts';
import { AWSTag } from './tags.ts';
import { EBSVolume } from './volume.ts';
import { AWSVpc } from './vpc.ts';

export { AccountAccessKey } from './access-key.ts';
export { AWS_ACCOUNT_IAM_PROPERTIES, AWSAccountIam } from './account-iam.ts';
export { ConfigDeliveryChannel, ConfigurationRecorder, EBSDefaultEncryption } from './account-settings.ts';
export {
  AutoScalingGroup,
  LaunchConfiguration,
  LaunchTemplate,
  LaunchTemplateVersion,
} from './autoscaling.ts';
export { CloudTrailTrail } from './cloudtrail.ts';
export { DynamoDBGlobalSecondaryIndex, DynamoDBTable } from './dynamodb.ts';
export { ECRImage, ECRRepository, ECRRepositoryImage } from './ecr.ts';
export {
  ECSCluster,
  ECSContainer,
  ECSContainerDefinition,
  ECSService,
  ECSTask,
  ECSTaskDefinition,
} from './ecs.ts';
export { EKSAccessEntry, EKSCluster, EKSNodegroup } from './eks.ts';
export { EXPOSURE_PROPERTIES } from './exposure.ts';
export { GuardDutyDetector, GuardDutyFinding, GuardDutyRegionStatus } from './guardduty.ts';
export { AWS_POLICY, AWSInlinePolicy, AWSManagedPolicy, AWSPolicyStatement } from './iam-policy.ts';
export {
  AWS_PRINCIPAL,
  AWSFederatedPrincipal,
  AWSGroup,
  AWSRole,
  AWSRootPrincipal,
  AWSServicePrincipal,
  AWSUser,
} from './iam-principal.ts';
export { IdentityCenter, PermissionSet, SSOGroup, SSOUser } from './identity-center.ts';
export { EC2Instance, EC2Reservation } from './instance.ts';
export { AWSInstanceProfile } from './instance-profile.ts';
export { AWSInternetGateway } from './internet-gateway.ts';
export { EC2KeyPair } from './key-pair.ts';
export { KMSAlias, KMSGrant, KMSKey } from './kms.ts';
export { AWSLambda, AWSLambdaFunctionAlias, AWSLambdaLayer, LAMBDA_EXPOSURE_PROPERTIES } from './lambda.ts';
export { AWSLoadBalancer, ELBListener } from './load-balancer.ts';
export { AWSLoadBalancerV2, ELBV2Listener } from './load-balancer-v2.ts';
export { SNSTopic, SNSTopicSubscription, SQSQueue } from './messaging.ts';
export { AWSMfaDevice } from './mfa-device.ts';
export { NetworkInterface } from './network-interface.ts';
export { AWSAccount, AWSOrganization, AWSOrganizationalUnit, AWSOrganizationRoot } from './organization.ts';
export { AWSOrganizationPolicy, AWSOrganizationPolicyStatement } from './organization-policy.ts';
export { AWSPeeringConnection } from './peering-connection.ts';
export { DBSubnetGroup, RDSCluster, RDSInstance } from './rds.ts';
export { AWSDNSRecord, AWSDNSZone, AWSNameServer } from './route53.ts';
export { S3Acl, S3Bucket } from './s3.ts';
export { S3AccountPublicAccessBlock } from './s3-account-public-access-block.ts';
export { SecretsManagerSecret, SecretsManagerSecretVersion } from './secrets-manager.ts';
export {
  AWSIpPermissionInbound,
  AWSIpRange,
  AWSIpRule,
  EC2SecurityGroup,
} from './security-group.ts';
export { EBSSnapshot, EC2Image, RDSSnapshot } from './snapshots.ts';
export { SSMInstanceInformation, SSMParameter } from './ssm.ts';
export { EC2Subnet } from './subnet.ts';
export { AWSTag, resourceTypeOfArn, TAGGABLE_RESOURCES, type TaggableResource } from './tags.ts';
export { EBSVolume } from './volume.ts';
export { AWSVpc } from './vpc.ts';

/** Every AWS node schema, for index creation, the schema reference and the typed query builder. */
export const awsSchemas = [
  AWSOrganization,
  AWSOrganizationRoot,
  AWSOrganizationalUnit,
  AWSAccount,
  AWSOrganizationPolicy,
  AWSOrganizationPolicyStatement,
  AWSVpc,
  EC2Subnet,
  EC2SecurityGroup,
  AWSIpPermissionInbound,
  AWSIpRule,
  AWSIpRange,
  EC2KeyPair,
  NetworkInterface,
  EC2Reservation,
  EC2Instance,
  EBSSnapshot,
  EBSVolume,
  EC2Image,
  LaunchTemplate,
  LaunchTemplateVersion,
  LaunchConfiguration,
  AutoScalingGroup,
  EBSDefaultEncryption,
  ConfigurationRecorder,
  ConfigDeliveryChannel,
  AWSInternetGateway,
  AWSPeeringConnection,
  AWSLoadBalancer,
  ELBListener,
  AWSLoadBalancerV2,
  ELBV2Listener,
  DBSubnetGroup,
  RDSCluster,
  RDSInstance,
  RDSSnapshot,
  KMSKey,
  KMSAlias,
  KMSGrant,
  SecretsManagerSecret,
  SecretsManagerSecretVersion,
  CloudTrailTrail,
  GuardDutyDetector,
  GuardDutyRegionStatus,
  GuardDutyFinding,
  IdentityCenter,
  PermissionSet,
  SSOGroup,
  SSOUser,
  AWSLambda,
  AWSLambdaLayer,
  AWSLambdaFunctionAlias,
  EKSCluster,
  EKSNodegroup,
  EKSAccessEntry,
  DynamoDBTable,
  DynamoDBGlobalSecondaryIndex,
  SQSQueue,
  SNSTopic,
  SNSTopicSubscription,
  SSMInstanceInformation,
  SSMParameter,
  ECRRepository,
  ECRImage,
  ECRRepositoryImage,
  ECSCluster,
  ECSTaskDefinition,
  ECSContainerDefinition,
  ECSService,
  ECSTask,
  ECSContainer,
  AWSUser,
  AWSGroup,
  AWSRole,
  AWSRootPrincipal,
  AWSServicePrincipal,
  AWSFederatedPrincipal,
  AWSInstanceProfile,
  AWSInlinePolicy,
  AWSManagedPolicy,
  AWSPolicyStatement,
  AccountAccessKey,
  AWSMfaDevice,
  S3Bucket,
  S3Acl,
  S3AccountPublicAccessBlock,
  AWSDNSZone,
  AWSNameServer,
  AWSDNSRecord,
  AWSTag,
] as const satisfies readonly AnyNodeSchema[];
