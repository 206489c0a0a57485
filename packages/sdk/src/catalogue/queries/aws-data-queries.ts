import { awsQuery } from './provider-query.ts';

/** RDS databases and S3 buckets. */

export const rdsInstances = awsQuery({
  name: 'rds_instances',
  title: 'RDS instances',
  group: 'rds',
  tags: ['inventory', 'list'],
  description: 'RDS database instances with engine, endpoint, encryption and exposure',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance)
RETURN a.id AS account_id, a.name AS account_name, r.region AS region, r.db_instance_identifier AS db_instance, r.engine AS engine, r.engine_version AS engine_version, r.endpoint_address AS endpoint, r.publicly_accessible AS publicly_accessible, r.storage_encrypted AS storage_encrypted, r.instance_create_time AS created
ORDER BY account_name, region, db_instance`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    db_instance: 'string',
    engine: 'string?',
    engine_version: 'string?',
    endpoint: 'string?',
    publicly_accessible: 'boolean?',
    storage_encrypted: 'boolean?',
    created: 'string?',
  },
  identity: ['account_id', 'region', 'db_instance'],
});

export const rdsUnencrypted = awsQuery({
  name: 'rds_unencrypted',
  title: 'Unencrypted RDS instances',
  group: 'rds',
  tags: ['security', 'misconfig'],
  description: 'RDS instances whose storage is not encrypted at rest',
  severity: 'high',
  remediation:
    'Restore an encrypted copy from a snapshot (snapshot, copy with a KMS key, restore) and switch over.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance)
WHERE coalesce(r.storage_encrypted, false) = false
RETURN a.id AS account_id, a.name AS account_name, r.region AS region, r.db_instance_identifier AS db_instance, r.engine AS engine, r.publicly_accessible AS publicly_accessible
ORDER BY account_name, region, db_instance`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    db_instance: 'string',
    engine: 'string?',
    publicly_accessible: 'boolean?',
  },
  identity: ['account_id', 'region', 'db_instance'],
});

export const rdsPublic = awsQuery({
  name: 'rds_public',
  title: 'Publicly accessible RDS instances',
  group: 'rds',
  tags: ['security', 'networking', 'misconfig'],
  description: 'RDS instances with a public endpoint (PubliclyAccessible)',
  severity: 'high',
  remediation: 'Set PubliclyAccessible to false and reach the database from inside the VPC.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance)
WHERE r.publicly_accessible = true
RETURN a.id AS account_id, a.name AS account_name, r.region AS region, r.db_instance_identifier AS db_instance, r.endpoint_address AS endpoint, r.endpoint_port AS port, r.storage_encrypted AS storage_encrypted
ORDER BY account_name, region, db_instance`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    db_instance: 'string',
    endpoint: 'string?',
    port: 'number?',
    storage_encrypted: 'boolean?',
  },
  identity: ['account_id', 'region', 'db_instance'],
});

export const rdsOpenToWorld = awsQuery({
  name: 'rds_open_to_world',
  title: 'Public RDS instances open to the internet',
  group: 'rds',
  tags: ['security', 'networking', 'misconfig'],
  description:
    'Publicly accessible RDS instances in a security group that admits 0.0.0.0/0: the database port is reachable by anyone',
  severity: 'critical',
  remediation: 'Make the instance private, and narrow its security group to the application tier.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)<-[:MEMBER_OF_EC2_SECURITY_GROUP]-(rule:AWSIpPermissionInbound)<-[:MEMBER_OF_IP_RULE]-(range:AWSIpRange)
WHERE r.publicly_accessible = true AND range.range IN ['0.0.0.0/0', '::/0']
RETURN a.id AS account_id, a.name AS account_name, r.region AS region, r.db_instance_identifier AS db_instance, r.endpoint_address AS endpoint, sg.groupid AS security_group_id, rule.fromport AS from_port, rule.toport AS to_port
ORDER BY account_name, db_instance, security_group_id, region, from_port, to_port`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    db_instance: 'string',
    endpoint: 'string?',
    security_group_id: 'string',
    from_port: 'number?',
    to_port: 'number?',
  },
  identity: ['account_id', 'region', 'db_instance', 'security_group_id', 'from_port', 'to_port'],
});

export const rdsNoIamAuth = awsQuery({
  name: 'rds_no_iam_auth',
  title: 'RDS instances without IAM authentication',
  group: 'rds',
  tags: ['security', 'misconfig'],
  description: 'RDS instances that only accept database passwords (IAM database authentication off)',
  severity: 'low',
  remediation: 'Enable IAM database authentication and give applications IAM-based, short-lived credentials.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance)
WHERE coalesce(r.iam_database_authentication_enabled, false) = false
RETURN a.id AS account_id, a.name AS account_name, r.region AS region, r.db_instance_identifier AS db_instance, r.engine AS engine
ORDER BY account_name, region, db_instance`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    db_instance: 'string',
    engine: 'string?',
  },
  identity: ['account_id', 'region', 'db_instance'],
});

export const rdsSecurityGroups = awsQuery({
  name: 'rds_security_groups',
  title: 'Security groups of each RDS instance',
  group: 'rds',
  tags: ['inventory', 'networking', 'drift'],
  description: 'The VPC security groups each RDS instance is in',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
WITH a, r, sg ORDER BY sg.groupid
RETURN a.id AS account_id, a.name AS account_name, r.db_instance_identifier AS db_instance, count(DISTINCT sg) AS group_count, collect(DISTINCT sg.groupid) AS security_groups
ORDER BY group_count DESC, db_instance, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    db_instance: 'string',
    group_count: 'number',
    security_groups: 'string[]',
  },
  identity: ['account_id', 'db_instance'],
});

export const s3Buckets = awsQuery({
  name: 's3_buckets',
  title: 'S3 buckets',
  group: 's3',
  tags: ['inventory', 'list'],
  description: 'S3 buckets with region, encryption, versioning and anonymous access',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(b:AWSS3Bucket)
RETURN a.id AS account_id, a.name AS account_name, b.name AS bucket, b.region AS region, b.creationdate AS created, b.default_encryption AS encrypted, b.versioning_status AS versioning, b.anonymous_access AS anonymous_access
ORDER BY account_name, bucket`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    bucket: 'string',
    region: 'string?',
    created: 'string?',
    encrypted: 'boolean?',
    versioning: 'string?',
    anonymous_access: 'boolean?',
  },
  identity: ['bucket'],
});

export const s3Anonymous = awsQuery({
  name: 's3_anonymous',
  title: 'S3 buckets anyone can access',
  group: 's3',
  tags: ['security', 'misconfig'],
  description: 'Buckets whose ACL or policy grants access to anonymous users (or to every AWS user)',
  severity: 'critical',
  remediation:
    'Turn on S3 Block Public Access for the bucket (and the account); serve public content through CloudFront with origin access control.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(b:AWSS3Bucket)
WHERE b.anonymous_access = true
RETURN a.id AS account_id, a.name AS account_name, b.name AS bucket, b.region AS region, b.anonymous_actions AS anonymous_actions
ORDER BY account_name, bucket`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    bucket: 'string',
    region: 'string?',
    anonymous_actions: 'string[]?',
  },
  identity: ['bucket'],
});

export const s3Unencrypted = awsQuery({
  name: 's3_unencrypted',
  title: 'S3 buckets without default encryption',
  group: 's3',
  tags: ['security', 'misconfig'],
  description: 'Buckets with no default encryption configuration reported',
  severity: 'medium',
  remediation: 'Set default encryption (SSE-S3 or SSE-KMS) on the bucket.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(b:AWSS3Bucket)
WHERE coalesce(b.default_encryption, false) = false
RETURN a.id AS account_id, a.name AS account_name, b.name AS bucket, b.region AS region
ORDER BY account_name, bucket`,
  columns: { account_id: 'string', account_name: 'string?', bucket: 'string', region: 'string?' },
  identity: ['bucket'],
});

export const s3Acls = awsQuery({
  name: 's3_acls',
  title: 'S3 bucket ACL grants',
  group: 's3',
  tags: ['inventory', 'security', 'drift'],
  description: 'Every grant of every bucket ACL: who gets which permission',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(b:AWSS3Bucket)<-[:APPLIES_TO]-(acl:AWSS3Acl)
RETURN a.id AS account_id, a.name AS account_name, b.name AS bucket, acl.type AS grantee_type, coalesce(acl.granteeid, acl.uri) AS grantee, acl.displayname AS grantee_name, acl.permission AS permission
ORDER BY account_name, bucket, grantee_type, grantee, permission`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    bucket: 'string',
    grantee_type: 'string',
    grantee: 'string',
    grantee_name: 'string?',
    permission: 'string',
  },
  identity: ['bucket', 'grantee', 'permission'],
});

export const s3NoPublicAccessBlock = awsQuery({
  name: 's3_no_public_access_block',
  title: 'S3 buckets without a full public access block',
  group: 's3',
  tags: ['security', 'misconfig'],
  description: 'Buckets where one of the four S3 Block Public Access settings is off',
  severity: 'low',
  remediation: 'Turn on all four Block Public Access settings unless the bucket must be public.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(b:AWSS3Bucket)
WHERE NOT (coalesce(b.block_public_acls, false) AND coalesce(b.ignore_public_acls, false) AND coalesce(b.block_public_policy, false) AND coalesce(b.restrict_public_buckets, false))
RETURN a.id AS account_id, a.name AS account_name, b.name AS bucket, b.block_public_acls AS block_public_acls, b.ignore_public_acls AS ignore_public_acls, b.block_public_policy AS block_public_policy, b.restrict_public_buckets AS restrict_public_buckets
ORDER BY account_name, bucket`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    bucket: 'string',
    block_public_acls: 'boolean?',
    ignore_public_acls: 'boolean?',
    block_public_policy: 'boolean?',
    restrict_public_buckets: 'boolean?',
  },
  identity: ['bucket'],
});

export const s3AccountNoPublicAccessBlock = awsQuery({
  name: 's3_account_no_public_access_block',
  title: 'Accounts without a full account-level S3 public access block',
  group: 's3',
  tags: ['security', 'misconfig'],
  description:
    'Accounts with S3 data where the account-level Block Public Access settings (S3 Control) are missing or not all four on, so one bucket policy or ACL can make data public (a CIS AWS Foundations control)',
  severity: 'high',
  remediation:
    'Turn on all four settings for the account (S3 Control PutPublicAccessBlock, or the S3 console\'s "Block Public Access settings for this account"); keep genuinely public content behind CloudFront instead.',
  // The accounts S3 was synced for: those with a bucket or a block node (an account without either has no S3 data to expose).
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(x)
WHERE x:AWSS3Bucket OR x:AWSS3AccountPublicAccessBlock
WITH a,
  sum(CASE WHEN x:AWSS3AccountPublicAccessBlock THEN 1 ELSE 0 END) AS blocks,
  sum(CASE WHEN x:AWSS3AccountPublicAccessBlock AND x.block_public_acls = true AND x.ignore_public_acls = true AND x.block_public_policy = true AND x.restrict_public_buckets = true THEN 1 ELSE 0 END) AS full_blocks
WHERE full_blocks = 0
RETURN a.id AS account_id, a.name AS account_name, blocks > 0 AS partly_configured
ORDER BY account_name`,
  columns: { account_id: 'string', account_name: 'string?', partly_configured: 'boolean' },
  identity: ['account_id'],
});

export const awsDataQueries = [
  rdsInstances,
  rdsUnencrypted,
  rdsPublic,
  rdsOpenToWorld,
  rdsNoIamAuth,
  rdsSecurityGroups,
  s3Buckets,
  s3Anonymous,
  s3Unencrypted,
  s3Acls,
  s3NoPublicAccessBlock,
  s3AccountNoPublicAccessBlock,
] as const;
