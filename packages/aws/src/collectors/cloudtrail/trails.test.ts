import { describe, expect, it } from 'vitest';
import { logsAllManagementEvents, ownTrails, type TrailDetails, transformTrails } from './trails.ts';

const where = { accountId: '123456789012', region: 'us-east-2' };
const ARN = 'arn:aws:cloudtrail:us-east-2:123456789012:trail/management-events';
const KEY = 'arn:aws:kms:us-east-2:123456789012:key/12345678-1234-1234-1234-123456789012';

/** DescribeTrails, GetTrailStatus and GetEventSelectors answers (CloudTrail API reference examples). */
const trail: TrailDetails = {
  trail: {
    Name: 'management-events',
    S3BucketName: 'aws-cloudtrail-logs-123456789012',
    IncludeGlobalServiceEvents: true,
    IsMultiRegionTrail: true,
    HomeRegion: 'us-east-2',
    TrailARN: ARN,
    LogFileValidationEnabled: true,
    CloudWatchLogsLogGroupArn:
      'arn:aws:logs:us-east-2:123456789012:log-group:aws-cloudtrail-logs-123456789012:*',
    CloudWatchLogsRoleArn: 'arn:aws:iam::123456789012:role/CloudTrailRoleForCloudWatchLogs',
    KmsKeyId: KEY,
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  },
  status: {
    IsLogging: true,
    LatestDeliveryTime: new Date('2025-05-31T23:52:11Z'),
    StartLoggingTime: new Date('2024-01-10T08:00:00Z'),
    LatestDigestDeliveryTime: new Date('2025-05-31T23:20:00Z'),
    TimeLoggingStarted: '2024-01-10T08:00:00Z',
  },
  selectors: {
    eventSelectors: [
      {
        ReadWriteType: 'All',
        IncludeManagementEvents: true,
        DataResources: [],
        ExcludeManagementEventSources: [],
      },
    ],
    advancedEventSelectors: [],
  },
};

describe('CloudTrail trails transform', () => {
  it("maps a trail to Cartography's properties, with its status and selectors, and points at its bucket and key", () => {
    const [load] = transformTrails({ trails: [trail] }, where);
    expect(load.schema.label).toBe('AWSCloudTrailTrail');
    expect(load.rows).toEqual([
      {
        id: ARN,
        arn: ARN,
        name: 'management-events',
        region: 'us-east-2',
        home_region: 'us-east-2',
        is_multi_region_trail: true,
        is_organization_trail: false,
        include_global_service_events: true,
        log_file_validation_enabled: true,
        kms_key_id: KEY,
        s3_bucket_name: 'aws-cloudtrail-logs-123456789012',
        s3_key_prefix: undefined,
        sns_topic_arn: undefined,
        // Without the `:*` CloudTrail appends, as Cartography stores it.
        cloudwatch_logs_log_group_arn:
          'arn:aws:logs:us-east-2:123456789012:log-group:aws-cloudtrail-logs-123456789012',
        cloudwatch_logs_role_arn: 'arn:aws:iam::123456789012:role/CloudTrailRoleForCloudWatchLogs',
        has_custom_event_selectors: false,
        has_insight_selectors: false,
        event_selectors:
          '[{"ReadWriteType":"All","IncludeManagementEvents":true,"DataResources":[],"ExcludeManagementEventSources":[]}]',
        advanced_event_selectors: '[]',
        logs_all_management_events: true,
        is_logging: true,
        latest_delivery_time: 1748735531,
        latest_delivery_error: undefined,
        start_logging_time: 1704873600,
        stop_logging_time: undefined,
        latest_digest_delivery_time: 1748733600,
        latest_cloudwatch_logs_delivery_time: undefined,
        latest_cloudwatch_logs_delivery_error: undefined,
        bucket: 'aws-cloudtrail-logs-123456789012',
        kmsKey: KEY,
      },
    ]);
  });

  it('leaves the status and the selectors unknown when they could not be read', () => {
    const [load] = transformTrails({ trails: [{ trail: trail.trail }] }, where);
    expect(load.rows[0]).toMatchObject({
      is_logging: undefined,
      event_selectors: undefined,
      advanced_event_selectors: undefined,
      logs_all_management_events: undefined,
    });
  });

  it('writes a trail only from its home region and only in the account that owns it', () => {
    const shadow = {
      ...trail.trail,
      HomeRegion: 'eu-west-1',
      TrailARN: ARN.replace('us-east-2', 'eu-west-1'),
    };
    const organization = {
      ...trail.trail,
      IsOrganizationTrail: true,
      TrailARN: 'arn:aws:cloudtrail:us-east-2:999988887777:trail/org',
    };
    expect(ownTrails([trail.trail, shadow, organization], where)).toEqual([trail.trail]);
  });

  it('tells whether the selectors record every management event, read and write', () => {
    expect(logsAllManagementEvents([{ ReadWriteType: 'WriteOnly', IncludeManagementEvents: true }], [])).toBe(
      false,
    );
    expect(logsAllManagementEvents([{ ReadWriteType: 'All', IncludeManagementEvents: false }], [])).toBe(
      false,
    );
    const management = { Field: 'eventCategory', Equals: ['Management'] };
    expect(logsAllManagementEvents([], [{ FieldSelectors: [management] }])).toBe(true);
    expect(
      logsAllManagementEvents(
        [],
        [{ FieldSelectors: [management, { Field: 'readOnly', Equals: ['false'] }] }],
      ),
    ).toBe(false);
    expect(
      logsAllManagementEvents(
        [],
        [{ FieldSelectors: [management, { Field: 'eventSource', NotEquals: ['kms.amazonaws.com'] }] }],
      ),
    ).toBe(false);
    expect(
      logsAllManagementEvents([], [{ FieldSelectors: [{ Field: 'eventCategory', Equals: ['Data'] }] }]),
    ).toBe(false);
  });
});
