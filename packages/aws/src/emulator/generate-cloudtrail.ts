import type { AwsBucket, AwsKmsKey, AwsRegionResources, AwsTrail } from './estate-types.ts';
import type { Rng } from './random.ts';

export interface TrailGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  /** The account's populated regions; the first is its home region. */
  regions: string[];
  resources: Record<string, AwsRegionResources>;
  buckets: AwsBucket[];
  /**
   * Whether the account keeps a multi-Region trail of its own (false for a
   * member that relies on the organisation trail alone).
   */
  ownMultiRegionTrail: boolean;
  /** Seed the deliberate misconfigurations: `no-kms` or `no-validation` on the home region's data events trail. */
  misconfiguration?: 'no-kms' | 'no-validation' | undefined;
}

const MINUTE = 60_000;
const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** A customer managed, enabled, symmetric encryption key of a region: what CloudTrail can encrypt with. */
export function trailKey(resources: AwsRegionResources | undefined): AwsKmsKey | undefined {
  return resources?.kmsKeys.find(
    (k) =>
      k.keyManager === 'CUSTOMER' &&
      k.keyState === 'Enabled' &&
      k.keySpec === 'SYMMETRIC_DEFAULT' &&
      k.keyUsage === 'ENCRYPT_DECRYPT' &&
      !k.multiRegion,
  );
}

/** The bucket the account's trails deliver to: its access logs bucket. */
export function trailBucket(buckets: readonly AwsBucket[]): AwsBucket | undefined {
  return buckets.find((b) => b.name.includes('-access-logs-')) ?? buckets[0];
}

interface TrailInput {
  name: string;
  homeRegion: string;
  multiRegion: boolean;
  organization?: boolean;
  key?: AwsKmsKey | undefined;
  bucket: string;
  logging: boolean;
  validation: boolean;
}

/** A trail as CloudTrail's console creates it, delivering to S3 and CloudWatch Logs, logging since it was created. */
export function makeTrail(rng: Rng, now: number, accountId: string, t: TrailInput): AwsTrail {
  const created = now - rng.int(60, 1500) * DAY;
  const group = `arn:aws:logs:${t.homeRegion}:${accountId}:log-group:aws-cloudtrail-logs-${t.name}:*`;
  const stoppedAt = now - rng.int(10, 40) * DAY;
  const lastDelivery = t.logging ? now - rng.int(1, 15) * MINUTE : stoppedAt + rng.int(1, 10) * MINUTE;
  return {
    name: t.name,
    arn: `arn:aws:cloudtrail:${t.homeRegion}:${accountId}:trail/${t.name}`,
    homeRegion: t.homeRegion,
    isMultiRegionTrail: t.multiRegion,
    isOrganizationTrail: t.organization ?? false,
    includeGlobalServiceEvents: t.multiRegion,
    logFileValidationEnabled: t.validation,
    s3BucketName: t.bucket,
    s3KeyPrefix: t.organization ? 'organization' : undefined,
    ...(t.key ? { kmsKeyId: t.key.arn } : {}),
    ...(t.multiRegion
      ? {
          cloudWatchLogsLogGroupArn: group,
          cloudWatchLogsRoleArn: `arn:aws:iam::${accountId}:role/service-role/CloudTrailRoleForCloudWatchLogs_${t.name}`,
        }
      : {}),
    hasInsightSelectors: false,
    isLogging: t.logging,
    startLoggingTime: iso(created),
    ...(t.logging ? {} : { stopLoggingTime: iso(stoppedAt) }),
    latestDeliveryTime: iso(lastDelivery),
    ...(t.validation ? { latestDigestDeliveryTime: iso(lastDelivery - rng.int(0, 50) * MINUTE) } : {}),
    eventSelectors: [
      {
        readWriteType: 'All',
        includeManagementEvents: true,
        dataResources: [],
        excludeManagementEventSources: [],
      },
    ],
  };
}

/**
 * The trails of one account: a multi-Region trail in its home region (unless
 * it relies on the organisation trail) and, in every populated region, a
 * single-Region trail of S3 data events (basic selectors in even regions,
 * advanced ones in odd ones), so the trails grow with the regions.
 */
export function generateTrails(input: TrailGenerationInput): AwsTrail[] {
  const { rng, now } = input;
  const home = input.regions[0];
  const bucket = trailBucket(input.buckets);
  if (home === undefined || bucket === undefined) return [];
  const prefix = input.accountName.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const trails: AwsTrail[] = [];
  if (input.ownMultiRegionTrail) {
    trails.push(
      makeTrail(rng, now, input.accountId, {
        name: `${prefix}-management-events`,
        homeRegion: home,
        multiRegion: true,
        key: trailKey(input.resources[home]),
        bucket: bucket.name,
        logging: true,
        validation: true,
      }),
    );
  }
  input.regions.forEach((region, i) => {
    const seeded = i === 0 ? input.misconfiguration : undefined;
    const trail = makeTrail(rng, now, input.accountId, {
      name: `${prefix}-data-events-${region}`,
      homeRegion: region,
      multiRegion: false,
      key: seeded === 'no-kms' ? undefined : trailKey(input.resources[region]),
      bucket: bucket.name,
      logging: true,
      validation: seeded !== 'no-validation',
    });
    if (i % 2 === 0) {
      trail.eventSelectors = [
        {
          readWriteType: 'WriteOnly',
          includeManagementEvents: false,
          dataResources: [{ type: 'AWS::S3::Object', values: [`arn:aws:s3:::${bucket.name}/`] }],
          excludeManagementEventSources: [],
        },
      ];
    } else {
      trail.eventSelectors = [];
      trail.advancedEventSelectors = [
        {
          name: 'S3 data events',
          fieldSelectors: [
            { field: 'eventCategory', equals: ['Data'] },
            { field: 'resources.type', equals: ['AWS::S3::Object'] },
          ],
        },
      ];
    }
    trails.push(trail);
  });
  return trails;
}
