import { defineNode, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/**
 * Whether new EBS volumes of an account are encrypted by default in a region,
 * keyed `<account id>:<region>` (skygraph only: Cartography has no model of
 * this account attribute). One per account and region synced: a region
 * without it was not synced.
 */
export const EBSDefaultEncryption = defineNode({
  label: 'AWSEBSDefaultEncryption',
  key: 'id',
  properties: {
    id: 'string',
    account_id: 'string',
    /** EC2 GetEbsEncryptionByDefault. */
    enabled: 'boolean?',
    /** `sse-ebs` (KMS) or `sse-ebs-fallback`, ... as GetEbsEncryptionByDefault reports it. */
    sse_type: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'EBS encryption by default in one region of an account (EC2 GetEbsEncryptionByDefault).',
});

/** An AWS Config configuration recorder, keyed `<name>:<account id>:<region>` as Cartography keys it. */
export const ConfigurationRecorder = defineNode({
  label: 'AWSConfigurationRecorder',
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    role_arn: 'string?',
    recording_group_all_supported: 'boolean?',
    recording_group_include_global_resource_types: 'boolean?',
    recording_group_resource_types: 'string[]?',
    /** DescribeConfigurationRecorderStatus: whether the recorder records now. */
    recording: 'boolean?',
    /** `Success`, `Pending` or `Failure`. */
    last_status: 'string?',
    last_start_time: 'string?',
    last_stop_time: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'An AWS Config recorder with its recording status (Config DescribeConfigurationRecorders, DescribeConfigurationRecorderStatus).',
});

/** An AWS Config delivery channel, keyed `<name>:<account id>:<region>` as Cartography keys it. */
export const ConfigDeliveryChannel = defineNode({
  label: 'AWSConfigDeliveryChannel',
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    s3_bucket_name: 'string?',
    s3_key_prefix: 'string?',
    s3_kms_key_arn: 'string?',
    sns_topic_arn: 'string?',
    config_snapshot_delivery_properties_delivery_frequency: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An AWS Config delivery channel (Config DescribeDeliveryChannels).',
});
