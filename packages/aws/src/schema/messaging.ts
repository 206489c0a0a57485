import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

const POLICY_PROPERTIES = {
  /** The resource policy as JSON; unset when there is none. */
  policy: 'string?',
  /** An Allow statement names everyone with no restricting condition; unset when the attributes could not be read. */
  anonymous_access: 'boolean?',
  anonymous_actions: 'string[]?',
  /** AWS principals (`arn:aws:iam::<account>:root` for an account) of other accounts the policy allows. */
  cross_account_principals: 'string[]?',
} as const;

/**
 * An SQS queue, keyed by its ARN as Cartography keys it, with the attributes
 * of GetQueueAttributes (numbers and booleans typed, where Cartography keeps
 * the API's strings). The queue policy is analysed as key policies are.
 */
export const SQSQueue = defineNode({
  label: 'AWSSQSQueue',
  legacyLabels: ['SQSQueue'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    url: 'string',
    /** Seconds since the epoch. */
    created_timestamp: 'number?',
    last_modified_timestamp: 'number?',
    delay_seconds: 'number?',
    maximum_message_size: 'number?',
    message_retention_period: 'number?',
    receive_message_wait_time_seconds: 'number?',
    visibility_timeout: 'number?',
    redrive_policy_dead_letter_target_arn: 'string?',
    redrive_policy_max_receive_count: 'number?',
    /** The KMS key (id, ARN or alias) of SSE-KMS. */
    kms_master_key_id: 'string?',
    kms_data_key_reuse_period_seconds: 'number?',
    /** SSE-SQS: messages encrypted with an SQS owned key. */
    sqs_managed_sse_enabled: 'boolean?',
    fifo_queue: 'boolean?',
    content_based_deduplication: 'boolean?',
    deduplication_scope: 'string?',
    fifo_throughput_limit: 'string?',
    ...POLICY_PROPERTIES,
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    dead_letter_queue: defineRel(
      'HAS_DEADLETTER_QUEUE',
      { label: 'AWSSQSQueue', key: 'id' },
      { description: 'the dead-letter queue of its redrive policy' },
    ),
  },
  description:
    'An SQS queue with its encryption, redrive and queue policy analysis (SQS ListQueues, GetQueueAttributes).',
});

/** An SNS topic, keyed by its ARN; the topic policy is analysed as key policies are. */
export const SNSTopic = defineNode({
  label: 'AWSSNSTopic',
  legacyLabels: ['SNSTopic'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    displayname: 'string?',
    owner: 'string?',
    subscriptionspending: 'number?',
    subscriptionsconfirmed: 'number?',
    subscriptionsdeleted: 'number?',
    deliverypolicy: 'string?',
    effectivedeliverypolicy: 'string?',
    /** The KMS key (id, ARN or alias) of server-side encryption; unset: messages are stored unencrypted. */
    kmsmasterkeyid: 'string?',
    ...POLICY_PROPERTIES,
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'An SNS topic with its encryption and topic policy analysis (SNS ListTopics, GetTopicAttributes).',
});

/** A confirmed subscription to a topic, keyed by its ARN (pending ones have none and are not written). */
export const SNSTopicSubscription = defineNode({
  label: 'AWSSNSTopicSubscription',
  legacyLabels: ['SNSTopicSubscription'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    topic_arn: 'string',
    endpoint: 'string?',
    owner: 'string?',
    protocol: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    topic: defineRel('HAS_SUBSCRIPTION', refOf(SNSTopic), {
      description: 'the topic it subscribes to (pointing from the subscription, as Cartography writes it)',
    }),
  },
  description: 'A confirmed subscription to an SNS topic (SNS ListSubscriptions).',
});
