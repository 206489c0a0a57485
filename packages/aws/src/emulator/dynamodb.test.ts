import {
  DescribeContinuousBackupsCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  paginateListTables,
} from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 71,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4, counts: { dynamodbTables: 7 } },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const ddb = () => new DynamoDBClient(clientConfig(emulator));

describe('DynamoDB emulation (JSON 1.0)', () => {
  it('pages ListTables by name with Limit and LastEvaluatedTableName', async () => {
    const names: string[] = [];
    for await (const page of paginateListTables({ client: ddb() }, { Limit: 3 }))
      names.push(...(page.TableNames ?? []));
    expect(names).toEqual(
      hubRegion()
        .dynamodbTables.map((t) => t.tableName)
        .sort(),
    );
    const bad = await rejectionOf(ddb().send(new ListTablesCommand({ Limit: 101 })));
    expect(bad.name).toBe('ValidationException');
  });

  it('describes a table with its encryption and indexes, and its point-in-time recovery', async () => {
    const model =
      hubRegion().dynamodbTables.find((t) => t.kmsKeyArn && t.globalSecondaryIndexes.length > 0) ??
      hubRegion().dynamodbTables.find((t) => t.kmsKeyArn);
    if (!model) throw new Error('no table with a customer key');
    const { Table } = await ddb().send(new DescribeTableCommand({ TableName: model.tableName }));
    expect(Table).toMatchObject({
      TableName: model.tableName,
      TableStatus: 'ACTIVE',
      ItemCount: model.itemCount,
      SSEDescription: { Status: 'ENABLED', SSEType: 'KMS', KMSMasterKeyArn: model.kmsKeyArn },
      BillingModeSummary: { BillingMode: model.billingMode },
    });
    expect(Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(
      model.globalSecondaryIndexes.length > 0
        ? model.globalSecondaryIndexes.map((i) => i.indexName)
        : undefined,
    );
    const legacy = await ddb().send(new DescribeTableCommand({ TableName: 'orders-legacy' }));
    expect(legacy.Table?.SSEDescription).toBeUndefined();
    const backups = await ddb().send(new DescribeContinuousBackupsCommand({ TableName: 'orders-legacy' }));
    expect(
      backups.ContinuousBackupsDescription?.PointInTimeRecoveryDescription?.PointInTimeRecoveryStatus,
    ).toBe('DISABLED');
    const missing = await rejectionOf(ddb().send(new DescribeTableCommand({ TableName: 'nope' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    const gone = await rejectionOf(ddb().send(new DescribeContinuousBackupsCommand({ TableName: 'nope' })));
    expect(gone.name).toBe('TableNotFoundException');
  });
});
