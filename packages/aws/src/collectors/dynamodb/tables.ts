import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ListTablesCommand,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { DynamoDBGlobalSecondaryIndex, DynamoDBTable } from '../../schema/dynamodb.ts';
import { unlessRefused } from '../unless-refused.ts';
import { isoDate, present, type Where } from '../where.ts';

/** One table with its point-in-time recovery status (undefined when it could not be read). */
export interface TableDetails {
  table: TableDescription;
  pointInTimeRecovery?: boolean | undefined;
}

export interface DynamoDbPage {
  tables: TableDetails[];
}

export function transformTables(page: DynamoDbPage, where: Where) {
  const tables: NodeRow<typeof DynamoDBTable>[] = [];
  const indexes: NodeRow<typeof DynamoDBGlobalSecondaryIndex>[] = [];
  for (const { table: t, pointInTimeRecovery } of page.tables) {
    if (!t.TableArn || !t.TableName) continue;
    const key = t.SSEDescription?.KMSMasterKeyArn;
    tables.push({
      id: t.TableArn,
      arn: t.TableArn,
      name: t.TableName,
      table_status: t.TableStatus,
      creation_date_time: isoDate(t.CreationDateTime),
      rows: t.ItemCount,
      size: t.TableSizeBytes,
      provisioned_throughput_read_capacity_units: t.ProvisionedThroughput?.ReadCapacityUnits,
      provisioned_throughput_write_capacity_units: t.ProvisionedThroughput?.WriteCapacityUnits,
      // A table created provisioned may carry no BillingModeSummary.
      billing_mode: t.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
      // No SSEDescription: encrypted with an AWS owned key.
      sse_status: t.SSEDescription?.Status ?? 'AWS_OWNED',
      sse_type: t.SSEDescription?.SSEType,
      sse_kms_key_arn: key,
      stream_enabled: t.StreamSpecification?.StreamEnabled ?? false,
      stream_view_type: t.StreamSpecification?.StreamViewType,
      latest_stream_arn: t.LatestStreamArn,
      point_in_time_recovery_enabled: pointInTimeRecovery,
      deletion_protection_enabled: t.DeletionProtectionEnabled,
      region: where.region,
      kms_key: key,
    });
    for (const i of t.GlobalSecondaryIndexes ?? []) {
      if (!i.IndexArn || !i.IndexName) continue;
      indexes.push({
        id: i.IndexArn,
        arn: i.IndexArn,
        name: i.IndexName,
        provisioned_throughput_read_capacity_units: i.ProvisionedThroughput?.ReadCapacityUnits,
        provisioned_throughput_write_capacity_units: i.ProvisionedThroughput?.WriteCapacityUnits,
        region: where.region,
        table: t.TableArn,
      });
    }
  }
  return [load(DynamoDBTable, tables), load(DynamoDBGlobalSecondaryIndex, indexes)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A table deleted since it was listed is gone; a resource policy can refuse the audit role. */
const TABLE_REFUSED = 'a DynamoDB table request refused; left unknown';

async function detailsOf(
  ctx: Ctx,
  ddb: DynamoDBClient,
  TableName: string,
): Promise<TableDetails | undefined> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const call = <T>(operation: string, request: () => Promise<T>) =>
    unlessRefused(ctx, { message: TABLE_REFUSED, table: TableName, operation }, () =>
      ctx.call(`dynamodb:${operation}`, request),
    );
  const described = await call('DescribeTable', () =>
    ddb.send(new DescribeTableCommand({ TableName }), signal()),
  );
  if (!described?.Table) return undefined;
  const backups = await call('DescribeContinuousBackups', () =>
    ddb.send(new DescribeContinuousBackupsCommand({ TableName }), signal()),
  );
  const status =
    backups?.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus;
  return {
    table: described.Table,
    pointInTimeRecovery: status === undefined ? undefined : status === 'ENABLED',
  };
}

async function* dynamoDbPages(ctx: Ctx, ddb: DynamoDBClient): AsyncIterable<DynamoDbPage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'dynamodb:ListTables',
    (ExclusiveStartTableName) =>
      ddb.send(new ListTablesCommand({ Limit: 100, ExclusiveStartTableName }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.LastEvaluatedTableName,
  )) {
    const details = await Promise.all(
      (page.TableNames ?? []).map((n) => limit(() => detailsOf(ctx, ddb, n))),
    );
    yield { tables: present(details) };
  }
}

/** DynamoDB tables of a region with their indexes and point-in-time recovery (after KMS: ENCRYPTED_BY). */
export const dynamoDbTablesCollector = defineCollector<AwsScopeContext, DynamoDbPage>({
  name: 'dynamodb:tables',
  schemas: [DynamoDBTable, DynamoDBGlobalSecondaryIndex],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.dynamodb(ctx.context.region), (ddb) => dynamoDbPages(ctx, ddb)),
  transform: (page, ctx) => transformTables(page, ctx.context),
});
