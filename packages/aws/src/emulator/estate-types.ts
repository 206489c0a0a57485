import type {
  AwsAutoScalingGroup,
  AwsLaunchConfiguration,
  AwsLaunchTemplate,
} from './estate-autoscaling-types.ts';
import type { AwsContainerResources } from './estate-container-types.ts';
import type { AwsDynamoDbResources } from './estate-dynamodb-types.ts';
import type { AwsMessagingResources } from './estate-messaging-types.ts';
import type { AwsHostedZone } from './estate-route53-types.ts';
import type { AwsRegionSettings } from './estate-settings-types.ts';
import type { AwsDbSnapshot, AwsEbsSnapshot, AwsImage } from './estate-snapshot-types.ts';
import type { AwsSsmResources } from './estate-ssm-types.ts';

/**
 * The AWS estate the emulator serves: a plain, mutable data structure.
 *
 * Field names follow the AWS API members (camelCased) so that anyone who knows
 * the API can read and edit an estate. Timestamps are ISO-8601 strings. Owner
 * account ids are implied by where a resource sits (account -> region), and are
 * filled in by the emulator when it renders a response.
 */

export interface AwsTag {
  key: string;
  value: string;
}

/** An IAM policy document, held decoded; the emulator URL-encodes it where IAM does. */
export interface PolicyDocument {
  Version?: string;
  Id?: string;
  Statement: PolicyStatement[];
}

export type PolicyPrincipal = '*' | Record<string, string | string[]>;

export interface PolicyStatement {
  Sid?: string;
  Effect: 'Allow' | 'Deny';
  Principal?: PolicyPrincipal;
  NotPrincipal?: PolicyPrincipal;
  Action?: string | string[];
  NotAction?: string | string[];
  Resource?: string | string[];
  NotResource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
}

export interface AwsEstate {
  /** The seed the estate was generated from (informational). */
  seed: string;
  /** Reference time of the estate: "old" and "recent" timestamps are relative to it. */
  generatedAt: string;
  organization: AwsOrganization;
  organizationalUnits: AwsOrganizationalUnit[];
  /** Every account the emulator knows: the organisation's members and any outside it. */
  accounts: AwsAccount[];
  /** Name of the role the hub assumes in each account (default `role-security-audit`). */
  auditRoleName: string;
  /** AWS managed policies (path `/`, account `aws`) that accounts can attach. */
  awsManagedPolicies: AwsManagedPolicy[];
  /** Organizations policies (SCPs, RCPs), AWS managed ones included, with where they are attached. */
  organizationPolicies: AwsOrganizationPolicy[];
}

export interface AwsOrganization {
  id: string;
  arn: string;
  featureSet: 'ALL' | 'CONSOLIDATED_BILLING';
  managementAccountId: string;
  managementAccountEmail: string;
  rootId: string;
  rootArn: string;
  rootName: string;
  /** The policy types enabled on the root, as ListRoots reports them; a type absent here is disabled. */
  policyTypes: AwsPolicyTypeSummary[];
}

/** The authorization policy types the emulator serves (ListPolicies answers the others with none). */
export type AwsOrganizationPolicyType = 'SERVICE_CONTROL_POLICY' | 'RESOURCE_CONTROL_POLICY';

export interface AwsPolicyTypeSummary {
  type: AwsOrganizationPolicyType;
  status: 'ENABLED' | 'PENDING_ENABLE' | 'PENDING_DISABLE';
}

/**
 * A service or resource control policy. While its type is not enabled on the
 * root it is attached to nothing (disabling a type detaches its policies).
 */
export interface AwsOrganizationPolicy {
  /** `p-` and 8 characters, or `p-FullAWSAccess` / `p-RCPFullAWSAccess` for AWS's own. */
  id: string;
  arn: string;
  name: string;
  description: string;
  type: AwsOrganizationPolicyType;
  awsManaged: boolean;
  content: PolicyDocument;
  /** Root, OU and account ids the policy is attached to. */
  targetIds: string[];
}

export interface AwsOrganizationalUnit {
  id: string;
  arn: string;
  name: string;
  /** The root id or another OU id. */
  parentId: string;
}

export type AwsAccountStatus = 'ACTIVE' | 'SUSPENDED' | 'PENDING_CLOSURE';

export interface AwsAccount {
  id: string;
  name: string;
  email: string;
  status: AwsAccountStatus;
  joinedMethod: 'INVITED' | 'CREATED';
  joinedTimestamp: string;
  /** Root or OU id; undefined for an account outside the organisation. */
  parentId: string | undefined;
  /** S3 canonical user id of the account (64 hex characters). */
  canonicalUserId: string;
  /** Regions enabled for the account, as DescribeRegions returns them. */
  enabledRegions: string[];
  /** Regional resources, keyed by region name. */
  regions: Record<string, AwsRegionResources>;
  iam: AwsIam;
  buckets: AwsBucket[];
  /** CloudTrail trails the account owns, each in its home region (DescribeTrails shows the shadows). */
  trails: AwsTrail[];
  /** EBS encryption by default and AWS Config per region (estate-settings-types.ts); absent: defaults, no recorder. */
  regionSettings?: Record<string, AwsRegionSettings>;
  /** The IAM Identity Center instance the account holds (the management account's organisation instance). */
  identityCenter?: AwsIdentityCenter;
  /** Route 53 hosted zones (estate-route53-types.ts); none when absent. */
  hostedZones?: AwsHostedZone[];
  /** The account-level S3 Block Public Access configuration (S3 Control); absent: never set. */
  s3PublicAccessBlock?: {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  };
}

/** A region's resources; ECS and ECR are in estate-container-types.ts, DynamoDB in estate-dynamodb-types.ts, SSM in estate-ssm-types.ts, SQS and SNS in estate-messaging-types.ts. */
export interface AwsRegionResources
  extends AwsContainerResources,
    AwsDynamoDbResources,
    AwsSsmResources,
    AwsMessagingResources {
  vpcs: AwsVpc[];
  subnets: AwsSubnet[];
  securityGroups: AwsSecurityGroup[];
  instances: AwsInstance[];
  networkInterfaces: AwsNetworkInterface[];
  keyPairs: AwsKeyPair[];
  volumes: AwsVolume[];
  internetGateways: AwsInternetGateway[];
  vpcPeeringConnections: AwsVpcPeeringConnection[];
  classicLoadBalancers: AwsClassicLoadBalancer[];
  loadBalancers: AwsLoadBalancerV2[];
  listeners: AwsListener[];
  targetGroups: AwsTargetGroup[];
  dbInstances: AwsDbInstance[];
  dbClusters: AwsDbCluster[];
  dbSubnetGroups: AwsDbSubnetGroup[];
  /** KMS keys, AWS managed ones (`alias/aws/<service>`) included. */
  kmsKeys: AwsKmsKey[];
  /** KMS aliases, with AWS's predefined aliases that point at no key yet. */
  kmsAliases: AwsKmsAlias[];
  /** Secrets Manager secrets (metadata only: the emulator holds no secret values). */
  secrets: AwsSecret[];
  /** EBS snapshots the account owns (estate-snapshot-types.ts). */
  snapshots: AwsEbsSnapshot[];
  /** AMIs the account owns. */
  images: AwsImage[];
  /** RDS DB snapshots, manual and automated. */
  dbSnapshots: AwsDbSnapshot[];
  /** EC2 launch templates with their versions (estate-autoscaling-types.ts). */
  launchTemplates: AwsLaunchTemplate[];
  launchConfigurations: AwsLaunchConfiguration[];
  autoScalingGroups: AwsAutoScalingGroup[];
  /** GuardDuty detectors (at most one per account and region; none = GuardDuty never enabled there). */
  guardDutyDetectors: AwsGuardDutyDetector[];
  /** Lambda functions, with their URLs, resource policies and aliases. */
  lambdaFunctions: AwsLambdaFunction[];
  /** EKS clusters, with their node groups and access entries. */
  eksClusters: AwsEksCluster[];
}

// ---------------------------------------------------------------- EC2

export interface AwsVpc {
  vpcId: string;
  cidrBlock: string;
  /** Extra IPv4 CIDRs beyond the primary one. */
  secondaryCidrBlocks: string[];
  ipv6CidrBlock?: string;
  state: 'pending' | 'available';
  isDefault: boolean;
  instanceTenancy: 'default' | 'dedicated' | 'host';
  dhcpOptionsId: string;
  tags: AwsTag[];
}

export interface AwsSubnet {
  subnetId: string;
  vpcId: string;
  cidrBlock: string;
  availabilityZone: string;
  availabilityZoneId: string;
  availableIpAddressCount: number;
  defaultForAz: boolean;
  mapPublicIpOnLaunch: boolean;
  state: 'pending' | 'available';
  tags: AwsTag[];
}

export interface AwsIpRange {
  cidrIp: string;
  description?: string;
}

export interface AwsIpv6Range {
  cidrIpv6: string;
  description?: string;
}

export interface AwsUserIdGroupPair {
  groupId: string;
  userId: string;
  groupName?: string;
  vpcId?: string;
  vpcPeeringConnectionId?: string;
  peeringStatus?: string;
  description?: string;
}

export interface AwsPrefixListId {
  prefixListId: string;
  description?: string;
}

export interface AwsIpPermission {
  /** `-1` for all protocols, else `tcp`, `udp`, `icmp`, `icmpv6` or a number. */
  ipProtocol: string;
  fromPort?: number;
  toPort?: number;
  ipRanges: AwsIpRange[];
  ipv6Ranges: AwsIpv6Range[];
  userIdGroupPairs: AwsUserIdGroupPair[];
  prefixListIds: AwsPrefixListId[];
}

export interface AwsSecurityGroup {
  groupId: string;
  groupName: string;
  description: string;
  vpcId: string;
  ipPermissions: AwsIpPermission[];
  ipPermissionsEgress: AwsIpPermission[];
  tags: AwsTag[];
}

export type AwsInstanceStateName =
  | 'pending'
  | 'running'
  | 'shutting-down'
  | 'terminated'
  | 'stopping'
  | 'stopped';

export interface AwsGroupIdentifier {
  groupId: string;
  groupName: string;
}

export interface AwsInstanceBlockDevice {
  deviceName: string;
  volumeId: string;
  attachTime: string;
  deleteOnTermination: boolean;
  status: 'attaching' | 'attached' | 'detaching' | 'detached';
}

export interface AwsInstance {
  instanceId: string;
  /** Instances launched together share a reservation. */
  reservationId: string;
  imageId: string;
  instanceType: string;
  state: AwsInstanceStateName;
  launchTime: string;
  availabilityZone: string;
  subnetId: string;
  vpcId: string;
  privateIpAddress: string;
  privateDnsName: string;
  publicIpAddress?: string;
  publicDnsName?: string;
  keyName?: string;
  securityGroups: AwsGroupIdentifier[];
  /** ENIs of the instance (they live in `networkInterfaces` of the region), primary first. */
  networkInterfaceIds: string[];
  iamInstanceProfile?: { arn: string; id: string };
  blockDeviceMappings: AwsInstanceBlockDevice[];
  rootDeviceName: string;
  rootDeviceType: 'ebs' | 'instance-store';
  architecture: 'x86_64' | 'arm64';
  /** `windows` for Windows instances, else absent. */
  platform?: 'windows';
  platformDetails: string;
  hypervisor: 'xen' | 'nitro';
  virtualizationType: 'hvm' | 'paravirtual';
  ebsOptimized: boolean;
  enaSupport: boolean;
  monitoringState: 'disabled' | 'enabled';
  /** IMDS: `optional` allows IMDSv1. */
  httpTokens: 'optional' | 'required';
  tags: AwsTag[];
}

export interface AwsNetworkInterfaceAttachment {
  attachmentId: string;
  instanceId?: string;
  instanceOwnerId: string;
  deviceIndex: number;
  status: 'attaching' | 'attached' | 'detaching' | 'detached';
  attachTime: string;
  deleteOnTermination: boolean;
}

export interface AwsNetworkInterface {
  networkInterfaceId: string;
  subnetId: string;
  vpcId: string;
  availabilityZone: string;
  description: string;
  interfaceType: string;
  macAddress: string;
  privateIpAddress: string;
  privateDnsName: string;
  publicIp?: string;
  publicDnsName?: string;
  groups: AwsGroupIdentifier[];
  attachment?: AwsNetworkInterfaceAttachment;
  status: 'available' | 'attaching' | 'in-use' | 'detaching';
  sourceDestCheck: boolean;
  requesterId?: string;
  requesterManaged: boolean;
  tags: AwsTag[];
}

export interface AwsKeyPair {
  keyPairId: string;
  keyName: string;
  keyFingerprint: string;
  keyType: 'rsa' | 'ed25519';
  createTime: string;
  tags: AwsTag[];
}

export interface AwsVolumeAttachment {
  instanceId: string;
  device: string;
  state: 'attaching' | 'attached' | 'detaching' | 'detached' | 'busy';
  attachTime: string;
  deleteOnTermination: boolean;
}

export interface AwsVolume {
  volumeId: string;
  size: number;
  volumeType: 'gp2' | 'gp3' | 'io1' | 'io2' | 'st1' | 'sc1' | 'standard';
  iops?: number;
  availabilityZone: string;
  state: 'creating' | 'available' | 'in-use' | 'deleting' | 'deleted' | 'error';
  createTime: string;
  encrypted: boolean;
  kmsKeyId?: string;
  snapshotId: string;
  attachments: AwsVolumeAttachment[];
  tags: AwsTag[];
}

export interface AwsInternetGateway {
  internetGatewayId: string;
  attachments: { vpcId: string; state: 'attaching' | 'available' | 'detaching' | 'detached' }[];
  tags: AwsTag[];
}

export interface AwsPeeringVpcInfo {
  ownerId: string;
  vpcId: string;
  cidrBlock: string;
  region: string;
}

export interface AwsVpcPeeringConnection {
  vpcPeeringConnectionId: string;
  /** The requester's VPC: the connection lives in the requester's account and region. */
  requesterVpcInfo: AwsPeeringVpcInfo;
  /** May be in another account (in or outside the organisation) or region. */
  accepterVpcInfo: AwsPeeringVpcInfo;
  statusCode:
    | 'initiating-request'
    | 'pending-acceptance'
    | 'active'
    | 'deleted'
    | 'rejected'
    | 'failed'
    | 'expired';
  statusMessage: string;
  tags: AwsTag[];
}

// ---------------------------------------------------------------- ELB

export interface AwsClassicListener {
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'SSL';
  loadBalancerPort: number;
  instanceProtocol: 'HTTP' | 'HTTPS' | 'TCP' | 'SSL';
  instancePort: number;
  sslCertificateId?: string;
  policyNames: string[];
}

export interface AwsClassicLoadBalancer {
  loadBalancerName: string;
  dnsName: string;
  canonicalHostedZoneName: string;
  canonicalHostedZoneNameId: string;
  createdTime: string;
  scheme: 'internet-facing' | 'internal';
  vpcId: string;
  subnets: string[];
  availabilityZones: string[];
  securityGroups: string[];
  instanceIds: string[];
  listeners: AwsClassicListener[];
  healthCheck: {
    target: string;
    interval: number;
    timeout: number;
    unhealthyThreshold: number;
    healthyThreshold: number;
  };
  sourceSecurityGroup: { ownerAlias: string; groupName: string };
}

export interface AwsLoadBalancerV2 {
  loadBalancerArn: string;
  loadBalancerName: string;
  dnsName: string;
  canonicalHostedZoneId: string;
  createdTime: string;
  scheme: 'internet-facing' | 'internal';
  vpcId: string;
  state: 'active' | 'provisioning' | 'active_impaired' | 'failed';
  type: 'application' | 'network' | 'gateway';
  availabilityZones: { zoneName: string; subnetId: string }[];
  /** Empty for network load balancers without security groups. */
  securityGroups: string[];
  ipAddressType: 'ipv4' | 'dualstack';
}

export interface AwsListenerAction {
  type: 'forward' | 'redirect' | 'fixed-response' | 'authenticate-oidc' | 'authenticate-cognito';
  targetGroupArn?: string;
  order?: number;
  redirect?: { protocol: string; port: string; statusCode: string };
}

export interface AwsListener {
  listenerArn: string;
  loadBalancerArn: string;
  port: number;
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP';
  certificateArns: string[];
  sslPolicy?: string;
  defaultActions: AwsListenerAction[];
}

export interface AwsTarget {
  id: string;
  port: number;
  availabilityZone?: string;
  health: 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';
  reason?: string;
}

export interface AwsTargetGroup {
  targetGroupArn: string;
  targetGroupName: string;
  protocol: 'HTTP' | 'HTTPS' | 'TCP' | 'TLS' | 'UDP' | 'TCP_UDP';
  port: number;
  vpcId: string;
  targetType: 'instance' | 'ip' | 'lambda' | 'alb';
  healthCheckProtocol: string;
  healthCheckPort: string;
  healthCheckPath?: string;
  loadBalancerArns: string[];
  targets: AwsTarget[];
}

// ---------------------------------------------------------------- RDS

export interface AwsDbInstance {
  dbInstanceIdentifier: string;
  dbInstanceArn: string;
  dbiResourceId: string;
  dbInstanceClass: string;
  engine: string;
  engineVersion: string;
  dbInstanceStatus: string;
  masterUsername: string;
  dbName?: string;
  endpoint: { address: string; port: number; hostedZoneId: string };
  allocatedStorage: number;
  storageType: string;
  instanceCreateTime: string;
  availabilityZone: string;
  multiAz: boolean;
  publiclyAccessible: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  iamDatabaseAuthenticationEnabled: boolean;
  /** Name of a subnet group in the same region. */
  dbSubnetGroupName: string;
  vpcSecurityGroupIds: string[];
  dbClusterIdentifier?: string;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  autoMinorVersionUpgrade: boolean;
  caCertificateIdentifier: string;
  tags: AwsTag[];
}

export interface AwsDbCluster {
  dbClusterIdentifier: string;
  dbClusterArn: string;
  dbClusterResourceId: string;
  engine: string;
  engineVersion: string;
  engineMode: string;
  status: string;
  endpoint: string;
  readerEndpoint: string;
  port: number;
  hostedZoneId: string;
  masterUsername: string;
  databaseName?: string;
  dbSubnetGroupName: string;
  vpcSecurityGroupIds: string[];
  members: { dbInstanceIdentifier: string; isClusterWriter: boolean }[];
  availabilityZones: string[];
  multiAz: boolean;
  storageEncrypted: boolean;
  kmsKeyId?: string;
  iamDatabaseAuthenticationEnabled: boolean;
  publiclyAccessible?: boolean;
  clusterCreateTime: string;
  backupRetentionPeriod: number;
  deletionProtection: boolean;
  tags: AwsTag[];
}

export interface AwsDbSubnetGroup {
  dbSubnetGroupName: string;
  dbSubnetGroupArn: string;
  description: string;
  vpcId: string;
  status: string;
  subnets: { subnetIdentifier: string; availabilityZone: string; status: string }[];
}

// ---------------------------------------------------------------- KMS

export interface AwsKmsGrant {
  grantId: string;
  name?: string;
  creationDate: string;
  /** A principal ARN or a service principal (`ec2.us-east-1.amazonaws.com`). */
  granteePrincipal: string;
  retiringPrincipal?: string;
  /** The account that created the grant (its id). */
  issuingAccountId: string;
  operations: string[];
}

export interface AwsKmsKey {
  /** A UUID, or `mrk-` and 32 hex digits for a multi-Region key. */
  keyId: string;
  arn: string;
  creationDate: string;
  description: string;
  keyUsage: 'ENCRYPT_DECRYPT' | 'SIGN_VERIFY' | 'GENERATE_VERIFY_MAC' | 'KEY_AGREEMENT';
  keyState: 'Enabled' | 'Disabled' | 'PendingDeletion' | 'PendingImport' | 'Unavailable';
  /** When a key pending deletion goes. */
  deletionDate?: string;
  pendingDeletionWindowInDays?: number;
  origin: 'AWS_KMS' | 'EXTERNAL' | 'AWS_CLOUDHSM' | 'EXTERNAL_KEY_STORE';
  keyManager: 'AWS' | 'CUSTOMER';
  /** `SYMMETRIC_DEFAULT`, `RSA_2048`, `ECC_NIST_P256`, `HMAC_256`, ... */
  keySpec: string;
  multiRegion: boolean;
  /** Automatic rotation (customer managed symmetric keys with AWS_KMS material; AWS managed keys always rotate). */
  rotationEnabled: boolean;
  /** The key policy (`default`, the only one a key has). */
  policy: PolicyDocument;
  grants: AwsKmsGrant[];
  tags: AwsTag[];
}

export interface AwsKmsAlias {
  /** `alias/<name>`; AWS's are `alias/aws/<service>`. */
  aliasName: string;
  /** Absent on AWS's predefined aliases not yet associated with a key. */
  targetKeyId?: string;
  creationDate?: string;
  lastUpdatedDate?: string;
}

// ---------------------------------------------------------------- Secrets Manager

export interface AwsSecretVersion {
  /** A UUID. */
  versionId: string;
  /** `AWSCURRENT`, `AWSPREVIOUS`, `AWSPENDING`; none on a deprecated version. */
  stages: string[];
  createdDate: string;
  lastAccessedDate?: string;
  /** ARNs of the KMS keys that encrypt the version (`DEFAULT` for aws/secretsmanager). */
  kmsKeyIds: string[];
}

export interface AwsSecret {
  name: string;
  /** `arn:aws:secretsmanager:<region>:<account>:secret:<name>-<6 characters>`. */
  arn: string;
  description?: string;
  /** The ARN of the customer managed key; absent when the secret uses aws/secretsmanager. */
  kmsKeyId?: string;
  rotationEnabled: boolean;
  rotationLambdaArn?: string;
  /** RotationRules.AutomaticallyAfterDays. */
  rotationDays?: number;
  createdDate: string;
  lastRotatedDate?: string;
  lastChangedDate: string;
  /** Midnight of the day it was last read. */
  lastAccessedDate?: string;
  /** When set, the secret is scheduled for deletion (ListSecrets leaves it out unless asked). */
  deletedDate?: string;
  /** The service that created the secret (`rds`, `appflow`, ...). */
  owningService?: string;
  /** The resource policy; absent when the secret has none. */
  policy?: PolicyDocument;
  versions: AwsSecretVersion[];
  tags: AwsTag[];
}

// ---------------------------------------------------------------- IAM

export interface AwsInlinePolicy {
  policyName: string;
  document: PolicyDocument;
}

export interface AwsAccessKey {
  accessKeyId: string;
  status: 'Active' | 'Inactive';
  createDate: string;
  lastUsedDate?: string;
  lastUsedService?: string;
  lastUsedRegion?: string;
}

export interface AwsIamUser {
  userName: string;
  userId: string;
  arn: string;
  path: string;
  createDate: string;
  /** Present when the user has a console password (a login profile). */
  loginProfile?: { createDate: string; passwordResetRequired: boolean };
  passwordLastUsed?: string;
  /** Names of the groups the user belongs to. */
  groups: string[];
  attachedPolicyArns: string[];
  inlinePolicies: AwsInlinePolicy[];
  accessKeys: AwsAccessKey[];
  mfaDevices: AwsMfaDevice[];
  permissionsBoundaryArn?: string;
  tags: AwsTag[];
}

export interface AwsIamGroup {
  groupName: string;
  groupId: string;
  arn: string;
  path: string;
  createDate: string;
  attachedPolicyArns: string[];
  inlinePolicies: AwsInlinePolicy[];
}

export interface AwsInstanceProfile {
  instanceProfileName: string;
  instanceProfileId: string;
  arn: string;
  path: string;
  createDate: string;
}

export interface AwsIamRole {
  roleName: string;
  roleId: string;
  arn: string;
  path: string;
  createDate: string;
  description?: string;
  maxSessionDuration: number;
  assumeRolePolicyDocument: PolicyDocument;
  attachedPolicyArns: string[];
  inlinePolicies: AwsInlinePolicy[];
  instanceProfiles: AwsInstanceProfile[];
  roleLastUsed?: { lastUsedDate: string; region: string };
  permissionsBoundaryArn?: string;
  tags: AwsTag[];
}

export interface AwsPolicyVersion {
  versionId: string;
  document: PolicyDocument;
  isDefaultVersion: boolean;
  createDate: string;
}

export interface AwsManagedPolicy {
  policyName: string;
  policyId: string;
  arn: string;
  path: string;
  description?: string;
  createDate: string;
  updateDate: string;
  isAttachable: boolean;
  versions: AwsPolicyVersion[];
}

export interface AwsMfaDevice {
  /** A virtual device's ARN (`arn:aws:iam::<account>:mfa/<name>`) or a hardware device's serial number. */
  serialNumber: string;
  enableDate: string;
}

/** The account's root user: what GetAccountSummary and the credential report tell about it. */
export interface AwsRootUser {
  /** When the account (and so its root user) was created. */
  createDate: string;
  passwordLastUsed?: string;
  /** At most one virtual (`root-account-mfa-device`) or hardware device; none means AccountMFAEnabled 0. */
  mfaDevices: AwsMfaDevice[];
  /** Root access keys (AccountAccessKeysPresent), at most two. */
  accessKeys: AwsAccessKey[];
}

/** The account password policy (GetAccountPasswordPolicy); absent when the account has none. */
export interface AwsPasswordPolicy {
  minimumPasswordLength: number;
  requireSymbols: boolean;
  requireNumbers: boolean;
  requireUppercaseCharacters: boolean;
  requireLowercaseCharacters: boolean;
  allowUsersToChangePassword: boolean;
  /** Days; undefined when passwords do not expire. */
  maxPasswordAge?: number;
  /** Previous passwords a user cannot reuse; undefined when not set. */
  passwordReusePrevention?: number;
  hardExpiry: boolean;
}

export interface AwsIam {
  users: AwsIamUser[];
  groups: AwsIamGroup[];
  roles: AwsIamRole[];
  /** Customer managed policies of the account. */
  policies: AwsManagedPolicy[];
  root: AwsRootUser;
  passwordPolicy?: AwsPasswordPolicy;
}

// ---------------------------------------------------------------- S3

export type AwsS3Permission = 'FULL_CONTROL' | 'WRITE' | 'WRITE_ACP' | 'READ' | 'READ_ACP';

export interface AwsS3Grant {
  grantee:
    | { type: 'CanonicalUser'; id: string; displayName?: string }
    | { type: 'Group'; uri: string }
    | { type: 'AmazonCustomerByEmail'; emailAddress: string };
  permission: AwsS3Permission;
}

export interface AwsBucket {
  name: string;
  region: string;
  creationDate: string;
  /** Grants besides the owner's implicit entry come first-class here; the owner grant is included. */
  grants: AwsS3Grant[];
  policy?: PolicyDocument;
  encryption?: {
    sseAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse';
    kmsMasterKeyId?: string;
    bucketKeyEnabled: boolean;
  };
  /** Undefined when versioning was never enabled. */
  versioning?: 'Enabled' | 'Suspended';
  mfaDelete?: 'Enabled' | 'Disabled';
  publicAccessBlock?: {
    blockPublicAcls: boolean;
    ignorePublicAcls: boolean;
    blockPublicPolicy: boolean;
    restrictPublicBuckets: boolean;
  };
  tags: AwsTag[];
}

/** Well-known S3 group grantee URIs. */
export const S3_ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
export const S3_AUTHENTICATED_USERS = 'http://acs.amazonaws.com/groups/global/AuthenticatedUsers';
export const S3_LOG_DELIVERY = 'http://acs.amazonaws.com/groups/s3/LogDelivery';

// ---------------------------------------------------------------- CloudTrail

/** A basic event selector (GetEventSelectors' EventSelectors). */
export interface AwsTrailEventSelector {
  readWriteType: 'ReadOnly' | 'WriteOnly' | 'All';
  includeManagementEvents: boolean;
  dataResources: { type: string; values: string[] }[];
  excludeManagementEventSources: string[];
}

/** An advanced event selector: field conditions, all of which must hold. */
export interface AwsTrailAdvancedEventSelector {
  name?: string;
  fieldSelectors: {
    field: string;
    equals?: string[];
    notEquals?: string[];
    startsWith?: string[];
  }[];
}

export interface AwsTrail {
  name: string;
  /** `arn:aws:cloudtrail:<home region>:<owner account>:trail/<name>`. */
  arn: string;
  homeRegion: string;
  isMultiRegionTrail: boolean;
  /** An organisation trail logs every member account; members see it as a shadow trail. */
  isOrganizationTrail: boolean;
  includeGlobalServiceEvents: boolean;
  logFileValidationEnabled: boolean;
  s3BucketName: string;
  s3KeyPrefix?: string;
  /** The ARN of the KMS key (SSE-KMS); absent for SSE-S3. */
  kmsKeyId?: string;
  snsTopicArn?: string;
  cloudWatchLogsLogGroupArn?: string;
  cloudWatchLogsRoleArn?: string;
  hasInsightSelectors: boolean;
  isLogging: boolean;
  startLoggingTime?: string;
  stopLoggingTime?: string;
  latestDeliveryTime?: string;
  latestDigestDeliveryTime?: string;
  /** Basic selectors, or advanced ones: a trail uses one kind or the other. */
  eventSelectors: AwsTrailEventSelector[];
  advancedEventSelectors?: AwsTrailAdvancedEventSelector[];
}

// ---------------------------------------------------------------- GuardDuty

/** A GuardDuty detector; `SUSPENDED` detectors answer `DISABLED` and raise no findings. */
export interface AwsGuardDutyDetector {
  /** 32 hex characters. */
  detectorId: string;
  status: 'ENABLED' | 'DISABLED';
  findingPublishingFrequency: 'FIFTEEN_MINUTES' | 'ONE_HOUR' | 'SIX_HOURS';
  serviceRole: string;
  createdAt: string;
  updatedAt: string;
  /** Protection plans (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`, `RUNTIME_MONITORING`, ...) and their status. */
  features: { name: string; status: 'ENABLED' | 'DISABLED'; updatedAt: string }[];
  findings: AwsGuardDutyFinding[];
  tags: AwsTag[];
}

/** The resource a finding names, in the shape of the API's `Resource` (only the kinds the estate seeds). */
export type AwsGuardDutyResource =
  | { resourceType: 'Instance'; instanceId: string }
  | { resourceType: 'S3Bucket'; bucketName: string; bucketArn: string }
  | {
      resourceType: 'AccessKey';
      accessKeyId: string;
      principalId: string;
      userName: string;
      userType: 'IAMUser' | 'AssumedRole' | 'Root';
    }
  | { resourceType: 'EKSCluster'; clusterName: string; clusterArn: string };

export interface AwsGuardDutyFinding {
  /** 32 hex characters. */
  id: string;
  type: string;
  title: string;
  description: string;
  /** 1.0-8.9 in the console's Low/Medium/High bands; 9.0-10.0 is Critical (attack sequences). */
  severity: number;
  confidence: number;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
  count: number;
  eventFirstSeen: string;
  eventLastSeen: string;
  resource: AwsGuardDutyResource;
  /** `AWS_API_CALL`, `NETWORK_CONNECTION`, `PORT_PROBE`, `DNS_REQUEST`. */
  actionType: string;
  /** For AWS_API_CALL findings: the call, and the remote account when it came from another account. */
  apiCall?: {
    api: string;
    serviceName: string;
    callerType: string;
    remoteIp: string;
    remoteAccountId?: string;
  };
}

// ---------------------------------------------------------------- Lambda

export interface AwsLambdaLayer {
  /** The layer version ARN (`arn:aws:lambda:<region>:<account>:layer:<name>:<version>`). */
  arn: string;
  codeSize: number;
}

/** A function URL; `NONE` lets anyone on the internet invoke it (with a resource policy that allows it). */
export interface AwsLambdaFunctionUrl {
  authType: 'NONE' | 'AWS_IAM';
  /** `https://<url-id>.lambda-url.<region>.on.aws/`. */
  url: string;
  creationTime: string;
  lastModifiedTime: string;
  invokeMode: 'BUFFERED' | 'RESPONSE_STREAM';
  cors?: { allowOrigins: string[]; allowMethods: string[] };
}

export interface AwsLambdaAlias {
  name: string;
  functionVersion: string;
  description: string;
  revisionId: string;
}

export interface AwsLambdaFunction {
  functionName: string;
  functionArn: string;
  /** Absent for container image functions. */
  runtime?: string;
  handler?: string;
  /** The execution role's ARN. */
  role: string;
  description: string;
  timeout: number;
  memorySize: number;
  codeSize: number;
  codeSha256: string;
  lastModified: string;
  revisionId: string;
  packageType: 'Zip' | 'Image';
  architectures: ('x86_64' | 'arm64')[];
  tracingMode: 'Active' | 'PassThrough';
  /** The customer managed key of the environment variables. */
  kmsKeyArn?: string;
  layers: AwsLambdaLayer[];
  vpcConfig?: { subnetIds: string[]; securityGroupIds: string[]; vpcId: string };
  /** The resource-based policy (AddPermission statements); absent when none was added. */
  policy?: PolicyDocument;
  url?: AwsLambdaFunctionUrl;
  aliases: AwsLambdaAlias[];
  tags: AwsTag[];
}

// ---------------------------------------------------------------- EKS

export type AwsEksLogType = 'api' | 'audit' | 'authenticator' | 'controllerManager' | 'scheduler';

export interface AwsEksNodegroup {
  nodegroupName: string;
  nodegroupArn: string;
  status: 'ACTIVE' | 'CREATING' | 'DEGRADED';
  capacityType: 'ON_DEMAND' | 'SPOT';
  instanceTypes: string[];
  amiType: string;
  nodeRole: string;
  subnetIds: string[];
  scaling: { minSize: number; maxSize: number; desiredSize: number };
  diskSize: number;
  version: string;
  releaseVersion: string;
  createdAt: string;
  modifiedAt: string;
  tags: AwsTag[];
}

export interface AwsEksAccessEntry {
  principalArn: string;
  /** `STANDARD`, `EC2_LINUX`, ... */
  type: string;
  username: string;
  kubernetesGroups: string[];
  createdAt: string;
  modifiedAt: string;
}

export interface AwsEksCluster {
  name: string;
  arn: string;
  version: string;
  platformVersion: string;
  status: 'ACTIVE' | 'CREATING' | 'UPDATING';
  roleArn: string;
  createdAt: string;
  endpoint: string;
  endpointPublicAccess: boolean;
  endpointPrivateAccess: boolean;
  publicAccessCidrs: string[];
  vpcId: string;
  subnetIds: string[];
  securityGroupIds: string[];
  clusterSecurityGroupId: string;
  /** The control plane log types that are enabled (the others are off). */
  enabledLogTypes: AwsEksLogType[];
  /** The KMS key that encrypts Kubernetes secrets; absent when envelope encryption is off. */
  secretsKeyArn?: string;
  authenticationMode: 'API' | 'API_AND_CONFIG_MAP' | 'CONFIG_MAP';
  certificateAuthorityData: string;
  nodegroups: AwsEksNodegroup[];
  accessEntries: AwsEksAccessEntry[];
  tags: AwsTag[];
}

// ---------------------------------------------------------------- IAM Identity Center

/** An IAM Identity Center instance with its identity store, permission sets and account assignments. */
export interface AwsIdentityCenter {
  /** `arn:aws:sso:::instance/ssoins-<16 hex>`. */
  instanceArn: string;
  /** `d-<10 alnum>`. */
  identityStoreId: string;
  name: string;
  /** The one region the instance lives in; sso-admin and identitystore answer only there. */
  region: string;
  createdDate: string;
  status: 'ACTIVE' | 'CREATE_IN_PROGRESS' | 'DELETE_IN_PROGRESS';
  users: AwsSsoUser[];
  groups: AwsSsoGroup[];
  permissionSets: AwsPermissionSet[];
  assignments: AwsAccountAssignment[];
}

export interface AwsSsoUser {
  /** A UUID (optionally prefixed with the identity store's `<10 hex>-`). */
  userId: string;
  userName: string;
  displayName: string;
  email: string;
  /** Set for users provisioned from an external IdP over SCIM. */
  externalId?: { issuer: string; id: string };
}

export interface AwsSsoGroup {
  groupId: string;
  displayName: string;
  description?: string;
  externalId?: { issuer: string; id: string };
  /** User ids of the members. */
  memberIds: string[];
}

export interface AwsPermissionSet {
  /** `arn:aws:sso:::permissionSet/<instance id>/ps-<16 hex>`. */
  arn: string;
  name: string;
  description?: string;
  /** ISO-8601 duration, e.g. `PT1H`. */
  sessionDuration: string;
  createdDate: string;
  managedPolicyArns: string[];
  inlinePolicy?: PolicyDocument;
  tags: AwsTag[];
}

/** A principal's access to an account through a permission set. */
export interface AwsAccountAssignment {
  accountId: string;
  permissionSetArn: string;
  principalType: 'USER' | 'GROUP';
  principalId: string;
}
