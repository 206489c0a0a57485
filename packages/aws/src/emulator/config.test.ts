import {
  ConfigServiceClient,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
} from '@aws-sdk/client-config-service';
import { EC2Client, GetEbsEncryptionByDefaultCommand } from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 97,
    scale: { accounts: 2, regionsPerAccount: 3, resourcesPerRegion: 4 },
  });
});
afterAll(() => emulator.close());

const hub = () => {
  const account = emulator.estate.accounts[0];
  if (!account) throw new Error('no hub account');
  return account;
};
const config = (region: string) => new ConfigServiceClient(clientConfig(emulator, { region }));

describe('AWS Config and EBS encryption by default emulation', () => {
  it('answers the recorders, their status and the delivery channels of a region', async () => {
    const [first, second] = hub().enabledRegions;
    const model = hub().regionSettings?.[first as string];
    const recorders = await config(first as string).send(new DescribeConfigurationRecordersCommand({}));
    expect(recorders.ConfigurationRecorders).toEqual([
      expect.objectContaining({
        name: 'default',
        roleARN: model?.configRecorders[0]?.roleArn,
        recordingGroup: expect.objectContaining({ allSupported: true, includeGlobalResourceTypes: true }),
      }),
    ]);
    const status = await config(first as string).send(new DescribeConfigurationRecorderStatusCommand({}));
    expect(status.ConfigurationRecordersStatus?.[0]).toMatchObject({
      name: 'default',
      recording: model?.configRecorders[0]?.recording,
    });
    expect(status.ConfigurationRecordersStatus?.[0]?.lastStartTime).toBeInstanceOf(Date);
    const channels = await config(first as string).send(new DescribeDeliveryChannelsCommand({}));
    expect(channels.DeliveryChannels?.[0]).toMatchObject({
      s3BucketName: `config-bucket-${hub().id}`,
      configSnapshotDeliveryProperties: { deliveryFrequency: 'TwentyFour_Hours' },
    });
    // The seeded second region has no recorder at all.
    const none = await config(second as string).send(new DescribeConfigurationRecordersCommand({}));
    expect(none.ConfigurationRecorders).toEqual([]);
    const missing = await rejectionOf(
      config(first as string).send(
        new DescribeConfigurationRecordersCommand({ ConfigurationRecorderNames: ['nope'] }),
      ),
    );
    expect(missing.name).toBe('NoSuchConfigurationRecorderException');
  });

  it('answers GetEbsEncryptionByDefault per region', async () => {
    for (const region of hub().enabledRegions) {
      const out = await new EC2Client(clientConfig(emulator, { region })).send(
        new GetEbsEncryptionByDefaultCommand({}),
      );
      expect(out.EbsEncryptionByDefault).toBe(hub().regionSettings?.[region]?.ebsEncryptionByDefault);
      expect(out.SseType).toBe('sse-ebs');
    }
  });
});
