import {
  GetTopicAttributesCommand,
  ListSubscriptionsCommand,
  paginateListSubscriptions,
  paginateListTopics,
  SNSClient,
} from '@aws-sdk/client-sns';
import {
  GetQueueAttributesCommand,
  ListQueuesCommand,
  ListQueueTagsCommand,
  paginateListQueues,
  SQSClient,
} from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeAuditRole, clientConfig, rejectionOf, type TestCredentials } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;
let credentials: TestCredentials;
let accountId: string;
let region: string;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 73,
    scale: {
      accounts: 3,
      regionsPerAccount: 2,
      resourcesPerRegion: 4,
      counts: { sqsQueues: 6, snsTopics: 4 },
    },
  });
  // The member whose first region holds the seeded queues and topics.
  const member = emulator.estate.accounts.find((a) =>
    Object.values(a.regions).some((r) => r.sqsQueues.some((q) => q.queueName === 'orders-public')),
  );
  if (!member) throw new Error('no account with the seeded queues');
  accountId = member.id;
  region = member.enabledRegions[0] as string;
  credentials = await assumeAuditRole(emulator, accountId);
});
afterAll(() => emulator.close());

const resources = () => {
  const r = emulator.estate.accounts.find((a) => a.id === accountId)?.regions[region];
  if (!r) throw new Error('no seeded region');
  return r;
};
const sqs = () => new SQSClient(clientConfig(emulator, { credentials, region }));
const sns = () => new SNSClient(clientConfig(emulator, { credentials, region }));
const urlOf = (name: string) => `https://sqs.${region}.amazonaws.com/${accountId}/${name}`;

describe('SQS emulation (JSON 1.0)', () => {
  it('pages ListQueues with MaxResults and NextToken, and answers them all without MaxResults', async () => {
    const urls: string[] = [];
    for await (const page of paginateListQueues({ client: sqs() }, { MaxResults: 4 }))
      urls.push(...(page.QueueUrls ?? []));
    const expected = resources().sqsQueues.map((q) => urlOf(q.queueName));
    expect(urls).toEqual(expected);
    const all = await sqs().send(new ListQueuesCommand({}));
    expect(all.QueueUrls).toEqual(expected);
    expect(all.NextToken).toBeUndefined();
  });

  it('answers GetQueueAttributes All with the policy, encryption and redrive policy', async () => {
    const open = await sqs().send(
      new GetQueueAttributesCommand({ QueueUrl: urlOf('orders-public'), AttributeNames: ['All'] }),
    );
    expect(open.Attributes).toMatchObject({
      QueueArn: `arn:aws:sqs:${region}:${accountId}:orders-public`,
      SqsManagedSseEnabled: 'false',
      MaximumMessageSize: '262144',
    });
    expect(JSON.parse(open.Attributes?.Policy ?? '{}').Statement[0].Principal).toBe('*');
    const withDlq = resources().sqsQueues.find((q) => q.deadLetter);
    if (withDlq) {
      const out = await sqs().send(
        new GetQueueAttributesCommand({
          QueueUrl: urlOf(withDlq.queueName),
          AttributeNames: ['RedrivePolicy'],
        }),
      );
      expect(Object.keys(out.Attributes ?? {})).toEqual(['RedrivePolicy']);
      expect(JSON.parse(out.Attributes?.RedrivePolicy ?? '{}').deadLetterTargetArn).toBe(
        `arn:aws:sqs:${region}:${accountId}:${withDlq.deadLetter?.queueName}`,
      );
    }
    const tags = await sqs().send(new ListQueueTagsCommand({ QueueUrl: urlOf('orders-public') }));
    expect(tags.Tags).toEqual({ app: 'orders-public' });
  });

  it('refuses a queue that does not exist with QueueDoesNotExist (AWS.SimpleQueueService.NonExistentQueue)', async () => {
    const missing = await rejectionOf(
      sqs().send(new GetQueueAttributesCommand({ QueueUrl: urlOf('nope'), AttributeNames: ['All'] })),
    );
    expect(missing.name).toBe('QueueDoesNotExist');
    expect((missing as Error & { Code?: string }).Code).toBe('AWS.SimpleQueueService.NonExistentQueue');
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    const bad = await rejectionOf(sqs().send(new ListQueuesCommand({ MaxResults: 1001 })));
    expect(bad.$metadata?.httpStatusCode).toBe(400);
  });
});

describe('SNS emulation (Query)', () => {
  it('pages ListTopics and ListSubscriptions and answers GetTopicAttributes', async () => {
    const arns: string[] = [];
    for await (const page of paginateListTopics({ client: sns() }, {}))
      arns.push(...(page.Topics ?? []).map((t) => t.TopicArn ?? ''));
    expect(arns).toEqual(
      resources().snsTopics.map((t) => `arn:aws:sns:${region}:${accountId}:${t.topicName}`),
    );
    const arn = `arn:aws:sns:${region}:${accountId}:status-public`;
    const out = await sns().send(new GetTopicAttributesCommand({ TopicArn: arn }));
    expect(out.Attributes).toMatchObject({ TopicArn: arn, Owner: accountId, SubscriptionsDeleted: '0' });
    expect(JSON.parse(out.Attributes?.Policy ?? '{}').Statement).toHaveLength(2);
    const subscriptions = [];
    for await (const page of paginateListSubscriptions({ client: sns() }, {}))
      subscriptions.push(...(page.Subscriptions ?? []));
    expect(subscriptions).toHaveLength(resources().snsTopics.reduce((n, t) => n + t.subscriptions.length, 0));
    expect(subscriptions).toContainEqual(
      expect.objectContaining({
        Protocol: 'sqs',
        Endpoint: `arn:aws:sqs:${region}:${accountId}:orders-intake`,
      }),
    );
  });

  it('refuses an unknown topic with NotFound and a foreign token with InvalidParameter', async () => {
    const missing = await rejectionOf(
      sns().send(new GetTopicAttributesCommand({ TopicArn: `arn:aws:sns:${region}:${accountId}:nope` })),
    );
    expect(missing.name).toBe('NotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const bad = await rejectionOf(sns().send(new ListSubscriptionsCommand({ NextToken: 'bogus' })));
    expect(bad.name).toBe('InvalidParameterException');
  });
});
