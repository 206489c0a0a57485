import { AwsApiError } from './api-error.ts';
import type { AwsTrail, AwsTrailEventSelector } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import type { RequestContext } from './request-context.ts';

type Json = Record<string, unknown>;

export const CLOUDTRAIL_OPERATIONS: readonly string[] = [
  'DescribeTrails',
  'ListTrails',
  'GetTrailStatus',
  'GetEventSelectors',
];

const epochSeconds = (iso: string | undefined) =>
  iso === undefined ? undefined : new Date(iso).getTime() / 1000;
const TRAIL_ARN = /^arn:aws[a-z-]*:cloudtrail:([a-z0-9-]+):(\d{12}):trail\/([A-Za-z0-9._-]+)$/;
const TRAIL_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;

/** A trail the caller sees in the request's region, and whether it is a shadow there. */
interface Visible {
  trail: AwsTrail;
  shadow: boolean;
}

/**
 * What DescribeTrails shows in a region: the account's trails homed there,
 * its multi-Region trails homed elsewhere (shadows), and, in a member
 * account, the organisation trails of the management account (always shadows).
 */
function visibleTrails(ctx: RequestContext): Visible[] {
  const out: Visible[] = [];
  for (const t of ctx.account.trails) {
    if (t.homeRegion === ctx.region) out.push({ trail: t, shadow: false });
    else if (t.isMultiRegionTrail) out.push({ trail: t, shadow: true });
  }
  const managementId = ctx.estate.organization.managementAccountId;
  if (ctx.account.parentId !== undefined && ctx.account.id !== managementId) {
    const management = ctx.estate.accounts.find((a) => a.id === managementId);
    for (const t of management?.trails ?? []) {
      if (t.isOrganizationTrail && (t.isMultiRegionTrail || t.homeRegion === ctx.region))
        out.push({ trail: t, shadow: true });
    }
  }
  return out;
}

/** The default selectors CloudTrail gives a new trail: every management event, no data events. */
function isDefault(selectors: readonly AwsTrailEventSelector[]): boolean {
  const [only] = selectors;
  return (
    selectors.length === 1 &&
    only !== undefined &&
    only.readWriteType === 'All' &&
    only.includeManagementEvents &&
    only.dataResources.length === 0 &&
    only.excludeManagementEventSources.length === 0
  );
}

function renderTrail(t: AwsTrail): Json {
  return {
    Name: t.name,
    S3BucketName: t.s3BucketName,
    ...(t.s3KeyPrefix ? { S3KeyPrefix: t.s3KeyPrefix } : {}),
    ...(t.snsTopicArn ? { SnsTopicName: t.snsTopicArn.split(':').pop(), SnsTopicARN: t.snsTopicArn } : {}),
    IncludeGlobalServiceEvents: t.includeGlobalServiceEvents,
    IsMultiRegionTrail: t.isMultiRegionTrail,
    HomeRegion: t.homeRegion,
    TrailARN: t.arn,
    LogFileValidationEnabled: t.logFileValidationEnabled,
    ...(t.cloudWatchLogsLogGroupArn ? { CloudWatchLogsLogGroupArn: t.cloudWatchLogsLogGroupArn } : {}),
    ...(t.cloudWatchLogsRoleArn ? { CloudWatchLogsRoleArn: t.cloudWatchLogsRoleArn } : {}),
    ...(t.kmsKeyId ? { KmsKeyId: t.kmsKeyId } : {}),
    HasCustomEventSelectors: t.advancedEventSelectors !== undefined || !isDefault(t.eventSelectors),
    HasInsightSelectors: t.hasInsightSelectors,
    IsOrganizationTrail: t.isOrganizationTrail,
  };
}

function nameOf(input: Json, member: string): string {
  const v = input[member];
  if (typeof v !== 'string' || v === '') {
    throw new AwsApiError(
      'InvalidTrailNameException',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    );
  }
  return v;
}

/**
 * The trail a Name/TrailName names: a name (of a trail homed in this region)
 * or an ARN (which may name a shadow trail, as AWS requires for them).
 */
function resolveTrail(ctx: RequestContext, name: string): AwsTrail {
  const visible = visibleTrails(ctx);
  const arn = TRAIL_ARN.exec(name);
  if (name.startsWith('arn:') && !arn) {
    throw new AwsApiError('CloudTrailARNInvalidException', `Invalid trail ARN: ${name}`);
  }
  if (!arn && !TRAIL_NAME.test(name)) {
    throw new AwsApiError(
      'InvalidTrailNameException',
      'Trail name or ARN can only contain uppercase letters, lowercase letters, numbers, periods (.), hyphens (-), and underscores (_).',
    );
  }
  const found = arn
    ? visible.find((v) => v.trail.arn === name)
    : visible.find((v) => !v.shadow && v.trail.name === name);
  if (!found) {
    const shown = arn ? name : `arn:aws:cloudtrail:${ctx.region}:${ctx.account.id}:trail/${name}`;
    throw new AwsApiError(
      'TrailNotFoundException',
      `Unknown trail: ${shown} for the user: ${ctx.account.id}`,
    );
  }
  return found.trail;
}

function describeTrails(ctx: RequestContext, input: Json): Json {
  const shadows = input.includeShadowTrails !== false;
  const names = Array.isArray(input.trailNameList)
    ? input.trailNameList.filter((n): n is string => typeof n === 'string')
    : [];
  let visible = visibleTrails(ctx).filter((v) => shadows || !v.shadow);
  if (names.length > 0) {
    visible = visible.filter((v) =>
      names.some((n) => n === v.trail.arn || (!v.shadow && n === v.trail.name)),
    );
  }
  return { trailList: visible.map((v) => renderTrail(v.trail)) };
}

function listTrails(ctx: RequestContext, input: Json): Json {
  const token = typeof input.NextToken === 'string' ? input.NextToken : undefined;
  const start = decodeToken(
    ctx.operation,
    token,
    () => new AwsApiError('InvalidNextTokenException', 'Invalid NextToken.'),
  );
  const page = pageOf(visibleTrails(ctx), start, 50);
  return {
    Trails: page.items.map((v) => ({
      TrailARN: v.trail.arn,
      Name: v.trail.name,
      HomeRegion: v.trail.homeRegion,
    })),
    ...(page.next === undefined ? {} : { NextToken: encodeToken(ctx.operation, page.next) }),
  };
}

function trailStatus(t: AwsTrail): Json {
  const out: Json = {
    IsLogging: t.isLogging,
    LatestDeliveryTime: epochSeconds(t.latestDeliveryTime),
    LatestDeliveryAttemptTime: t.latestDeliveryTime,
    LatestDeliveryAttemptSucceeded: t.latestDeliveryTime,
    StartLoggingTime: epochSeconds(t.startLoggingTime),
    TimeLoggingStarted: t.startLoggingTime,
    StopLoggingTime: epochSeconds(t.stopLoggingTime),
    TimeLoggingStopped: t.stopLoggingTime ?? '',
    LatestDigestDeliveryTime: epochSeconds(t.latestDigestDeliveryTime),
    LatestNotificationAttemptTime: '',
    LatestNotificationAttemptSucceeded: '',
  };
  if (t.cloudWatchLogsLogGroupArn) out.LatestCloudWatchLogsDeliveryTime = epochSeconds(t.latestDeliveryTime);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined));
}

function eventSelectors(t: AwsTrail): Json {
  if (t.advancedEventSelectors !== undefined) {
    return {
      TrailARN: t.arn,
      AdvancedEventSelectors: t.advancedEventSelectors.map((s) => ({
        ...(s.name ? { Name: s.name } : {}),
        FieldSelectors: s.fieldSelectors.map((f) => ({
          Field: f.field,
          ...(f.equals ? { Equals: f.equals } : {}),
          ...(f.notEquals ? { NotEquals: f.notEquals } : {}),
          ...(f.startsWith ? { StartsWith: f.startsWith } : {}),
        })),
      })),
    };
  }
  return {
    TrailARN: t.arn,
    EventSelectors: t.eventSelectors.map((s) => ({
      ReadWriteType: s.readWriteType,
      IncludeManagementEvents: s.includeManagementEvents,
      DataResources: s.dataResources.map((d) => ({ Type: d.type, Values: d.values })),
      ExcludeManagementEventSources: s.excludeManagementEventSources,
    })),
  };
}

/**
 * The CloudTrail operations the collectors call (JSON 1.1,
 * `X-Amz-Target: com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.<Operation>`).
 */
export function handleCloudTrail(ctx: RequestContext, input: Json): Json {
  switch (ctx.operation) {
    case 'DescribeTrails':
      return describeTrails(ctx, input);
    case 'ListTrails':
      return listTrails(ctx, input);
    case 'GetTrailStatus':
      return trailStatus(resolveTrail(ctx, nameOf(input, 'Name')));
    case 'GetEventSelectors':
      return eventSelectors(resolveTrail(ctx, nameOf(input, 'TrailName')));
    default:
      throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
}
