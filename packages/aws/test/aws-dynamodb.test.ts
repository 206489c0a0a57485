import { describe, expect, it } from 'vitest';
import { activeMembers, expectRegionalLabelsMatchEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS DynamoDB', () => {
  const aws = useEmulatedAws({ estate: { seed: 59 }, warnFields: ['collector', 'operation', 'table'] });

  /** The member with the seeded tables, and its first region. */
  const seeded = () => {
    const member = activeMembers(aws.estate).find((a) =>
      Object.values(a.regions).some((r) => r.dynamodbTables.some((t) => t.tableName === 'orders-legacy')),
    );
    const region = member?.enabledRegions[0] as string;
    const resources = member?.regions[region];
    if (!member || !resources) throw new Error('no account with the seeded tables');
    return { member, region, resources };
  };

  it('writes tables and their indexes under Cartography names, with recovery and the key that encrypts them', async () => {
    const { result, warnings } = await aws.sync({ awsServices: ['kms', 'dynamodb'] });
    expect(result.status).toBe('success');
    expect(warnings).toEqual([]);
    await expectRegionalLabelsMatchEstate(aws.store, aws.estate, [
      'AWSDynamoDBTable',
      'AWSDynamoDBGlobalSecondaryIndex',
    ]);
    const { member, region, resources } = seeded();
    const rows = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSDynamoDBTable:DynamoDBTable:Database {region: $region})
       WHERE t.name IN ['orders-legacy', 'payments-ledger']
       OPTIONAL MATCH (t)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
       RETURN t.name AS name, t.point_in_time_recovery_enabled AS pitr, t.sse_status AS sse, k.key_manager AS manager
       ORDER BY name`,
      { account: member.id, region },
    );
    expect(rows).toEqual([
      { name: 'orders-legacy', pitr: false, sse: 'AWS_OWNED', manager: null },
      { name: 'payments-ledger', pitr: true, sse: 'ENABLED', manager: 'CUSTOMER' },
    ]);
    const indexes = resources.dynamodbTables.reduce((n, t) => n + t.globalSecondaryIndexes.length, 0);
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSDynamoDBTable {region: $region})-[:GLOBAL_SECONDARY_INDEX]->(:AWSDynamoDBGlobalSecondaryIndex:DynamoDBGlobalSecondaryIndex)
         RETURN count(*) AS c`,
        { account: member.id, region },
      ),
    ).toBe(indexes);
  });

  it('costs ListTables per region, then DescribeTable and DescribeContinuousBackups per table', async () => {
    await aws.sync({ awsServices: ['dynamodb'] });
    const stats = aws.emulator.stats().byOperation ?? {};
    const regions = activeMembers(aws.estate).flatMap((a) => Object.values(a.regions));
    const tables = regions.reduce((n, r) => n + r.dynamodbTables.length, 0);
    expect(stats['dynamodb:ListTables']).toBe(regions.length);
    expect(stats['dynamodb:DescribeTable']).toBe(tables);
    expect(stats['dynamodb:DescribeContinuousBackups']).toBe(tables);
  });

  it('keeps a table whose recovery status is refused, unknown, with one warning; a denied region fails alone', async () => {
    const { member, region } = seeded();
    aws.emulator.setFaults([
      {
        service: 'dynamodb',
        account: member.id,
        region,
        operation: 'DescribeContinuousBackups',
        kind: 'AccessDenied',
        times: 1,
      },
    ]);
    const refused = await aws.sync({ awsServices: ['dynamodb'] });
    expect(refused.result.status).toBe('success');
    expect(refused.warnings).toEqual([
      expect.objectContaining({ operation: 'DescribeContinuousBackups', collector: 'dynamodb:tables' }),
    ]);
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSDynamoDBTable {region: $region})
         WHERE t.point_in_time_recovery_enabled IS NULL RETURN count(t) AS c`,
        { account: member.id, region },
      ),
    ).toBe(1);

    aws.emulator.setFaults([
      { service: 'dynamodb', account: member.id, region, operation: 'ListTables', kind: 'AccessDenied' },
    ]);
    const denied = await aws.sync({ awsServices: ['dynamodb'] });
    expect(denied.result.status).toBe('partial');
    expect(denied.result.errors).toHaveLength(1);
    expect(denied.result.errors[0]).toMatchObject({
      scope: `aws/${member.id}/${region}`,
      collector: 'dynamodb:tables',
      code: 'ACCESS_DENIED',
    });
  });
});
