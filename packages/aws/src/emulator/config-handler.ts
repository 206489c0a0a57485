import { AwsApiError } from './api-error.ts';
import type {
  AwsConfigDeliveryChannel,
  AwsConfigRecorder,
  AwsRegionSettings,
} from './estate-settings-types.ts';
import { jsonResponse, type WireResponse } from './protocols.ts';
import type { RequestContext } from './request-context.ts';
import type { EmulatedService } from './services.ts';

/**
 * AWS Config (JSON 1.1, StarlingDoveService): DescribeConfigurationRecorders,
 * DescribeConfigurationRecorderStatus and DescribeDeliveryChannels. None of
 * them pages: a region has at most one customer managed recorder and channel.
 */

const NONE: AwsRegionSettings = {
  ebsEncryptionByDefault: false,
  configRecorders: [],
  configDeliveryChannels: [],
};
const settingsOf = (ctx: RequestContext) => ctx.account.regionSettings?.[ctx.region] ?? NONE;
const seconds = (iso: string | undefined) => (iso === undefined ? undefined : Date.parse(iso) / 1000);

/** The items a `<Kind>Names` list asks for; an unknown name is the service's NoSuch... error. */
function named<T extends { name: string }>(
  ctx: RequestContext,
  param: string,
  items: readonly T[],
  notFound: (name: string) => AwsApiError,
): readonly T[] {
  const names = ctx.json?.[param];
  if (!Array.isArray(names) || names.length === 0) return items;
  return names.map((n) => {
    const found = items.find((i) => i.name === n);
    if (!found) throw notFound(String(n));
    return found;
  });
}

const noRecorder = (name: string) =>
  new AwsApiError(
    'NoSuchConfigurationRecorderException',
    `Cannot find configuration recorder with the specified name '${name}'.`,
  );
const recorderArn = (ctx: RequestContext, r: AwsConfigRecorder) =>
  `arn:aws:config:${ctx.region}:${ctx.account.id}:configuration-recorder/${r.name}/${ctx.account.id.slice(0, 6)}${r.name.length}`;

function describeConfigurationRecorders(ctx: RequestContext) {
  const recorders = named(ctx, 'ConfigurationRecorderNames', settingsOf(ctx).configRecorders, noRecorder);
  return {
    ConfigurationRecorders: recorders.map((r) => ({
      arn: recorderArn(ctx, r),
      name: r.name,
      roleARN: r.roleArn,
      recordingGroup: {
        allSupported: r.allSupported,
        includeGlobalResourceTypes: r.includeGlobalResourceTypes,
        resourceTypes: r.resourceTypes,
        exclusionByResourceTypes: { resourceTypes: [] },
        recordingStrategy: {
          useOnly: r.allSupported ? 'ALL_SUPPORTED_RESOURCE_TYPES' : 'INCLUSION_BY_RESOURCE_TYPES',
        },
      },
      recordingMode: { recordingFrequency: 'CONTINUOUS', recordingModeOverrides: [] },
      recordingScope: 'PAID',
    })),
  };
}

function describeConfigurationRecorderStatus(ctx: RequestContext) {
  const recorders = named(ctx, 'ConfigurationRecorderNames', settingsOf(ctx).configRecorders, noRecorder);
  return {
    ConfigurationRecordersStatus: recorders.map((r) => ({
      arn: recorderArn(ctx, r),
      name: r.name,
      lastStartTime: seconds(r.lastStartTime),
      lastStopTime: seconds(r.lastStopTime),
      recording: r.recording,
      lastStatus: r.recording ? 'Success' : 'Pending',
      lastStatusChangeTime: seconds(r.lastStopTime ?? r.lastStartTime),
    })),
  };
}

function describeDeliveryChannels(ctx: RequestContext) {
  const channels = named(
    ctx,
    'DeliveryChannelNames',
    settingsOf(ctx).configDeliveryChannels,
    (name) =>
      new AwsApiError(
        'NoSuchDeliveryChannelException',
        `Cannot find delivery channel with specified name '${name}'.`,
      ),
  );
  return {
    DeliveryChannels: channels.map((c: AwsConfigDeliveryChannel) => ({
      name: c.name,
      s3BucketName: c.s3BucketName,
      s3KeyPrefix: c.s3KeyPrefix,
      s3KmsKeyArn: c.s3KmsKeyArn,
      snsTopicARN: c.snsTopicArn,
      configSnapshotDeliveryProperties: { deliveryFrequency: c.deliveryFrequency },
    })),
  };
}

const OPERATIONS: Record<string, (ctx: RequestContext) => unknown> = {
  DescribeConfigurationRecorders: describeConfigurationRecorders,
  DescribeConfigurationRecorderStatus: describeConfigurationRecorderStatus,
  DescribeDeliveryChannels: describeDeliveryChannels,
};

function handleConfig(ctx: RequestContext): WireResponse {
  const op = OPERATIONS[ctx.operation];
  if (!op) throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  return jsonResponse(op(ctx), ctx.requestId);
}

export const CONFIG_SERVICE: EmulatedService = {
  name: 'config',
  signingName: 'config',
  protocol: 'json',
  errors: { throttling: ['ThrottlingException', 400], internal: ['InternalFailure', 500] },
  handle: handleConfig,
};
