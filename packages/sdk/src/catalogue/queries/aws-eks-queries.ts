import { awsQuery } from './provider-query.ts';

/** EKS clusters: who can reach the API server, and how the control plane is kept. */

const CLUSTER_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  cluster_name: 'string',
  cluster_arn: 'string',
  version: 'string?',
} as const;

/**
 * The clusters that pass `where` (over `c`, empty for all), each with its
 * account, returning the shared cluster columns, then `extra`.
 */
function clustersCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(c:AWSEKSCluster)
${where ? `WHERE ${where}\n` : ''}RETURN a.id AS account_id, a.name AS account_name, c.region AS region, c.name AS cluster_name, c.arn AS cluster_arn, c.version AS version, ${extra}
ORDER BY account_name, region, cluster_arn`;
}

export const eksClusters = awsQuery({
  name: 'eks_clusters',
  title: 'EKS clusters',
  group: 'eks',
  tags: ['inventory', 'list'],
  description:
    'EKS clusters with their Kubernetes version, endpoint access, control plane logging, secrets encryption and authentication mode',
  cypher: clustersCypher(
    '',
    `c.endpoint_public_access AS public_endpoint, c.public_access_cidrs AS public_access_cidrs, c.logging_types AS logging_types, c.secrets_encryption_key_arn AS secrets_key, c.authentication_mode AS authentication_mode`,
  ),
  columns: {
    ...CLUSTER_COLUMNS,
    public_endpoint: 'boolean?',
    public_access_cidrs: 'string[]?',
    logging_types: 'string[]?',
    secrets_key: 'string?',
    authentication_mode: 'string?',
  },
  identity: ['cluster_arn'],
});

export const eksPublicEndpoint = awsQuery({
  name: 'eks_cluster_public_endpoint_open',
  title: 'EKS clusters with an API endpoint open to the internet',
  group: 'eks',
  tags: ['security', 'exposure', 'misconfig'],
  description:
    'EKS clusters whose public Kubernetes API server endpoint admits 0.0.0.0/0: anyone can reach it and try credentials or exploit an API server flaw',
  severity: 'high',
  remediation:
    'Turn the public endpoint off and use the private one (UpdateClusterConfig endpointPublicAccess=false), or restrict publicAccessCidrs to the ranges that need it.',
  cypher: clustersCypher(
    `c.endpoint_public_access = true AND '0.0.0.0/0' IN coalesce(c.public_access_cidrs, ['0.0.0.0/0'])`,
    `c.endpoint AS endpoint, c.endpoint_private_access AS private_endpoint`,
  ),
  columns: { ...CLUSTER_COLUMNS, endpoint: 'string?', private_endpoint: 'boolean?' },
  identity: ['cluster_arn'],
});

export const eksLoggingDisabled = awsQuery({
  name: 'eks_cluster_logging_disabled',
  title: 'EKS clusters without control plane audit logs',
  group: 'eks',
  tags: ['security', 'logging', 'misconfig'],
  description:
    'EKS clusters whose control plane does not send the audit log (or the log types the parameter names) to CloudWatch: API server activity leaves no trace',
  severity: 'medium',
  remediation:
    'Enable the control plane log types (UpdateClusterConfig logging), at least api, audit and authenticator.',
  parameters: [
    {
      name: 'log_types',
      type: 'string[]',
      default: ['audit'],
      description: 'Control plane log types every cluster must enable',
    },
  ],
  cypher: clustersCypher(
    `any(t IN $log_types WHERE NOT t IN coalesce(c.logging_types, []))`,
    `[t IN $log_types WHERE NOT t IN coalesce(c.logging_types, [])] AS missing_log_types`,
  ),
  columns: { ...CLUSTER_COLUMNS, missing_log_types: 'string[]' },
  identity: ['cluster_arn'],
});

export const eksOldVersion = awsQuery({
  name: 'eks_cluster_old_version',
  title: 'EKS clusters on an old Kubernetes version',
  group: 'eks',
  tags: ['security', 'misconfig'],
  description:
    'EKS clusters running a Kubernetes minor version older than the parameter: past standard support they cost extended support fees and, later, are upgraded by AWS',
  severity: 'medium',
  remediation:
    'Upgrade the control plane and then the node groups one minor version at a time (UpdateClusterVersion).',
  parameters: [
    {
      name: 'min_minor',
      type: 'number',
      default: 30,
      description: 'Oldest acceptable Kubernetes 1.x minor version',
    },
  ],
  cypher: clustersCypher(
    `c.version IS NOT NULL AND toInteger(split(c.version, '.')[1]) < $min_minor`,
    `c.platform_version AS platform_version`,
  ),
  columns: { ...CLUSTER_COLUMNS, platform_version: 'string?' },
  identity: ['cluster_arn'],
});

export const eksNoSecretsEncryption = awsQuery({
  name: 'eks_cluster_secrets_not_encrypted',
  title: 'EKS clusters without secrets envelope encryption',
  group: 'eks',
  tags: ['security', 'encryption', 'misconfig'],
  description:
    'EKS clusters whose Kubernetes secrets are not envelope-encrypted with a KMS key: anyone reading etcd backups reads the secrets',
  severity: 'medium',
  remediation:
    'Associate a KMS key for secrets encryption (AssociateEncryptionConfig); it cannot be removed afterwards.',
  cypher: clustersCypher(`c.secrets_encryption_key_arn IS NULL`, `c.status AS status`),
  columns: { ...CLUSTER_COLUMNS, status: 'string?' },
  identity: ['cluster_arn'],
});

export const awsEksQueries = [
  eksClusters,
  eksPublicEndpoint,
  eksLoggingDisabled,
  eksOldVersion,
  eksNoSecretsEncryption,
] as const;
