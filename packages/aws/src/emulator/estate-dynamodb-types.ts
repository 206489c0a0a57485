/** DynamoDB in the estate model (estate-types.ts): field names follow the API members. */
import type { AwsTag } from './estate-types.ts';

export interface AwsDynamoDbIndex {
  indexName: string;
  readCapacityUnits: number;
  writeCapacityUnits: number;
}

export interface AwsDynamoDbTable {
  tableName: string;
  tableId: string;
  creationDateTime: string;
  itemCount: number;
  tableSizeBytes: number;
  billingMode: 'PROVISIONED' | 'PAY_PER_REQUEST';
  /** Provisioned capacity (0 for on-demand tables, as DescribeTable reports). */
  readCapacityUnits: number;
  writeCapacityUnits: number;
  globalSecondaryIndexes: AwsDynamoDbIndex[];
  /** The stream view type when a stream is enabled. */
  stream?: { viewType: 'NEW_IMAGE' | 'OLD_IMAGE' | 'NEW_AND_OLD_IMAGES' | 'KEYS_ONLY'; label: string };
  /** The KMS key encrypting the table; absent: an AWS owned key (DescribeTable shows no SSEDescription). */
  kmsKeyArn?: string;
  pointInTimeRecovery: boolean;
  deletionProtection: boolean;
  tags: AwsTag[];
}

/** The DynamoDB resources of a region. */
export interface AwsDynamoDbResources {
  dynamodbTables: AwsDynamoDbTable[];
}
