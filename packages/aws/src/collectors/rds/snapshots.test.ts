import { describe, expect, it } from 'vitest';
import { transformDbSnapshots } from './snapshots.ts';

const where = { accountId: '111122223333', region: 'us-east-1' };
const ARN = 'arn:aws:rds:us-east-1:111122223333:snapshot:mydbsnapshot';

describe('RDS snapshots', () => {
  it('writes a snapshot keyed by its ARN, linked to its instance, with who may restore it', () => {
    const [snapshots] = transformDbSnapshots(
      [
        {
          item: {
            DBSnapshotIdentifier: 'mydbsnapshot',
            DBSnapshotArn: ARN,
            DBInstanceIdentifier: 'database-mysql',
            SnapshotCreateTime: new Date('2019-06-18T22:08:40.702Z'),
            Engine: 'mysql',
            AllocatedStorage: 100,
            SnapshotType: 'manual',
            Encrypted: true,
            ProcessorFeatures: [],
          },
          sharing: { ispublic: false, shared_with_accounts: ['444455556666'] },
        },
      ],
      where,
    );
    expect(snapshots?.rows).toEqual([
      expect.objectContaining({
        id: ARN,
        arn: ARN,
        db_snapshot_identifier: 'mydbsnapshot',
        snapshot_create_time: '2019-06-18T22:08:40.702Z',
        snapshot_type: 'manual',
        processor_features: undefined,
        ispublic: false,
        shared_with_accounts: ['444455556666'],
        instance: 'arn:aws:rds:us-east-1:111122223333:db:database-mysql',
      }),
    ]);
  });
});
