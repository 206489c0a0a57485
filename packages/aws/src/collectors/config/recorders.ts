import {
  type ConfigServiceClient,
  type ConfigurationRecorderStatus,
  type DeliveryChannel,
  DescribeConfigurationRecorderStatusCommand,
  DescribeConfigurationRecordersCommand,
  DescribeDeliveryChannelsCommand,
  type ConfigurationRecorder as SdkRecorder,
} from '@aws-sdk/client-config-service';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { withClient } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { ConfigDeliveryChannel, ConfigurationRecorder } from '../../schema/account-settings.ts';
import { isoDate, type Where } from '../where.ts';

/** What AWS Config answered in a region (none of its three calls pages). */
export interface ConfigPage {
  recorders: SdkRecorder[];
  statuses: ConfigurationRecorderStatus[];
  channels: DeliveryChannel[];
}

/** Recorder rows with their status, and delivery channel rows, keyed `<name>:<account>:<region>` as Cartography does. */
export function transformConfig(page: ConfigPage, where: Where) {
  const key = (name: string) => `${name}:${where.accountId}:${where.region}`;
  const statuses = new Map(page.statuses.map((s) => [s.name, s]));
  const recorders: NodeRow<typeof ConfigurationRecorder>[] = [];
  for (const r of page.recorders) {
    if (!r.name) continue;
    const status = statuses.get(r.name);
    recorders.push({
      id: key(r.name),
      name: r.name,
      role_arn: r.roleARN,
      recording_group_all_supported: r.recordingGroup?.allSupported,
      recording_group_include_global_resource_types: r.recordingGroup?.includeGlobalResourceTypes,
      recording_group_resource_types: r.recordingGroup?.resourceTypes,
      recording: status?.recording,
      last_status: status?.lastStatus,
      last_start_time: isoDate(status?.lastStartTime),
      last_stop_time: isoDate(status?.lastStopTime),
      region: where.region,
    });
  }
  const channels: NodeRow<typeof ConfigDeliveryChannel>[] = [];
  for (const c of page.channels) {
    if (!c.name) continue;
    channels.push({
      id: key(c.name),
      name: c.name,
      s3_bucket_name: c.s3BucketName,
      s3_key_prefix: c.s3KeyPrefix,
      s3_kms_key_arn: c.s3KmsKeyArn,
      sns_topic_arn: c.snsTopicARN,
      config_snapshot_delivery_properties_delivery_frequency:
        c.configSnapshotDeliveryProperties?.deliveryFrequency,
      region: where.region,
    });
  }
  return [load(ConfigurationRecorder, recorders), load(ConfigDeliveryChannel, channels)] as const;
}

async function readConfig(
  ctx: CollectContext<AwsScopeContext>,
  config: ConfigServiceClient,
): Promise<ConfigPage> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const recorders = await ctx.call('config:DescribeConfigurationRecorders', () =>
    config.send(new DescribeConfigurationRecordersCommand({}), signal()),
  );
  const statuses = await ctx.call('config:DescribeConfigurationRecorderStatus', () =>
    config.send(new DescribeConfigurationRecorderStatusCommand({}), signal()),
  );
  const channels = await ctx.call('config:DescribeDeliveryChannels', () =>
    config.send(new DescribeDeliveryChannelsCommand({}), signal()),
  );
  return {
    recorders: recorders.ConfigurationRecorders ?? [],
    statuses: statuses.ConfigurationRecordersStatus ?? [],
    channels: channels.DeliveryChannels ?? [],
  };
}

/**
 * The AWS Config recorders of a region with their recording status, and its
 * delivery channels (Config DescribeConfigurationRecorders,
 * DescribeConfigurationRecorderStatus, DescribeDeliveryChannels: three requests).
 */
export const configRecordersCollector = defineCollector<AwsScopeContext, ConfigPage>({
  name: 'config:recorders',
  schemas: [ConfigurationRecorder, ConfigDeliveryChannel],
  async *fetch(ctx) {
    yield await withClient(ctx.context.clients.config(ctx.context.region), (config) =>
      readConfig(ctx, config),
    );
  },
  transform: (page, ctx) => transformConfig(page, ctx.context),
});
