/** SQS and SNS in the estate model (estate-types.ts): field names follow the API attributes. */
import type { AwsTag } from './estate-types.ts';

export interface AwsSqsQueue {
  queueName: string;
  /** ISO-8601; GetQueueAttributes answers epoch seconds. */
  createdTimestamp: string;
  lastModifiedTimestamp: string;
  visibilityTimeout: number;
  messageRetentionPeriod: number;
  delaySeconds: number;
  receiveMessageWaitTimeSeconds: number;
  /** The queue policy document as JSON; absent when the queue has none. */
  policy?: string;
  /** A KMS key (id, ARN or alias) for SSE-KMS; absent with SSE-SQS or no encryption. */
  kmsMasterKeyId?: string;
  /** SSE-SQS (an SQS owned key); false with neither it nor a KMS key: messages are stored unencrypted. */
  sqsManagedSseEnabled: boolean;
  /** The dead-letter queue's name (same account and region) and maxReceiveCount. */
  deadLetter?: { queueName: string; maxReceiveCount: number };
  tags: AwsTag[];
}

export interface AwsSnsSubscription {
  subscriptionId: string;
  protocol: 'sqs' | 'lambda' | 'https' | 'email';
  endpoint: string;
}

export interface AwsSnsTopic {
  topicName: string;
  displayName: string;
  /** The topic policy document as JSON (every topic has one; new topics get the owner-only default). */
  policy: string;
  /** A KMS key (id, ARN or alias) for server-side encryption; absent: messages are stored unencrypted. */
  kmsMasterKeyId?: string;
  subscriptions: AwsSnsSubscription[];
  tags: AwsTag[];
}

/** The SQS and SNS resources of a region. */
export interface AwsMessagingResources {
  sqsQueues: AwsSqsQueue[];
  snsTopics: AwsSnsTopic[];
}
