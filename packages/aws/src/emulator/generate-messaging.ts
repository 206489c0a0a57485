import type { AwsMessagingResources, AwsSnsTopic, AwsSqsQueue } from './estate-messaging-types.ts';
import type { AwsKmsKey, PolicyPrincipal, PolicyStatement } from './estate-types.ts';
import { uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface MessagingGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  region: string;
  /** Generic queues (a dead-letter queue each for some); the seeded ones come on top. */
  queues: number;
  /** Generic topics; the seeded ones come on top. */
  topics: number;
  /** The region's KMS keys: some queues and topics use one of its customer managed keys. */
  kmsKeys: readonly AwsKmsKey[];
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** The account outside the organisation a seeded policy trusts. */
  externalAccountId: string | undefined;
}

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const QUEUES = ['orders', 'emails', 'thumbnails', 'billing-jobs', 'webhooks', 'exports', 'audit'];
const TOPICS = ['deployments', 'alarms', 'signups', 'invoices', 'incidents'];

const policy = (id: string, statements: PolicyStatement[]) =>
  JSON.stringify({ Version: '2012-10-17', Id: id, Statement: statements });

/** The policy SNS gives a new topic: the owner account's principals only (`AWS:SourceOwner`). */
function defaultTopicPolicy(arn: string, accountId: string): PolicyStatement {
  return {
    Sid: '__default_statement_ID',
    Effect: 'Allow',
    Principal: { AWS: '*' },
    Action: ['SNS:GetTopicAttributes', 'SNS:SetTopicAttributes', 'SNS:Subscribe', 'SNS:Publish'],
    Resource: arn,
    Condition: { StringEquals: { 'AWS:SourceOwner': accountId } },
  };
}

/**
 * The SQS queues and SNS topics of one region: generic queues (SSE-SQS or a
 * customer managed key, some with a dead-letter queue) and topics (the
 * default owner-only policy, some encrypted, fanning out to queues), and
 * where misconfigurations are seeded `orders-public` (a queue anyone may send
 * to, unencrypted) beside its twin `orders-intake` (`*` narrowed to a topic by
 * `aws:SourceArn`, SSE-SQS), `partner-inbox` (a queue an outside account may
 * send to), `status-public` (a topic anyone may subscribe to) and
 * `vendor-events` (a topic an outside account may subscribe to) beside the
 * twin `status-internal`.
 */
export function generateMessaging(input: MessagingGenerationInput): AwsMessagingResources {
  const { rng, accountId, region } = input;
  const customerKeys = input.kmsKeys.filter(
    (k) => k.keyManager === 'CUSTOMER' && k.keySpec === 'SYMMETRIC_DEFAULT' && k.keyState === 'Enabled',
  );
  const queueArn = (name: string) => `arn:aws:sqs:${region}:${accountId}:${name}`;
  const topicArn = (name: string) => `arn:aws:sns:${region}:${accountId}:${name}`;
  const customerKey = () => (customerKeys.length > 0 ? rng.pick(customerKeys).arn : undefined);

  const queue = (queueName: string, fields: Partial<AwsSqsQueue> = {}): AwsSqsQueue => {
    const created = input.now - rng.int(10, 1200) * DAY;
    const key = rng.chance(0.3) ? customerKey() : undefined;
    return {
      queueName,
      createdTimestamp: iso(created),
      lastModifiedTimestamp: iso(created + rng.int(0, 5) * DAY),
      visibilityTimeout: rng.pick([30, 60, 300]),
      messageRetentionPeriod: rng.pick([345_600, 1_209_600]),
      delaySeconds: 0,
      receiveMessageWaitTimeSeconds: rng.pick([0, 20]),
      ...(key ? { kmsMasterKeyId: key } : {}),
      sqsManagedSseEnabled: key === undefined,
      tags: [{ key: 'app', value: queueName.replace(/-[a-z0-9]{5}$/, '') }],
      ...fields,
    };
  };
  const topic = (topicName: string, fields: Partial<AwsSnsTopic> = {}): AwsSnsTopic => {
    const key = rng.chance(0.4) ? customerKey() : undefined;
    return {
      topicName,
      displayName: rng.chance(0.5) ? topicName : '',
      policy: policy('__default_policy_ID', [defaultTopicPolicy(topicArn(topicName), accountId)]),
      ...(key ? { kmsMasterKeyId: key } : {}),
      subscriptions: [],
      tags: [{ key: 'app', value: topicName.replace(/-[a-z0-9]{5}$/, '') }],
      ...fields,
    };
  };

  const queues: AwsSqsQueue[] = [];
  for (let i = 0; i < input.queues; i++) {
    const name = `${rng.pick(QUEUES)}-${rng.lowerAlnum(5)}`;
    if (rng.chance(0.4)) {
      queues.push(queue(`${name}-dlq`, { messageRetentionPeriod: 1_209_600 }));
      queues.push(
        queue(name, { deadLetter: { queueName: `${name}-dlq`, maxReceiveCount: rng.pick([3, 5]) } }),
      );
    } else queues.push(queue(name));
  }
  const topics: AwsSnsTopic[] = [];
  for (let i = 0; i < input.topics; i++) {
    const subscriber = queues.length > 0 && rng.chance(0.6) ? rng.pick(queues) : undefined;
    topics.push(
      topic(`${rng.pick(TOPICS)}-${rng.lowerAlnum(5)}`, {
        subscriptions: subscriber
          ? [{ subscriptionId: uuid(rng), protocol: 'sqs', endpoint: queueArn(subscriber.queueName) }]
          : [{ subscriptionId: uuid(rng), protocol: 'email', endpoint: 'ops@example.com' }],
      }),
    );
  }

  if (input.misconfigurations) {
    const send = (
      principal: PolicyPrincipal,
      extra: Omit<PolicyStatement, 'Effect'> = {},
    ): PolicyStatement => ({
      Effect: 'Allow',
      Principal: principal,
      Action: 'sqs:SendMessage',
      ...extra,
    });
    queues.push(
      queue('orders-public', {
        policy: policy('orders-public', [
          send('*', { Sid: 'AnyoneSend', Resource: queueArn('orders-public') }),
        ]),
        sqsManagedSseEnabled: false,
      }),
    );
    delete queues[queues.length - 1]?.kmsMasterKeyId;
    queues.push(
      queue('orders-intake', {
        policy: policy('orders-intake', [
          send('*', {
            Sid: 'TopicSend',
            Resource: queueArn('orders-intake'),
            Condition: { ArnEquals: { 'aws:SourceArn': topicArn('status-internal') } },
          }),
        ]),
        sqsManagedSseEnabled: true,
      }),
    );
    topics.push(
      topic('status-public', {
        policy: policy('status-public', [
          defaultTopicPolicy(topicArn('status-public'), accountId),
          {
            Sid: 'AnyoneSubscribe',
            Effect: 'Allow',
            Principal: '*',
            Action: 'SNS:Subscribe',
            Resource: topicArn('status-public'),
          },
        ]),
      }),
      topic('status-internal', {
        ...(customerKeys[0] ? { kmsMasterKeyId: customerKeys[0].arn } : { kmsMasterKeyId: 'alias/aws/sns' }),
        subscriptions: [{ subscriptionId: uuid(rng), protocol: 'sqs', endpoint: queueArn('orders-intake') }],
      }),
    );
    if (input.externalAccountId) {
      const vendor = { AWS: `arn:aws:iam::${input.externalAccountId}:root` };
      queues.push(
        queue('partner-inbox', {
          policy: policy('partner-inbox', [
            send(vendor, { Sid: 'PartnerSend', Resource: queueArn('partner-inbox') }),
          ]),
        }),
      );
      topics.push(
        topic('vendor-events', {
          kmsMasterKeyId: 'alias/aws/sns',
          policy: policy('vendor-events', [
            defaultTopicPolicy(topicArn('vendor-events'), accountId),
            {
              Sid: 'VendorSubscribe',
              Effect: 'Allow',
              Principal: vendor,
              Action: 'SNS:Subscribe',
              Resource: topicArn('vendor-events'),
            },
          ]),
        }),
      );
    }
  }
  return { sqsQueues: queues, snsTopics: topics };
}
