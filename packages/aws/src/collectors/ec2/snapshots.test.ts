import { describe, expect, it } from 'vitest';
import { transformImages } from './images.ts';
import { transformSnapshots } from './snapshots.ts';

const where = { accountId: '111122223333', region: 'us-east-2' };

describe('EBS snapshots and AMIs', () => {
  it('writes a snapshot with Cartography’s properties and who it is shared with', () => {
    const [snapshots] = transformSnapshots(
      [
        {
          // DescribeSnapshots example of the EC2 API reference.
          item: {
            SnapshotId: 'snap-1234567890abcdef0',
            VolumeId: 'vol-049df61146c4d7901',
            State: 'completed',
            StartTime: new Date('2019-02-28T21:28:32.000Z'),
            Progress: '100%',
            OwnerId: '111122223333',
            VolumeSize: 8,
            Description: 'This is my snapshot',
            Encrypted: false,
          },
          sharing: { ispublic: true, shared_with_accounts: ['444455556666'] },
        },
        {
          item: {
            SnapshotId: 'snap-0b5e733b4a8df6e0d',
            Encrypted: true,
            KmsKeyId: 'arn:aws:kms:us-east-2:111122223333:key/k',
          },
        },
        { item: { Description: 'no id: left out' } },
      ],
      where,
    );
    expect(snapshots?.rows).toEqual([
      expect.objectContaining({
        id: 'snap-1234567890abcdef0',
        snapshotid: 'snap-1234567890abcdef0',
        volumeid: 'vol-049df61146c4d7901',
        starttime: '2019-02-28T21:28:32.000Z',
        progress: '100%',
        ownerid: '111122223333',
        volumesize: 8,
        encrypted: false,
        ispublic: true,
        shared_with_accounts: ['444455556666'],
        region: 'us-east-2',
      }),
      expect.objectContaining({
        id: 'snap-0b5e733b4a8df6e0d',
        ispublic: undefined,
        shared_with_accounts: undefined,
      }),
    ]);
  });

  it('keys an AMI by id and region and takes Public from DescribeImages when the permissions are unknown', () => {
    const [images] = transformImages(
      [
        {
          item: { ImageId: 'ami-0abcdef1234567890', Name: 'golden', Public: true, OwnerId: '111122223333' },
          sharing: undefined,
        },
        {
          item: { ImageId: 'ami-1234567890abcdef0', Public: false },
          sharing: { ispublic: false, shared_with_accounts: ['444455556666'] },
        },
      ],
      where,
    );
    expect(images?.rows).toEqual([
      expect.objectContaining({
        id: 'ami-0abcdef1234567890|us-east-2',
        imageid: 'ami-0abcdef1234567890',
        owner: '111122223333',
        ispublic: true,
        shared_with_accounts: undefined,
      }),
      expect.objectContaining({ ispublic: false, shared_with_accounts: ['444455556666'] }),
    ]);
  });
});
