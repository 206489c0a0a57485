import {
  type AdvancedEventSelector,
  type CloudTrailClient,
  DescribeTrailsCommand,
  type EventSelector,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type GetTrailStatusResponse,
  type Trail,
} from '@aws-sdk/client-cloudtrail';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { CloudTrailTrail } from '../../schema/cloudtrail.ts';
import { unlessRefused } from '../unless-refused.ts';
import { unixSeconds, type Where } from '../where.ts';

/** One trail with what was read about it; a part is undefined when it could not be read. */
export interface TrailDetails {
  trail: Trail;
  status?: GetTrailStatusResponse | undefined;
  selectors?:
    | { eventSelectors: EventSelector[]; advancedEventSelectors: AdvancedEventSelector[] }
    | undefined;
}

/** The trails a region's scope writes: those homed in the region and owned by the account (not shadows). */
export function ownTrails(trails: readonly Trail[], where: Where): Trail[] {
  return trails.filter(
    (t) => t.TrailARN && t.HomeRegion === where.region && t.TrailARN.split(':')[4] === where.accountId,
  );
}

/**
 * Whether the selectors record every management event, read and write: a
 * basic selector with management events and `ReadWriteType: All`, or an
 * advanced one on `eventCategory = Management` that does not filter on
 * `readOnly` or leave event sources out.
 */
export function logsAllManagementEvents(
  basic: readonly EventSelector[],
  advanced: readonly AdvancedEventSelector[],
): boolean {
  if (basic.some((s) => s.IncludeManagementEvents !== false && (s.ReadWriteType ?? 'All') === 'All'))
    return true;
  return advanced.some((s) => {
    const fields = s.FieldSelectors ?? [];
    const management = fields.some(
      (f) => f.Field === 'eventCategory' && (f.Equals ?? []).includes('Management'),
    );
    const narrowed = fields.some(
      (f) => f.Field === 'readOnly' || (f.Field === 'eventSource' && (f.NotEquals ?? []).length > 0),
    );
    return management && !narrowed;
  });
}

/** Trail rows of a region (the caller passes the region's own trails). */
export function transformTrails(page: { trails: TrailDetails[] }, where: Where) {
  const rows: NodeRow<typeof CloudTrailTrail>[] = [];
  for (const { trail: t, status, selectors } of page.trails) {
    if (!t.TrailARN || !t.Name) continue;
    const basic = selectors?.eventSelectors;
    const advanced = selectors?.advancedEventSelectors;
    rows.push({
      id: t.TrailARN,
      arn: t.TrailARN,
      name: t.Name,
      region: t.HomeRegion ?? where.region,
      home_region: t.HomeRegion,
      is_multi_region_trail: t.IsMultiRegionTrail,
      is_organization_trail: t.IsOrganizationTrail,
      include_global_service_events: t.IncludeGlobalServiceEvents,
      log_file_validation_enabled: t.LogFileValidationEnabled,
      kms_key_id: t.KmsKeyId,
      s3_bucket_name: t.S3BucketName,
      s3_key_prefix: t.S3KeyPrefix,
      sns_topic_arn: t.SnsTopicARN,
      cloudwatch_logs_log_group_arn: t.CloudWatchLogsLogGroupArn?.split(':*')[0],
      cloudwatch_logs_role_arn: t.CloudWatchLogsRoleArn,
      has_custom_event_selectors: t.HasCustomEventSelectors,
      has_insight_selectors: t.HasInsightSelectors,
      event_selectors: basic ? JSON.stringify(basic) : undefined,
      advanced_event_selectors: advanced ? JSON.stringify(advanced) : undefined,
      logs_all_management_events: basic && advanced ? logsAllManagementEvents(basic, advanced) : undefined,
      is_logging: status?.IsLogging,
      latest_delivery_time: unixSeconds(status?.LatestDeliveryTime),
      latest_delivery_error: status?.LatestDeliveryError,
      start_logging_time: unixSeconds(status?.StartLoggingTime),
      stop_logging_time: unixSeconds(status?.StopLoggingTime),
      latest_digest_delivery_time: unixSeconds(status?.LatestDigestDeliveryTime),
      latest_cloudwatch_logs_delivery_time: unixSeconds(status?.LatestCloudWatchLogsDeliveryTime),
      latest_cloudwatch_logs_delivery_error: status?.LatestCloudWatchLogsDeliveryError,
      bucket: t.S3BucketName,
      kmsKey: t.KmsKeyId,
    });
  }
  return [load(CloudTrailTrail, rows)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A trail deleted since DescribeTrails is gone, and a policy may deny its status or selectors alone. */
const TRAIL_REFUSED = 'a CloudTrail trail request refused; left unknown';

async function detailsOf(ctx: Ctx, cloudtrail: CloudTrailClient, trail: Trail): Promise<TrailDetails> {
  const name = trail.TrailARN as string;
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const detail = <T>(operation: string, request: () => Promise<T>) =>
    unlessRefused(ctx, { message: TRAIL_REFUSED, trail: name, operation }, () =>
      ctx.call(`cloudtrail:${operation}`, request),
    );
  const status = await detail('GetTrailStatus', () =>
    cloudtrail.send(new GetTrailStatusCommand({ Name: name }), signal()),
  );
  const selectors = await detail('GetEventSelectors', () =>
    cloudtrail.send(new GetEventSelectorsCommand({ TrailName: name }), signal()),
  );
  return {
    trail,
    status,
    selectors: selectors && {
      eventSelectors: selectors.EventSelectors ?? [],
      advancedEventSelectors: selectors.AdvancedEventSelectors ?? [],
    },
  };
}

async function* trailPages(
  ctx: Ctx,
  cloudtrail: CloudTrailClient,
): AsyncIterable<{ trails: TrailDetails[] }> {
  // Shadows are left out: a trail is written from its home region only, by its owner.
  const described = await ctx.call('cloudtrail:DescribeTrails', () =>
    cloudtrail.send(new DescribeTrailsCommand({ includeShadowTrails: false }), {
      abortSignal: requestSignal(ctx.signal),
    }),
  );
  const own = ownTrails(described.trailList ?? [], ctx.context);
  const limit = pLimit(4);
  yield { trails: await Promise.all(own.map((t) => limit(() => detailsOf(ctx, cloudtrail, t)))) };
}

/** The CloudTrail trails homed in a region, with their logging status and event selectors. */
export const cloudTrailTrailsCollector = defineCollector<AwsScopeContext, { trails: TrailDetails[] }>({
  name: 'cloudtrail:trails',
  schemas: [CloudTrailTrail],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.cloudtrail(ctx.context.region), (cloudtrail) =>
      trailPages(ctx, cloudtrail),
    ),
  transform: (page, ctx) => transformTrails(page, ctx.context),
});
