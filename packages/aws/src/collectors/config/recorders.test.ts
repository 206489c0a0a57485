import { describe, expect, it } from 'vitest';
import { transformConfig } from './recorders.ts';

const where = { accountId: '111122223333', region: 'eu-west-1' };

describe('AWS Config', () => {
  it('keys recorders and channels `<name>:<account>:<region>` and joins the recorder status', () => {
    const [recorders, channels] = transformConfig(
      {
        recorders: [
          {
            name: 'default',
            roleARN: 'arn:aws:iam::111122223333:role/config-role',
            recordingGroup: { allSupported: true, includeGlobalResourceTypes: true, resourceTypes: [] },
          },
        ],
        statuses: [
          {
            name: 'default',
            recording: false,
            lastStatus: 'Pending',
            lastStartTime: new Date('2024-01-01T00:00:00.000Z'),
          },
        ],
        channels: [
          {
            name: 'default',
            s3BucketName: 'config-bucket-111122223333',
            configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
          },
        ],
      },
      where,
    );
    expect(recorders.rows).toEqual([
      expect.objectContaining({
        id: 'default:111122223333:eu-west-1',
        recording: false,
        last_status: 'Pending',
        last_start_time: '2024-01-01T00:00:00.000Z',
        recording_group_all_supported: true,
      }),
    ]);
    expect(channels.rows).toEqual([
      expect.objectContaining({
        id: 'default:111122223333:eu-west-1',
        s3_bucket_name: 'config-bucket-111122223333',
        config_snapshot_delivery_properties_delivery_frequency: 'TwentyFour_Hours',
      }),
    ]);
  });
});
