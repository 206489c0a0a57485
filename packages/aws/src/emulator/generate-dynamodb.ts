import type { AwsDynamoDbResources, AwsDynamoDbTable } from './estate-dynamodb-types.ts';
import type { AwsKmsKey } from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface DynamoDbGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  region: string;
  tables: number;
  /** The region's KMS keys: some tables use one of its customer managed keys. */
  kmsKeys: readonly AwsKmsKey[];
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const NAMES = ['sessions', 'carts', 'events', 'profiles', 'inventory', 'audit-log', 'feature-flags'];

/**
 * The DynamoDB tables of one region: generic tables (mostly with point-in-time
 * recovery, encrypted with an AWS owned or a customer managed key),
 * and where misconfigurations are seeded `orders-legacy` (no point-in-time
 * recovery, AWS owned key) and its twin `payments-ledger` (recovery on, a
 * customer managed key).
 */
export function generateDynamoDb(input: DynamoDbGenerationInput): AwsDynamoDbResources {
  const { rng } = input;
  const customerKeys = input.kmsKeys.filter(
    (k) => k.keyManager === 'CUSTOMER' && k.keySpec === 'SYMMETRIC_DEFAULT' && k.keyState === 'Enabled',
  );
  const table = (name: string, fields: Partial<AwsDynamoDbTable> = {}): AwsDynamoDbTable => {
    const provisioned = rng.chance(0.4);
    const key = customerKeys.length > 0 && rng.chance(0.5) ? rng.pick(customerKeys).arn : undefined;
    const created = input.now - rng.int(30, 1500) * DAY;
    return {
      tableName: name,
      tableId: uuid(rng),
      creationDateTime: iso(created),
      itemCount: rng.int(0, 5_000_000),
      tableSizeBytes: rng.int(0, 20_000) * 1024,
      billingMode: provisioned ? 'PROVISIONED' : 'PAY_PER_REQUEST',
      readCapacityUnits: provisioned ? rng.pick([5, 10, 25, 100]) : 0,
      writeCapacityUnits: provisioned ? rng.pick([5, 10, 25]) : 0,
      globalSecondaryIndexes: Array.from({ length: rng.int(0, 2) }, (_, i) => ({
        indexName: `by-${['owner', 'status', 'date'][i] ?? 'key'}`,
        readCapacityUnits: provisioned ? 5 : 0,
        writeCapacityUnits: provisioned ? 5 : 0,
      })),
      ...(rng.chance(0.3)
        ? { stream: { viewType: 'NEW_AND_OLD_IMAGES' as const, label: iso(created).replace('Z', '.000') } }
        : {}),
      ...(key ? { kmsKeyArn: key } : {}),
      pointInTimeRecovery: rng.chance(0.7),
      deletionProtection: rng.chance(0.5),
      tags: [{ key: 'app', value: name }],
      ...fields,
    };
  };
  const tables: AwsDynamoDbTable[] = [];
  for (let i = 0; i < input.tables; i++) tables.push(table(`${rng.pick(NAMES)}-${rng.lowerAlnum(5)}`));
  if (input.misconfigurations) {
    const legacy = table('orders-legacy', { pointInTimeRecovery: false });
    delete legacy.kmsKeyArn;
    tables.push(legacy);
    const key = customerKeys[0]?.arn;
    tables.push(
      table('payments-ledger', {
        pointInTimeRecovery: true,
        ...(key ? { kmsKeyArn: key } : {}),
      }),
    );
  }
  return { dynamodbTables: tables };
}
