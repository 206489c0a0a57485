import {
  AccountAccessKey,
  AWS_PRINCIPAL,
  AWSAccount,
  AWSFederatedPrincipal,
  AWSGroup,
  AWSInlinePolicy,
  AWSInstanceProfile,
  AWSInternetGateway,
  AWSIpPermissionEgress,
  AWSIpPermissionInbound,
  AWSIpRange,
  AWSLoadBalancer,
  AWSLoadBalancerV2,
  AWSManagedPolicy,
  AWSOrganization,
  AWSOrganizationalUnit,
  AWSOrganizationRoot,
  AWSPeeringConnection,
  AWSPolicyStatement,
  AWSRole,
  AWSRootPrincipal,
  AWSServicePrincipal,
  AWSUser,
  AWSVpc,
  DBSubnetGroup,
  EBSVolume,
  EC2Instance,
  EC2KeyPair,
  EC2Reservation,
  EC2SecurityGroup,
  EC2Subnet,
  ELBListener,
  ELBV2Listener,
  NetworkInterface,
  RDSCluster,
  RDSInstance,
  S3Acl,
  S3Bucket,
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
    scope: schema.scope,
    relationships: { ...(schema.relationships as S['relationships']), ...(relationships ?? ({} as R)) },
    description: schema.description,
  });
}

/** The AWS node schemas the builder knows (with the exposure flags and STS_ASSUMEROLE_ALLOW from the analysis). */
export const awsSchemas = [
  AWSOrganization,
  AWSOrganizationRoot,
  AWSOrganizationalUnit,
  AWSAccount,
  AWSVpc,
  EC2Subnet,
  EC2SecurityGroup,
  AWSIpPermissionInbound,
  AWSIpPermissionEgress,
  AWSIpRange,
  EC2KeyPair,
  NetworkInterface,
  EC2Reservation,
  EC2Instance,
  EBSVolume,
  AWSInternetGateway,
  AWSPeeringConnection,
  AWSLoadBalancer,
  ELBListener,
  AWSLoadBalancerV2,
  ELBV2Listener,
  DBSubnetGroup,
  RDSCluster,
  RDSInstance,
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
  AccountAccessKey,
  S3Bucket,
  S3Acl,
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
  GCPBucketLabel,
] as const;

/** The Google Workspace node schemas the builder knows. */
export const gsuiteSchemas = [GSuiteTenant, GSuiteUser, GSuiteGroup] as const;

/**
 * The query builder over every provider schema: what `collect` writes.
 *
 * @example
 * const q = graph
 *   .match('a', 'AWSAccount')
 *   .match('i', 'EC2Instance', { owner: 'a' })
 *   .where('i.exposed_internet', '=', true)
 *   .return('a.name as account', 'i.instanceid', 'i.publicdnsname');
 */
export const graph = createGraph([...awsSchemas, ...gcpSchemas, ...gsuiteSchemas]);
