import {
  GetTopicAttributesCommand,
  ListSubscriptionsCommand,
  ListTopicsCommand,
  type SNSClient,
  type Subscription,
} from '@aws-sdk/client-sns';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { SNSTopic, SNSTopicSubscription } from '../../schema/messaging.ts';
import type { PolicyConditionKeys } from '../kms/key-policy.ts';
import { policyProperties } from '../policy-properties.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, type Where } from '../where.ts';

/** One topic and its attributes (undefined when GetTopicAttributes was refused). */
export interface TopicDetails {
  arn: string;
  attributes: Record<string, string> | undefined;
}

/** A page of the collector: topics of one ListTopics page, or subscriptions of one ListSubscriptions page. */
export interface SnsPage {
  topics: TopicDetails[];
  subscriptions: Subscription[];
}

/** `*` narrowed by one of these keys is the account named (new topics narrow to `AWS:SourceOwner`). */
const SNS_CONDITION_KEYS: PolicyConditionKeys = {
  callerAccount: new Set(['aws:sourceowner', 'aws:sourceaccount', 'aws:principalaccount']),
};

const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));

function topicRow({ arn, attributes: a }: TopicDetails, where: Where): NodeRow<typeof SNSTopic> {
  return {
    id: arn,
    arn,
    name: arn.split(':').pop() ?? arn,
    displayname: a?.DisplayName,
    owner: a?.Owner,
    subscriptionspending: num(a?.SubscriptionsPending),
    subscriptionsconfirmed: num(a?.SubscriptionsConfirmed),
    subscriptionsdeleted: num(a?.SubscriptionsDeleted),
    deliverypolicy: a?.DeliveryPolicy,
    effectivedeliverypolicy: a?.EffectiveDeliveryPolicy,
    kmsmasterkeyid: a?.KmsMasterKeyId,
    ...(a ? policyProperties(a.Policy, where.accountId, SNS_CONDITION_KEYS) : {}),
    region: where.region,
  };
}

function subscriptionRow(s: Subscription, where: Where): NodeRow<typeof SNSTopicSubscription> | undefined {
  // A pending subscription's ARN is the placeholder `PendingConfirmation`: it has no identity yet.
  if (!s.SubscriptionArn?.startsWith('arn:') || !s.TopicArn) return undefined;
  return {
    id: s.SubscriptionArn,
    arn: s.SubscriptionArn,
    topic_arn: s.TopicArn,
    endpoint: s.Endpoint,
    owner: s.Owner,
    protocol: s.Protocol,
    region: where.region,
    topic: s.TopicArn,
  };
}

export function transformSns(page: SnsPage, where: Where) {
  return [
    load(
      SNSTopic,
      page.topics.map((t) => topicRow(t, where)),
    ),
    load(SNSTopicSubscription, present(page.subscriptions.map((s) => subscriptionRow(s, where)))),
  ] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A topic deleted since it was listed is gone; a topic policy can deny the audit role. */
const TOPIC_REFUSED = 'an SNS topic request refused; its attributes left unknown';

async function topicOf(ctx: Ctx, sns: SNSClient, arn: string): Promise<TopicDetails> {
  const out = await unlessRefused(
    ctx,
    { message: TOPIC_REFUSED, topic: arn, operation: 'GetTopicAttributes' },
    () =>
      ctx.call('sns:GetTopicAttributes', () =>
        sns.send(new GetTopicAttributesCommand({ TopicArn: arn }), {
          abortSignal: requestSignal(ctx.signal),
        }),
      ),
  );
  return { arn, attributes: out?.Attributes };
}

async function* snsPages(ctx: Ctx, sns: SNSClient): AsyncIterable<SnsPage> {
  const limit = pLimit(4);
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  for await (const page of paginate(
    ctx,
    'sns:ListTopics',
    (NextToken) => sns.send(new ListTopicsCommand({ NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    const arns = present((page.Topics ?? []).map((t) => t.TopicArn));
    yield {
      topics: await Promise.all(arns.map((a) => limit(() => topicOf(ctx, sns, a)))),
      subscriptions: [],
    };
  }
  // After the topics: a subscription points at its topic.
  for await (const page of paginate(
    ctx,
    'sns:ListSubscriptions',
    (NextToken) => sns.send(new ListSubscriptionsCommand({ NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    yield { topics: [], subscriptions: page.Subscriptions ?? [] };
  }
}

/** The SNS topics of a region with their encryption and topic policy analysis, and their subscriptions. */
export const snsTopicsCollector = defineCollector<AwsScopeContext, SnsPage>({
  name: 'sns:topics',
  schemas: [SNSTopic, SNSTopicSubscription],
  fetch: (ctx) => streamWith(ctx.context.clients.sns(ctx.context.region), (sns) => snsPages(ctx, sns)),
  transform: (page, ctx) => transformSns(page, ctx.context),
});
