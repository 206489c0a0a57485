import { AwsApiError } from './api-error.ts';
import type { AwsSnsTopic } from './estate-messaging-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { queryService } from './query-service.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';
import { el, list } from './xml.ts';

/** ListTopics and ListSubscriptions answer 100 items a page, with no page size parameter. */
const PAGE = 100;

const topics = (ctx: RequestContext) => regionOf(ctx)?.snsTopics ?? [];
const topicArn = (ctx: RequestContext, name: string) => `arn:aws:sns:${ctx.region}:${ctx.account.id}:${name}`;

/** One page of `items` and its NextToken element, as the SNS list operations answer. */
function snsPage<T>(ctx: RequestContext, items: readonly T[]): { items: T[]; next: string } {
  const start = decodeToken(
    ctx.operation,
    ctx.params.get('NextToken') ?? undefined,
    () => new AwsApiError('InvalidParameter', 'Invalid parameter: NextToken'),
  );
  const page = pageOf(items, start, PAGE);
  return {
    items: page.items,
    next: page.next === undefined ? '' : el('NextToken', encodeToken(ctx.operation, page.next)),
  };
}

function topicOf(ctx: RequestContext): AwsSnsTopic {
  const arn = ctx.params.get('TopicArn');
  if (!arn) throw new AwsApiError('InvalidParameter', 'Invalid parameter: TopicArn');
  if (!/^arn:aws[\w-]*:sns:[\w-]+:\d{12}:[\w-]+$/.test(arn)) {
    throw new AwsApiError(
      'InvalidParameter',
      'Invalid parameter: TopicArn Reason: An ARN must have 6 elements',
    );
  }
  const topic = topics(ctx).find((t) => topicArn(ctx, t.topicName) === arn);
  if (!topic) throw new AwsApiError('NotFound', 'Topic does not exist', 404);
  return topic;
}

function attributesOf(ctx: RequestContext, t: AwsSnsTopic): Record<string, string> {
  const confirmed = t.subscriptions.filter((s) => s.protocol !== 'email').length;
  return {
    Policy: t.policy,
    Owner: ctx.account.id,
    SubscriptionsPending: String(t.subscriptions.length - confirmed),
    TopicArn: topicArn(ctx, t.topicName),
    EffectiveDeliveryPolicy: JSON.stringify({
      http: {
        defaultHealthyRetryPolicy: {
          minDelayTarget: 20,
          maxDelayTarget: 20,
          numRetries: 3,
          numMaxDelayRetries: 0,
          numNoDelayRetries: 0,
          numMinDelayRetries: 0,
          backoffFunction: 'linear',
        },
        disableSubscriptionOverrides: false,
        defaultRequestPolicy: { headerContentType: 'text/plain; charset=UTF-8' },
      },
    }),
    SubscriptionsConfirmed: String(confirmed),
    DisplayName: t.displayName,
    SubscriptionsDeleted: '0',
    ...(t.kmsMasterKeyId ? { KmsMasterKeyId: t.kmsMasterKeyId } : {}),
  };
}

function listTopics(ctx: RequestContext): string {
  const page = snsPage(ctx, topics(ctx));
  return list('Topics', 'member', page.items, (t) => el('TopicArn', topicArn(ctx, t.topicName))) + page.next;
}

function getTopicAttributes(ctx: RequestContext): string {
  return list(
    'Attributes',
    'entry',
    Object.entries(attributesOf(ctx, topicOf(ctx))),
    ([k, v]) => el('key', k) + el('value', v),
  );
}

/** The region's subscriptions; email ones stay pending until confirmed. */
function listSubscriptions(ctx: RequestContext): string {
  const all = topics(ctx).flatMap((t) =>
    t.subscriptions.map((s) => ({ topic: topicArn(ctx, t.topicName), ...s })),
  );
  const page = snsPage(ctx, all);
  return (
    list(
      'Subscriptions',
      'member',
      page.items,
      (s) =>
        el('Owner', ctx.account.id) +
        el('Endpoint', s.endpoint) +
        el('Protocol', s.protocol) +
        el(
          'SubscriptionArn',
          s.protocol === 'email' ? 'PendingConfirmation' : `${s.topic}:${s.subscriptionId}`,
        ) +
        el('TopicArn', s.topic),
    ) + page.next
  );
}

const OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  ListTopics: listTopics,
  GetTopicAttributes: getTopicAttributes,
  ListSubscriptions: listSubscriptions,
};

/** SNS in the emulator's service registry (AWS Query, API version 2010-03-31). */
export const SNS_SERVICE: EmulatedService = queryService('sns', '2010-03-31', OPERATIONS);
