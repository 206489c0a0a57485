import { defineNode, defineRel, refOf } from '@skygraph/core';
import { KMSKey } from './kms.ts';
import { AWSAccount } from './organization.ts';

/**
 * A DynamoDB table, keyed by its ARN as Cartography keys it. Beside
 * Cartography's properties it carries its encryption at rest (`sse_status`,
 * `sse_type` and `sse_kms_key_arn` from DescribeTable's SSEDescription), billing mode, stream and point-in-time recovery
 * (DescribeContinuousBackups) as properties rather than Cartography's
 * summary nodes.
 */
export const DynamoDBTable = defineNode({
  label: 'AWSDynamoDBTable',
  extraLabels: ['Database'],
  legacyLabels: ['DynamoDBTable'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    table_status: 'string?',
    /** ISO-8601. */
    creation_date_time: 'string?',
    /** ItemCount (refreshed about every six hours by DynamoDB). */
    rows: 'number?',
    /** TableSizeBytes. */
    size: 'number?',
    provisioned_throughput_read_capacity_units: 'number?',
    provisioned_throughput_write_capacity_units: 'number?',
    /** `PROVISIONED` or `PAY_PER_REQUEST`. */
    billing_mode: 'string?',
    /** SSEDescription.Status (`ENABLED`, ...), or `AWS_OWNED` for a table without one (an AWS owned key). */
    sse_status: 'string?',
    /** `KMS`: an AWS managed or customer managed key (see ENCRYPTED_BY and the key's `key_manager`). */
    sse_type: 'string?',
    sse_kms_key_arn: 'string?',
    stream_enabled: 'boolean?',
    stream_view_type: 'string?',
    latest_stream_arn: 'string?',
    /** Unset when DescribeContinuousBackups was refused. */
    point_in_time_recovery_enabled: 'boolean?',
    deletion_protection_enabled: 'boolean?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    kms_key: defineRel('ENCRYPTED_BY', refOf(KMSKey, 'arn'), {
      description: 'the customer or AWS managed key that encrypts the table',
    }),
  },
  description:
    'A DynamoDB table with its encryption, billing, stream and point-in-time recovery (DynamoDB ListTables, DescribeTable, DescribeContinuousBackups).',
});

/** A global secondary index of a table, keyed by its ARN. */
export const DynamoDBGlobalSecondaryIndex = defineNode({
  label: 'AWSDynamoDBGlobalSecondaryIndex',
  legacyLabels: ['DynamoDBGlobalSecondaryIndex'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    provisioned_throughput_read_capacity_units: 'number?',
    provisioned_throughput_write_capacity_units: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    table: defineRel('GLOBAL_SECONDARY_INDEX', refOf(DynamoDBTable, 'arn'), {
      direction: 'in',
      description: 'the table it indexes',
    }),
  },
  description: 'A global secondary index of a DynamoDB table (DynamoDB DescribeTable).',
});
