import {
  AccountAccessKey,
  AutoScalingGroup,
  AWS_PRINCIPAL,
  AWSAccount,
  AWSDNSRecord,
  AWSDNSZone,
  AWSFederatedPrincipal,
  AWSGroup,
  AWSInlinePolicy,
  AWSInstanceProfile,
  AWSInternetGateway,
  AWSIpPermissionInbound,
  AWSIpRange,
  AWSIpRule,
  AWSLambda,
  AWSLambdaFunctionAlias,
  AWSLambdaLayer,
  AWSLoadBalancer,
  AWSLoadBalancerV2,
  AWSManagedPolicy,
  AWSMfaDevice,
  AWSNameServer,
  AWSOrganization,
  AWSOrganizationalUnit,
  AWSOrganizationPolicy,
  AWSOrganizationPolicyStatement,
  AWSOrganizationRoot,
  AWSPeeringConnection,
  AWSPolicyStatement,
  AWSRole,
  AWSRootPrincipal,
  AWSServicePrincipal,
  AWSTag,
  AWSUser,
  AWSVpc,
  CloudTrailTrail,
  ConfigDeliveryChannel,
  ConfigurationRecorder,
  DBSubnetGroup,
  DynamoDBGlobalSecondaryIndex,
  DynamoDBTable,
  EBSDefaultEncryption,
  EBSSnapshot,
  EBSVolume,
  EC2Image,
  EC2Instance,
  EC2KeyPair,
  EC2Reservation,
  EC2SecurityGroup,
  EC2Subnet,
  ECRImage,
  ECRRepository,
  ECRRepositoryImage,
  ECSCluster,
  ECSContainer,
  ECSContainerDefinition,
  ECSService,
  ECSTask,
  ECSTaskDefinition,
  EKSAccessEntry,
  EKSCluster,
  EKSNodegroup,
  ELBListener,
  ELBV2Listener,
  GuardDutyDetector,
  GuardDutyFinding,
  GuardDutyRegionStatus,
  IdentityCenter,
  KMSAlias,
  KMSGrant,
  KMSKey,
  LaunchConfiguration,
  LaunchTemplate,
  LaunchTemplateVersion,
  NetworkInterface,
  PermissionSet,
  RDSCluster,
  RDSInstance,
  RDSSnapshot,
  S3AccountPublicAccessBlock,
  S3Acl,
  S3Bucket,
  SecretsManagerSecret,
  SecretsManagerSecretVersion,
  SNSTopic,
  SNSTopicSubscription,
  SQSQueue,
  SSMInstanceInformation,
  SSMParameter,
  SSOGroup,
  SSOUser,
} from '@skygraph/aws/schema';
import { type AnyNodeSchema, defineNode, defineRel, type PropSpec, refOf } from '@skygraph/core';
import {
  GCPBucket,
  GCPBucketLabel,
  GCPFirewall,
  GCPFolder,
  GCPInstance,
  GCPIpRange,
  GCPIpRule,
  GCPNetworkInterface,
  GCPNetworkTag,
  GCPNicAccessConfig,
  GCPOrganization,
  GCPProject,
  GCPSubnet,
  GCPVpc,
  GKECluster,
} from '@skygraph/gcp/schema';
import { GSuiteGroup, GSuiteTenant, GSuiteUser } from '@skygraph/gsuite/schema';
import { createGraph } from './create-graph.ts';
import type { LegacyAlias } from './model-types.ts';

/**
 * A schema as queries see it: with the properties (and relationships) the
 * providers' analysis jobs add after loading. Only for reading: the loader
 * keeps using the provider's own schema.
 */
/** `(AWSRole)-[:ALLOWED_BY {permission_set_arn}]->` an Identity Center user or group assigned the role's permission set. */
const ssoAllowedBy = defineRel('ALLOWED_BY', refOf(AWSRole, 'arn'), {
  direction: 'in',
  properties: { permission_set_arn: 'string' },
  description: 'a role its members may use through an account assignment (analysis)',
});

function asAnalysed<
  S extends AnyNodeSchema,
  const P extends Record<string, PropSpec>,
  // biome-ignore lint/complexity/noBannedTypes: no added relationships by default
  const R extends Record<string, ReturnType<typeof defineRel>> = {},
>(schema: S, properties: P, relationships?: R) {
  return defineNode({
    label: schema.label as S['label'],
    key: schema.key as S['key'],
    properties: { ...(schema.properties as S['properties']), ...properties },
    extraLabels: schema.extraLabels,
    legacyLabels: schema.legacyLabels as readonly S['legacyLabels'][number][],
    scope: schema.scope,
    relationships: { ...(schema.relationships as S['relationships']), ...(relationships ?? ({} as R)) },
    computed: schema.computed as S['computed'],
    description: schema.description,
  });
}

/**
 * A schema and its legacy labels as aliases: `graph.match('i', 'EC2Instance')`
 * keeps compiling (and matching: every node carries its legacy labels) for
 * queries written before the type took Cartography's current label. An alias
 * is the same type under the old name; it carries the current label, so
 * relationships declared to the current label fit it too.
 */
function withLegacyLabels<S extends AnyNodeSchema>(
  schema: S,
): readonly [S, ...LegacyAlias<S, S['legacyLabels'][number]>[]] {
  const aliases = schema.legacyLabels.map((legacy) =>
    Object.freeze({
      ...schema,
      label: legacy,
      extraLabels: [schema.label, ...schema.extraLabels.filter((label: string) => label !== legacy)],
      legacyLabels: [],
      aliasOf: schema.label,
    }),
  );
  return [schema, ...(aliases as unknown as LegacyAlias<S, S['legacyLabels'][number]>[])];
}

/** The AWS node schemas the builder knows (with the exposure flags, ASSUMES and STS_ASSUMEROLE_ALLOW from the analysis). */
export const awsSchemas = [
  AWSOrganization,
  AWSOrganizationRoot,
  AWSOrganizationalUnit,
  AWSAccount,
  AWSOrganizationPolicy,
  AWSOrganizationPolicyStatement,
  AWSVpc,
  ...withLegacyLabels(EC2Subnet),
  ...withLegacyLabels(EC2SecurityGroup),
  AWSIpPermissionInbound,
  AWSIpRule,
  AWSIpRange,
  ...withLegacyLabels(EC2KeyPair),
  ...withLegacyLabels(NetworkInterface),
  ...withLegacyLabels(EC2Reservation),
  ...withLegacyLabels(asAnalysed(EC2Instance, {}, { assumes: defineRel('ASSUMES', refOf(AWSRole)) })),
  ...withLegacyLabels(EBSSnapshot),
  ...withLegacyLabels(EBSVolume),
  ...withLegacyLabels(EC2Image),
  ...withLegacyLabels(LaunchTemplate),
  ...withLegacyLabels(LaunchTemplateVersion),
  ...withLegacyLabels(LaunchConfiguration),
  ...withLegacyLabels(AutoScalingGroup),
  EBSDefaultEncryption,
  ConfigurationRecorder,
  ConfigDeliveryChannel,
  AWSInternetGateway,
  AWSPeeringConnection,
  AWSLoadBalancer,
  ...withLegacyLabels(ELBListener),
  AWSLoadBalancerV2,
  ...withLegacyLabels(ELBV2Listener),
  ...withLegacyLabels(DBSubnetGroup),
  ...withLegacyLabels(RDSCluster),
  ...withLegacyLabels(RDSInstance),
  ...withLegacyLabels(RDSSnapshot),
  ...withLegacyLabels(KMSKey),
  ...withLegacyLabels(KMSAlias),
  ...withLegacyLabels(KMSGrant),
  AWSLambda,
  AWSLambdaLayer,
  AWSLambdaFunctionAlias,
  ...withLegacyLabels(EKSCluster),
  EKSNodegroup,
  ...withLegacyLabels(EKSAccessEntry),
  ...withLegacyLabels(SSMInstanceInformation),
  SSMParameter,
  ...withLegacyLabels(DynamoDBTable),
  ...withLegacyLabels(DynamoDBGlobalSecondaryIndex),
  ...withLegacyLabels(SQSQueue),
  ...withLegacyLabels(SNSTopic),
  ...withLegacyLabels(SNSTopicSubscription),
  ...withLegacyLabels(ECRRepository),
  ...withLegacyLabels(ECRImage),
  ...withLegacyLabels(ECRRepositoryImage),
  ...withLegacyLabels(ECSCluster),
  ...withLegacyLabels(ECSTaskDefinition),
  ...withLegacyLabels(ECSContainerDefinition),
  ...withLegacyLabels(ECSService),
  ...withLegacyLabels(ECSTask),
  ...withLegacyLabels(ECSContainer),
  ...withLegacyLabels(SecretsManagerSecret),
  ...withLegacyLabels(SecretsManagerSecretVersion),
  ...withLegacyLabels(CloudTrailTrail),
  ...withLegacyLabels(GuardDutyDetector),
  GuardDutyRegionStatus,
  ...withLegacyLabels(GuardDutyFinding),
  IdentityCenter,
  // The aws_identity_center_roles analysis links permission sets to the roles they provision, and those roles to the
  // users and groups assigned them.
  asAnalysed(PermissionSet, {}, { role: defineRel('ASSIGNED_TO_ROLE', refOf(AWSRole, 'arn')) }),
  asAnalysed(SSOGroup, {}, { allowedBy: ssoAllowedBy }),
  asAnalysed(SSOUser, {}, { allowedBy: ssoAllowedBy }),
  AWSUser,
  AWSGroup,
  asAnalysed(
    AWSRole,
    {},
    { assumableBy: defineRel('STS_ASSUMEROLE_ALLOW', AWS_PRINCIPAL, { direction: 'in' }) },
  ),
  AWSRootPrincipal,
  AWSServicePrincipal,
  AWSFederatedPrincipal,
  AWSInstanceProfile,
  AWSInlinePolicy,
  AWSManagedPolicy,
  AWSPolicyStatement,
  ...withLegacyLabels(AccountAccessKey),
  AWSMfaDevice,
  ...withLegacyLabels(S3Bucket),
  ...withLegacyLabels(S3Acl),
  ...withLegacyLabels(S3AccountPublicAccessBlock),
  AWSDNSZone,
  ...withLegacyLabels(AWSNameServer),
  AWSDNSRecord,
  AWSTag,
] as const;

/** The GCP node schemas the builder knows (with FIREWALL_INGRESS from the analysis). */
export const gcpSchemas = [
  GCPOrganization,
  GCPFolder,
  GCPProject,
  GCPInstance,
  GCPNetworkInterface,
  GCPNicAccessConfig,
  GCPNetworkTag,
  GCPVpc,
  GCPSubnet,
  asAnalysed(GCPFirewall, {}, { appliesTo: defineRel('FIREWALL_INGRESS', refOf(GCPInstance)) }),
  GCPIpRule,
  GCPIpRange,
  GKECluster,
  GCPBucket,
  ...withLegacyLabels(GCPBucketLabel),
] as const;

/** The Google Workspace node schemas the builder knows. */
export const gsuiteSchemas = [GSuiteTenant, GSuiteUser, GSuiteGroup] as const;

/**
 * The query builder over every provider schema: what `collect` writes.
 *
 * @example
 * const q = graph
 *   .match('a', 'AWSAccount')
 *   .match('i', 'AWSEC2Instance', { owner: 'a' })
 *   .where('i.exposed_internet', '=', true)
 *   .return('a.name as account', 'i.instanceid', 'i.publicdnsname');
 */
export const graph = createGraph([...awsSchemas, ...gcpSchemas, ...gsuiteSchemas]);
