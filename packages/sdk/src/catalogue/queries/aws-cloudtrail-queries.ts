import { awsQuery } from './provider-query.ts';

/**
 * CloudTrail trails: whether every account has its API activity recorded,
 * kept intact and encrypted. A trail is written once, by its owner from its
 * home region; an organisation trail (the management account's) covers every
 * member of the organisation.
 */

const TRAIL_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  trail_name: 'string',
  trail_arn: 'string',
  is_multi_region_trail: 'boolean?',
  is_organization_trail: 'boolean?',
} as const;

const TRAIL_RETURN = `a.id AS account_id, a.name AS account_name, t.region AS region, t.name AS trail_name, t.arn AS trail_arn, t.is_multi_region_trail AS is_multi_region_trail, t.is_organization_trail AS is_organization_trail`;

export const cloudTrailTrails = awsQuery({
  name: 'cloudtrail_trails',
  title: 'CloudTrail trails',
  group: 'cloudtrail',
  tags: ['inventory', 'list', 'logging'],
  description:
    'CloudTrail trails with their scope (multi-Region, organisation), logging status, log file validation, KMS key and S3 bucket',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(t:AWSCloudTrailTrail)
RETURN ${TRAIL_RETURN}, t.is_logging AS is_logging, t.log_file_validation_enabled AS log_file_validation_enabled, t.kms_key_id AS kms_key_id, t.s3_bucket_name AS s3_bucket_name
ORDER BY account_name, region, trail_arn`,
  columns: {
    ...TRAIL_COLUMNS,
    is_logging: 'boolean?',
    log_file_validation_enabled: 'boolean?',
    kms_key_id: 'string?',
    s3_bucket_name: 'string?',
  },
  identity: ['trail_arn'],
});

export const cloudTrailNotLogging = awsQuery({
  name: 'cloudtrail_trail_not_logging',
  title: 'CloudTrail trails that are not logging',
  group: 'cloudtrail',
  tags: ['security', 'logging', 'misconfig'],
  description:
    'Trails whose logging is stopped (GetTrailStatus IsLogging false): the API activity they cover goes unrecorded, for every member account when it is the organisation trail',
  severity: 'high',
  remediation:
    'Start logging again (aws cloudtrail start-logging --name <trail ARN>), find out who stopped it (the StopLogging event), and deny cloudtrail:StopLogging and cloudtrail:DeleteTrail through an SCP.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(t:AWSCloudTrailTrail)
WHERE t.is_logging = false
RETURN ${TRAIL_RETURN}, t.stop_logging_time AS stop_logging_time, t.latest_delivery_time AS latest_delivery_time
ORDER BY account_name, region, trail_arn`,
  columns: { ...TRAIL_COLUMNS, stop_logging_time: 'number?', latest_delivery_time: 'number?' },
  identity: ['trail_arn'],
});

export const accountsWithoutMultiRegionTrail = awsQuery({
  name: 'aws_account_without_multi_region_trail',
  title: 'Accounts without a logging multi-Region trail',
  group: 'cloudtrail',
  tags: ['security', 'logging', 'misconfig'],
  description:
    'Synced accounts that neither own a logging multi-Region trail nor are covered by a logging organisation trail of their organisation: API activity in some regions is recorded nowhere (CIS AWS 3.1)',
  severity: 'high',
  remediation:
    'Create a multi-Region trail in the account (or an organisation trail from the management account) that records every management event, read and write, and make sure it is logging.',
  cypher: `MATCH (a:AWSAccount)
WHERE a.inscope = true AND coalesce(a.foreign, false) = false
  AND NOT EXISTS {
    MATCH (a)-[:RESOURCE]->(t:AWSCloudTrailTrail)
    WHERE t.is_multi_region_trail = true AND t.is_logging = true
  }
  AND NOT EXISTS {
    MATCH (m:AWSAccount)-[:RESOURCE]->(t:AWSCloudTrailTrail)
    WHERE a.org_id IS NOT NULL AND m.org_id = a.org_id
      AND t.is_organization_trail = true AND t.is_multi_region_trail = true AND t.is_logging = true
  }
OPTIONAL MATCH (a)-[:RESOURCE]->(own:AWSCloudTrailTrail)
WITH a, own ORDER BY own.name
WITH a, collect(own.name) AS trails
RETURN a.id AS account_id, a.name AS account_name, trails
ORDER BY account_name, account_id`,
  columns: { account_id: 'string', account_name: 'string?', trails: 'string[]' },
  identity: ['account_id'],
});

export const cloudTrailWithoutLogValidation = awsQuery({
  name: 'cloudtrail_trail_without_log_file_validation',
  title: 'CloudTrail trails without log file validation',
  group: 'cloudtrail',
  tags: ['security', 'logging', 'misconfig'],
  description:
    'Trails that deliver no digest files: a log file changed or deleted after delivery cannot be detected (CIS AWS 3.2)',
  severity: 'medium',
  remediation:
    'Turn on log file validation (aws cloudtrail update-trail --name <trail ARN> --enable-log-file-validation) and check the digests with aws cloudtrail validate-logs.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(t:AWSCloudTrailTrail)
WHERE coalesce(t.log_file_validation_enabled, false) = false
RETURN ${TRAIL_RETURN}, t.s3_bucket_name AS s3_bucket_name
ORDER BY account_name, region, trail_arn`,
  columns: { ...TRAIL_COLUMNS, s3_bucket_name: 'string?' },
  identity: ['trail_arn'],
});

export const cloudTrailWithoutKms = awsQuery({
  name: 'cloudtrail_trail_not_encrypted_with_kms',
  title: 'CloudTrail trails not encrypted with KMS',
  group: 'cloudtrail',
  tags: ['security', 'logging', 'encryption', 'misconfig'],
  description:
    'Trails whose log files are encrypted with S3 managed keys only: whoever can read the bucket can read the logs, without a key policy to pass (CIS AWS 3.5)',
  severity: 'medium',
  remediation:
    'Encrypt the trail with a customer managed KMS key (aws cloudtrail update-trail --name <trail ARN> --kms-key-id <key ARN>) whose key policy lets CloudTrail encrypt and only the log readers decrypt.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(t:AWSCloudTrailTrail)
WHERE t.kms_key_id IS NULL OR t.kms_key_id = ''
RETURN ${TRAIL_RETURN}, t.s3_bucket_name AS s3_bucket_name
ORDER BY account_name, region, trail_arn`,
  columns: { ...TRAIL_COLUMNS, s3_bucket_name: 'string?' },
  identity: ['trail_arn'],
});

export const awsCloudTrailQueries = [
  cloudTrailTrails,
  cloudTrailNotLogging,
  accountsWithoutMultiRegionTrail,
  cloudTrailWithoutLogValidation,
  cloudTrailWithoutKms,
];
