import { awsQuery } from './provider-query.ts';

/** DynamoDB tables: recovery and encryption. */

const TABLE_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  table_name: 'string',
  table_arn: 'string',
} as const;

/** Tables that pass `where` (over `t` and `k`, its KMS key if any), returning the shared columns then `extra`. */
function tablesCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(t:AWSDynamoDBTable)
OPTIONAL MATCH (t)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
WITH a, t, k
${where ? `WHERE ${where}\n` : ''}RETURN a.id AS account_id, a.name AS account_name, t.region AS region, t.name AS table_name, t.arn AS table_arn, ${extra}
ORDER BY account_name, region, table_arn`;
}

export const dynamodbTables = awsQuery({
  name: 'dynamodb_tables',
  title: 'DynamoDB tables',
  group: 'dynamodb',
  tags: ['inventory', 'list', 'database'],
  description: 'DynamoDB tables with their billing mode, size, point-in-time recovery and encryption key',
  cypher: tablesCypher(
    '',
    't.billing_mode AS billing_mode, t.rows AS item_count, t.point_in_time_recovery_enabled AS point_in_time_recovery, k.key_manager AS key_manager',
  ),
  columns: {
    ...TABLE_COLUMNS,
    billing_mode: 'string?',
    item_count: 'number?',
    point_in_time_recovery: 'boolean?',
    key_manager: 'string?',
  },
  identity: ['table_arn'],
});

export const dynamodbPitrDisabled = awsQuery({
  name: 'dynamodb_pitr_disabled',
  title: 'DynamoDB tables without point-in-time recovery',
  group: 'dynamodb',
  tags: ['security', 'database', 'backup', 'misconfig'],
  description:
    'DynamoDB tables with point-in-time recovery off: a bad write or delete cannot be rolled back to a moment of the last 35 days',
  severity: 'medium',
  remediation:
    'Turn on point-in-time recovery (update-continuous-backups --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true), or cover the table with AWS Backup.',
  cypher: tablesCypher('t.point_in_time_recovery_enabled = false', 't.rows AS item_count'),
  columns: { ...TABLE_COLUMNS, item_count: 'number?' },
  identity: ['table_arn'],
});

export const dynamodbNotCustomerKey = awsQuery({
  name: 'dynamodb_not_customer_key',
  title: 'DynamoDB tables not encrypted with a customer managed key',
  group: 'dynamodb',
  tags: ['security', 'database', 'encryption'],
  description:
    'DynamoDB tables encrypted with an AWS owned or AWS managed key: you cannot restrict or audit who uses the key, nor revoke access by disabling it',
  severity: 'low',
  remediation:
    'Switch the table to a customer managed KMS key (update-table --sse-specification Enabled=true,SSEType=KMS,KMSMasterKeyId=<key>) whose policy grants only the roles that need the data.',
  cypher: tablesCypher(
    "k IS NULL OR k.key_manager <> 'CUSTOMER'",
    't.sse_status AS sse_status, t.sse_kms_key_arn AS kms_key_arn',
  ),
  columns: { ...TABLE_COLUMNS, sse_status: 'string?', kms_key_arn: 'string?' },
  identity: ['table_arn'],
});

export const awsDynamoDbQueries = [dynamodbTables, dynamodbPitrDisabled, dynamodbNotCustomerKey] as const;
