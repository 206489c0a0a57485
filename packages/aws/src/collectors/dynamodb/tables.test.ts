import { describe, expect, it } from 'vitest';
import { transformTables } from './tables.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };
const ARN = 'arn:aws:dynamodb:us-east-1:111122223333:table/Music';

describe('DynamoDB transforms', () => {
  it('writes encryption, billing, stream and recovery as properties, and the index with its table', () => {
    const [tables, indexes] = transformTables(
      {
        tables: [
          {
            table: {
              TableArn: ARN,
              TableName: 'Music',
              TableStatus: 'ACTIVE',
              CreationDateTime: new Date('2024-01-02T03:04:05Z'),
              ItemCount: 10,
              SSEDescription: {
                Status: 'ENABLED',
                SSEType: 'KMS',
                KMSMasterKeyArn: 'arn:aws:kms:us-east-1:111122223333:key/k',
              },
              StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
              GlobalSecondaryIndexes: [{ IndexName: 'by-artist', IndexArn: `${ARN}/index/by-artist` }],
            },
            pointInTimeRecovery: false,
          },
          {
            table: {
              TableArn: `${ARN}2`,
              TableName: 'Music2',
              BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
            },
          },
        ],
      },
      where,
    );
    expect(tables.rows[0]).toMatchObject({
      creation_date_time: '2024-01-02T03:04:05.000Z',
      billing_mode: 'PROVISIONED',
      sse_status: 'ENABLED',
      kms_key: 'arn:aws:kms:us-east-1:111122223333:key/k',
      stream_enabled: true,
      point_in_time_recovery_enabled: false,
    });
    // No SSEDescription: an AWS owned key; recovery unknown when it was not read.
    expect(tables.rows[1]).toMatchObject({
      sse_status: 'AWS_OWNED',
      billing_mode: 'PAY_PER_REQUEST',
      stream_enabled: false,
    });
    expect(tables.rows[1]?.point_in_time_recovery_enabled).toBeUndefined();
    expect(indexes.rows).toEqual([expect.objectContaining({ name: 'by-artist', table: ARN })]);
  });
});
