import {
  AccountAccessKey,
  AWS_PRINCIPAL,
  AWSAccount,
  AWSFederatedPrincipal,
  AWSGroup,
  AWSInlinePolicy,
  AWSInstanceProfile,
  AWSInternetGateway,
  AWSIpPermissionInbound,
  AWSIpRange,
  AWSIpRule,
  AWSLoadBalancer,
  AWSLoadBalancerV2,
  AWSManagedPolicy,
  AWSMfaDevice,
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
  AWSUser,
  AWSVpc,
  CloudTrailTrail,
  DBSubnetGroup,
  EBSVolume,
  EC2Instance,
  EC2KeyPair,
  EC2Reservation,
  EC2SecurityGroup,
  EC2Subnet,
  ELBListener,
  ELBV2Listener,
  KMSAlias,
  KMSGrant,
  KMSKey,
  NetworkInterface,
  RDSCluster,
  RDSInstance,
  S3Acl,
  S3Bucket,
  SecretsManagerSecret,
  SecretsManagerSecretVersion,
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
  ...withLegacyLabels(EBSVolume),
  AWSInternetGateway,
  AWSPeeringConnection,
  AWSLoadBalancer,
  ...withLegacyLabels(ELBListener),
  AWSLoadBalancerV2,
  ...withLegacyLabels(ELBV2Listener),
  ...withLegacyLabels(DBSubnetGroup),
  ...withLegacyLabels(RDSCluster),
  ...withLegacyLabels(RDSInstance),
  ...withLegacyLabels(KMSKey),
  ...withLegacyLabels(KMSAlias),
  ...withLegacyLabels(KMSGrant),
  ...withLegacyLabels(SecretsManagerSecret),
  ...withLegacyLabels(SecretsManagerSecretVersion),
  ...withLegacyLabels(CloudTrailTrail),
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
