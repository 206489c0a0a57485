import { defineNode, defineRel, refOf } from '@skygraph/core';
import { KMSKey } from './kms.ts';
import { AWSAccount } from './organization.ts';
import { S3Bucket } from './s3.ts';

/**
 * A CloudTrail trail, keyed by its ARN. As Cartography does, a trail is
 * written once, by the account that owns it and from its home region: the
 * shadows a multi-Region trail (and an organisation trail, in member
 * accounts) shows in the other regions are not nodes of their own, so a
 * region's cleanup never touches a trail of another region. `region` is the
 * home region. `event_selectors` and `advanced_event_selectors` are the JSON
 * GetEventSelectors returns; `is_logging` and the delivery fields come from
 * GetTrailStatus (skygraph additions).
 */
export const CloudTrailTrail = defineNode({
  label: 'AWSCloudTrailTrail',
  legacyLabels: ['CloudTrailTrail'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    region: 'string',
    home_region: 'string?',
    is_multi_region_trail: 'boolean?',
    is_organization_trail: 'boolean?',
    include_global_service_events: 'boolean?',
    log_file_validation_enabled: 'boolean?',
    /** The ARN of the KMS key that encrypts the delivered logs; unset when they are encrypted with S3 managed keys. */
    kms_key_id: 'string?',
    s3_bucket_name: 'string?',
    s3_key_prefix: 'string?',
    sns_topic_arn: 'string?',
    /** The log group ARN without its `:*` suffix. */
    cloudwatch_logs_log_group_arn: 'string?',
    cloudwatch_logs_role_arn: 'string?',
    has_custom_event_selectors: 'boolean?',
    has_insight_selectors: 'boolean?',
    /** JSON array of the basic event selectors (`[]` when the trail uses advanced ones). */
    event_selectors: 'string?',
    /** JSON array of the advanced event selectors (`[]` when the trail uses basic ones). */
    advanced_event_selectors: 'string?',
    /** GetTrailStatus IsLogging (skygraph); unset when the status could not be read. */
    is_logging: 'boolean?',
    /** Seconds since the epoch (skygraph, from GetTrailStatus). */
    latest_delivery_time: 'number?',
    latest_delivery_error: 'string?',
    start_logging_time: 'number?',
    stop_logging_time: 'number?',
    latest_digest_delivery_time: 'number?',
    latest_cloudwatch_logs_delivery_time: 'number?',
    latest_cloudwatch_logs_delivery_error: 'string?',
    /** Whether a selector records every management event, read and write (skygraph, from the selectors). */
    logs_all_management_events: 'boolean?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    bucket: defineRel('LOGS_TO', refOf(S3Bucket, 'name'), {
      description: 'the S3 bucket the trail delivers its log files to',
    }),
    kmsKey: defineRel('ENCRYPTED_BY', refOf(KMSKey, 'arn'), {
      description: 'the KMS key that encrypts the delivered logs (skygraph)',
    }),
  },
  description:
    'A CloudTrail trail with its logging status and event selectors (CloudTrail DescribeTrails, GetTrailStatus, GetEventSelectors).',
});
