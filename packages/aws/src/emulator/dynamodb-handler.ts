import { AwsApiError } from './api-error.ts';
import type { AwsDynamoDbTable } from './estate-dynamodb-types.ts';
import { epochSeconds, jsonString } from './json-list.ts';
import { jsonResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

export const DYNAMODB_OPERATIONS: readonly string[] = [
  'ListTables',
  'DescribeTable',
  'DescribeContinuousBackups',
];

const tables = (ctx: RequestContext) => regionOf(ctx)?.dynamodbTables ?? [];
const tableArn = (ctx: RequestContext, name: string) =>
  `arn:aws:dynamodb:${ctx.region}:${ctx.account.id}:table/${name}`;

function tableOf(ctx: RequestContext, input: Json, notFound: string): AwsDynamoDbTable {
  const name = jsonString(input, 'TableName');
  if (!name) {
    throw new AwsApiError(
      'ValidationException',
      "1 validation error detected: Value null at 'tableName' failed to satisfy constraint: Member must not be null",
    );
  }
  // A table may be named by its ARN too.
  const local = name.startsWith('arn:') ? name.slice(name.indexOf(':table/') + 7) : name;
  const table = tables(ctx).find((t) => t.tableName === local);
  if (!table) {
    throw new AwsApiError(
      notFound,
      notFound === 'TableNotFoundException'
        ? `Table not found: ${local}`
        : `Requested resource not found: Table: ${local} not found`,
    );
  }
  return table;
}

function throughput(read: number, write: number): Json {
  return { NumberOfDecreasesToday: 0, ReadCapacityUnits: read, WriteCapacityUnits: write };
}

function describeTable(ctx: RequestContext, t: AwsDynamoDbTable): Json {
  const arn = tableArn(ctx, t.tableName);
  return {
    AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
    TableName: t.tableName,
    KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    TableStatus: 'ACTIVE',
    CreationDateTime: epochSeconds(t.creationDateTime),
    ProvisionedThroughput: throughput(t.readCapacityUnits, t.writeCapacityUnits),
    TableSizeBytes: t.tableSizeBytes,
    ItemCount: t.itemCount,
    TableArn: arn,
    TableId: t.tableId,
    // On-demand tables report their billing mode; provisioned ones created as such may omit it.
    BillingModeSummary: {
      BillingMode: t.billingMode,
      LastUpdateToPayPerRequestDateTime: epochSeconds(t.creationDateTime),
    },
    ...(t.globalSecondaryIndexes.length > 0
      ? {
          GlobalSecondaryIndexes: t.globalSecondaryIndexes.map((i) => ({
            IndexName: i.indexName,
            KeySchema: [{ AttributeName: i.indexName.replace('by-', ''), KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
            IndexStatus: 'ACTIVE',
            ProvisionedThroughput: throughput(i.readCapacityUnits, i.writeCapacityUnits),
            IndexSizeBytes: 0,
            ItemCount: 0,
            IndexArn: `${arn}/index/${i.indexName}`,
          })),
        }
      : {}),
    ...(t.stream
      ? {
          StreamSpecification: { StreamEnabled: true, StreamViewType: t.stream.viewType },
          LatestStreamLabel: t.stream.label,
          LatestStreamArn: `${arn}/stream/${t.stream.label}`,
        }
      : {}),
    // A table on an AWS owned key has no SSEDescription.
    ...(t.kmsKeyArn
      ? { SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: t.kmsKeyArn } }
      : {}),
    DeletionProtectionEnabled: t.deletionProtection,
  };
}

/** The DynamoDB operations the collectors call (JSON 1.0, `DynamoDB_20120810.<Operation>`). */
export function handleDynamoDb(ctx: RequestContext): Json {
  const input = ctx.json ?? {};
  switch (ctx.operation) {
    case 'ListTables': {
      const limit = input.Limit;
      if (
        limit !== undefined &&
        (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > 100)
      ) {
        throw new AwsApiError(
          'ValidationException',
          `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 100`,
        );
      }
      // Tables are listed by name; paging resumes after the last name returned.
      const names = tables(ctx)
        .map((t) => t.tableName)
        .sort();
      const after = jsonString(input, 'ExclusiveStartTableName');
      const start = after === undefined ? 0 : names.findIndex((n) => n > after);
      const rest = start < 0 ? [] : names.slice(start);
      const page = rest.slice(0, typeof limit === 'number' ? limit : 100);
      return {
        TableNames: page,
        ...(rest.length > page.length ? { LastEvaluatedTableName: page[page.length - 1] } : {}),
      };
    }
    case 'DescribeTable':
      return { Table: describeTable(ctx, tableOf(ctx, input, 'ResourceNotFoundException')) };
    case 'DescribeContinuousBackups': {
      const t = tableOf(ctx, input, 'TableNotFoundException');
      const now = epochSeconds(ctx.estate.generatedAt);
      return {
        ContinuousBackupsDescription: {
          ContinuousBackupsStatus: 'ENABLED',
          PointInTimeRecoveryDescription: t.pointInTimeRecovery
            ? {
                PointInTimeRecoveryStatus: 'ENABLED',
                RecoveryPeriodInDays: 35,
                EarliestRestorableDateTime: Math.max(epochSeconds(t.creationDateTime), now - 35 * 86_400),
                LatestRestorableDateTime: now - 300,
              }
            : { PointInTimeRecoveryStatus: 'DISABLED' },
        },
      };
    }
    default:
      throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
}

/** DynamoDB in the emulator's service registry (AWS JSON 1.0). */
export const dynamoDbService: EmulatedService = {
  name: 'dynamodb',
  signingName: 'dynamodb',
  protocol: 'json',
  errors: { internal: ['InternalServerError', 500] },
  handle: (ctx) => jsonResponse(handleDynamoDb(ctx), ctx.requestId, '1.0'),
};
