import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWS_PRINCIPAL } from './iam-principal.ts';
import { KMSKey } from './kms.ts';
import { AWSAccount } from './organization.ts';
import { EC2Subnet } from './subnet.ts';

/**
 * An EKS cluster, keyed by its ARN as Cartography keys it, with Cartography's
 * properties (`endpoint_public_access`, `audit_logging`, the parsed
 * certificate authority) plus the public access CIDRs, the enabled control
 * plane log types and the key that encrypts Kubernetes secrets.
 * `exposed_internet` is set by the `aws_eks_asset_exposure` analysis job.
 */
export const EKSCluster = defineNode({
  label: 'AWSEKSCluster',
  extraLabels: ['ComputeCluster'],
  legacyLabels: ['EKSCluster'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    region: 'string',
    /** When the cluster was created (ISO 8601). */
    created_at: 'string?',
    endpoint: 'string?',
    endpoint_public_access: 'boolean?',
    /** skygraph: whether the private endpoint is on. */
    endpoint_private_access: 'boolean?',
    /** skygraph: the CIDRs the public endpoint admits (`0.0.0.0/0` is everyone). */
    public_access_cidrs: 'string[]?',
    rolearn: 'string?',
    version: 'string?',
    platform_version: 'string?',
    status: 'string?',
    /** Cartography's: the `audit` control plane log is enabled. */
    audit_logging: 'boolean?',
    /** skygraph: the enabled control plane log types (`api`, `audit`, `authenticator`, `controllerManager`, `scheduler`). */
    logging_types: 'string[]?',
    /** skygraph: the KMS key that encrypts Kubernetes secrets; unset when envelope encryption is off. */
    secrets_encryption_key_arn: 'string?',
    vpc_id: 'string?',
    /** `API`, `API_AND_CONFIG_MAP` or `CONFIG_MAP`. */
    authentication_mode: 'string?',
    certificate_authority_data_present: 'boolean?',
    /** `parsed`, `missing`, `invalid_base64` or `invalid_certificate`. */
    certificate_authority_parse_status: 'string?',
    certificate_authority_parse_error: 'string?',
    /** Lower-case hex SHA-256 of the CA certificate. */
    certificate_authority_sha256_fingerprint: 'string?',
    certificate_authority_subject: 'string?',
    certificate_authority_issuer: 'string?',
    /** ISO 8601. */
    certificate_authority_not_before: 'string?',
    certificate_authority_not_after: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  computed: {
    /** The `aws_eks_asset_exposure` analysis: the public API server endpoint is on. */
    exposed_internet: 'boolean?',
  },
  relationships: {
    secretsKey: defineRel('ENCRYPTED_BY', refOf(KMSKey, 'arn'), {
      description: 'the KMS key that encrypts the cluster’s Kubernetes secrets',
    }),
  },
  description: 'An EKS cluster (EKS ListClusters, DescribeCluster).',
});

/**
 * A managed node group of an EKS cluster, keyed by its ARN: a skygraph type
 * (Cartography has no model of node groups).
 */
export const EKSNodegroup = defineNode({
  label: 'AWSEKSNodegroup',
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    cluster_name: 'string',
    status: 'string?',
    version: 'string?',
    release_version: 'string?',
    /** `ON_DEMAND` or `SPOT`. */
    capacity_type: 'string?',
    instance_types: 'string[]?',
    ami_type: 'string?',
    /** The IAM role the nodes run as. */
    node_role: 'string?',
    min_size: 'number?',
    max_size: 'number?',
    desired_size: 'number?',
    disk_size: 'number?',
    created_at: 'string?',
    modified_at: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    cluster: defineRel('HAS_NODEGROUP', refOf(EKSCluster), {
      direction: 'in',
      description: 'the cluster the node group belongs to',
    }),
    subnets: defineRel('PART_OF_SUBNET', refOf(EC2Subnet), { description: 'a subnet the nodes run in' }),
  },
  description: 'A managed node group of an EKS cluster (EKS ListNodegroups, DescribeNodegroup).',
});

/**
 * An access entry of an EKS cluster, keyed `<cluster arn>/access-entry/<principal arn>`
 * as Cartography keys it, linked from the IAM principal it grants access.
 */
export const EKSAccessEntry = defineNode({
  label: 'AWSEKSAccessEntry',
  legacyLabels: ['EKSAccessEntry'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string?',
    cluster_name: 'string',
    principal_arn: 'string',
    username: 'string?',
    /** `STANDARD`, `EC2_LINUX`, `EC2_WINDOWS`, `FARGATE_LINUX`, ... */
    type: 'string?',
    kubernetes_groups: 'string[]?',
    created_at: 'string?',
    modified_at: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    cluster: defineRel('HAS_ACCESS_ENTRY', refOf(EKSCluster, 'arn'), {
      direction: 'in',
      description: 'the cluster the entry grants access to',
    }),
    principal: defineRel('GRANTED_ACCESS_TO', AWS_PRINCIPAL, {
      direction: 'in',
      description: 'the IAM principal granted access (linked once the account IAM is synced)',
    }),
  },
  description: 'An access entry of an EKS cluster (EKS ListAccessEntries, DescribeAccessEntry).',
});
