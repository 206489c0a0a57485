import { describe, expect, it } from 'vitest';
import { activeMembers, expectRegionalLabelsMatchEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS SQS and SNS', () => {
  const aws = useEmulatedAws({
    estate: { seed: 61 },
    warnFields: ['collector', 'operation', 'queue', 'topic'],
    values: { awsServices: ['sqs', 'sns'] },
  });

  /** The member with the seeded queues and topics, and its first region. */
  const seeded = () => {
    const member = activeMembers(aws.estate).find((a) =>
      Object.values(a.regions).some((r) => r.sqsQueues.some((q) => q.queueName === 'orders-public')),
    );
    const region = member?.enabledRegions[0] as string;
    if (!member?.regions[region]) throw new Error('no account with the seeded queues');
    return { member, region };
  };

  it('writes queues, topics and subscriptions under Cartography names, with their policy analysis', async () => {
    const { result, warnings } = await aws.sync();
    expect(result.status).toBe('success');
    expect(warnings).toEqual([]);
    await expectRegionalLabelsMatchEstate(aws.store, aws.estate, [
      'AWSSQSQueue',
      'AWSSNSTopic',
      'AWSSNSTopicSubscription',
    ]);
    const { member, region } = seeded();
    const params = { account: member.id, region };
    expect(
      await aws.store.read(
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(q:AWSSQSQueue:SQSQueue {region: $region})
         WHERE q.name IN ['orders-public', 'orders-intake', 'partner-inbox']
         RETURN q.name AS name, q.anonymous_access AS open, size(q.cross_account_principals) AS foreign,
                q.sqs_managed_sse_enabled AS sse
         ORDER BY name`,
        params,
      ),
    ).toEqual([
      { name: 'orders-intake', open: false, foreign: 0, sse: true },
      { name: 'orders-public', open: true, foreign: 0, sse: false },
      { name: 'partner-inbox', open: false, foreign: 1, sse: expect.anything() },
    ]);
    expect(
      await aws.store.read(
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSSNSTopic:SNSTopic {region: $region})
         WHERE t.name IN ['status-public', 'status-internal', 'vendor-events']
         RETURN t.name AS name, t.anonymous_access AS open, size(t.cross_account_principals) AS foreign
         ORDER BY name`,
        params,
      ),
    ).toEqual([
      { name: 'status-internal', open: false, foreign: 0 },
      { name: 'status-public', open: true, foreign: 0 },
      { name: 'vendor-events', open: false, foreign: 1 },
    ]);
    // A subscription points at its topic; a redrive policy at the dead-letter queue.
    expect(
      await count(
        aws.store,
        `MATCH (:AWSSNSTopicSubscription:SNSTopicSubscription {protocol: 'sqs', endpoint: $queue})-[:HAS_SUBSCRIPTION]->(t:AWSSNSTopic {name: 'status-internal'})
         RETURN count(*) AS c`,
        { queue: `arn:aws:sqs:${region}:${member.id}:orders-intake` },
      ),
    ).toBe(1);
    const dlqs = activeMembers(aws.estate)
      .flatMap((a) => Object.values(a.regions))
      .reduce((n, r) => n + r.sqsQueues.filter((q) => q.deadLetter).length, 0);
    expect(
      await count(
        aws.store,
        'MATCH (:AWSSQSQueue)-[:HAS_DEADLETTER_QUEUE]->(:AWSSQSQueue) RETURN count(*) AS c',
      ),
    ).toBe(dlqs);
  });

  it('links each queue to its tags from the tagging API, as Cartography does', async () => {
    const { result } = await aws.sync({ awsServices: ['sqs', 'tags'] });
    expect(result.status).toBe('success');
    const queues = activeMembers(aws.estate)
      .flatMap((a) => Object.values(a.regions))
      .reduce((n, r) => n + r.sqsQueues.length, 0);
    expect(
      await count(aws.store, 'MATCH (:AWSSQSQueue)-[:TAGGED]->(:AWSTag {key: "app"}) RETURN count(*) AS c'),
    ).toBe(queues);
  });

  it('costs ListQueues and ListTopics and ListSubscriptions per region, then one request per queue and topic', async () => {
    await aws.sync();
    const stats = aws.emulator.stats().byOperation ?? {};
    const regions = activeMembers(aws.estate).flatMap((a) => Object.values(a.regions));
    expect(stats['sqs:ListQueues']).toBe(regions.length);
    expect(stats['sqs:GetQueueAttributes']).toBe(regions.reduce((n, r) => n + r.sqsQueues.length, 0));
    expect(stats['sns:ListTopics']).toBe(regions.length);
    expect(stats['sns:ListSubscriptions']).toBe(regions.length);
    expect(stats['sns:GetTopicAttributes']).toBe(regions.reduce((n, r) => n + r.snsTopics.length, 0));
  });

  it('keeps a topic whose attributes are refused, unknown, with one warning; a region denying SQS fails alone', async () => {
    const { member, region } = seeded();
    aws.emulator.setFaults([
      {
        service: 'sns',
        account: member.id,
        region,
        operation: 'GetTopicAttributes',
        kind: 'AccessDenied',
        times: 1,
      },
    ]);
    const refused = await aws.sync();
    expect(refused.result.status).toBe('success');
    expect(refused.warnings).toEqual([
      expect.objectContaining({ operation: 'GetTopicAttributes', collector: 'sns:topics' }),
    ]);
    expect(
      await count(
        aws.store,
        `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(t:AWSSNSTopic {region: $region})
         WHERE t.anonymous_access IS NULL RETURN count(t) AS c`,
        { account: member.id, region },
      ),
    ).toBe(1);

    aws.emulator.setFaults([
      { service: 'sqs', account: member.id, region, operation: 'ListQueues', kind: 'AccessDenied' },
    ]);
    const denied = await aws.sync();
    expect(denied.result.status).toBe('partial');
    expect(denied.result.errors).toEqual([
      expect.objectContaining({
        scope: `aws/${member.id}/${region}`,
        collector: 'sqs:queues',
        code: 'ACCESS_DENIED',
      }),
    ]);
    // The topics of that region still sync.
    await expectRegionalLabelsMatchEstate(aws.store, aws.estate, ['AWSSNSTopic']);
  });
});
