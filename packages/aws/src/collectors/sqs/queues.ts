import { GetQueueAttributesCommand, ListQueuesCommand, type SQSClient } from '@aws-sdk/client-sqs';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { SQSQueue } from '../../schema/messaging.ts';
import type { PolicyConditionKeys } from '../kms/key-policy.ts';
import { policyProperties } from '../policy-properties.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, type Where } from '../where.ts';

/** One queue: its URL and GetQueueAttributes' `All` (string values). */
export interface QueueDetails {
  url: string;
  attributes: Record<string, string>;
}

export interface SqsPage {
  queues: QueueDetails[];
}

/** `*` narrowed by one of these keys is the account named: a queue's own or another. */
const SQS_CONDITION_KEYS: PolicyConditionKeys = {
  callerAccount: new Set(['aws:principalaccount', 'aws:sourceaccount']),
};

const num = (v: string | undefined) => (v === undefined || v === '' ? undefined : Number(v));
const bool = (v: string | undefined) => (v === undefined ? undefined : v === 'true');

/** The redrive policy's target and count; an unparsable policy leaves both unset. */
function redrive(raw: string | undefined): { target?: string; count?: number } {
  if (!raw) return {};
  try {
    const p = JSON.parse(raw) as { deadLetterTargetArn?: unknown; maxReceiveCount?: unknown };
    return {
      ...(typeof p.deadLetterTargetArn === 'string' ? { target: p.deadLetterTargetArn } : {}),
      ...(p.maxReceiveCount !== undefined ? { count: Number(p.maxReceiveCount) } : {}),
    };
  } catch {
    return {};
  }
}

function queueRow({ url, attributes: a }: QueueDetails, where: Where): NodeRow<typeof SQSQueue> | undefined {
  const arn = a.QueueArn;
  if (!arn) return undefined;
  const dlq = redrive(a.RedrivePolicy);
  return {
    id: arn,
    arn,
    name: arn.split(':').pop() ?? arn,
    url,
    created_timestamp: num(a.CreatedTimestamp),
    last_modified_timestamp: num(a.LastModifiedTimestamp),
    delay_seconds: num(a.DelaySeconds),
    maximum_message_size: num(a.MaximumMessageSize),
    message_retention_period: num(a.MessageRetentionPeriod),
    receive_message_wait_time_seconds: num(a.ReceiveMessageWaitTimeSeconds),
    visibility_timeout: num(a.VisibilityTimeout),
    redrive_policy_dead_letter_target_arn: dlq.target,
    redrive_policy_max_receive_count: dlq.count,
    kms_master_key_id: a.KmsMasterKeyId,
    kms_data_key_reuse_period_seconds: num(a.KmsDataKeyReusePeriodSeconds),
    // SSE-KMS queues do not report SqsManagedSseEnabled.
    sqs_managed_sse_enabled: bool(a.SqsManagedSseEnabled) ?? (a.KmsMasterKeyId ? false : undefined),
    fifo_queue: bool(a.FifoQueue) ?? false,
    content_based_deduplication: bool(a.ContentBasedDeduplication),
    deduplication_scope: a.DeduplicationScope,
    fifo_throughput_limit: a.FifoThroughputLimit,
    ...policyProperties(a.Policy, where.accountId, SQS_CONDITION_KEYS),
    region: where.region,
    dead_letter_queue: dlq.target,
  };
}

export function transformQueues(page: SqsPage, where: Where) {
  return [load(SQSQueue, present(page.queues.map((q) => queueRow(q, where))))] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A queue deleted since it was listed is gone; a queue policy can deny the audit role. */
const QUEUE_REFUSED = 'an SQS queue request refused; left out';

async function detailsOf(ctx: Ctx, sqs: SQSClient, url: string): Promise<QueueDetails | undefined> {
  const out = await unlessRefused(
    ctx,
    { message: QUEUE_REFUSED, queue: url, operation: 'GetQueueAttributes' },
    () =>
      ctx.call('sqs:GetQueueAttributes', () =>
        sqs.send(new GetQueueAttributesCommand({ QueueUrl: url, AttributeNames: ['All'] }), {
          abortSignal: requestSignal(ctx.signal),
        }),
      ),
  );
  return out?.Attributes ? { url, attributes: out.Attributes } : undefined;
}

async function* sqsPages(ctx: Ctx, sqs: SQSClient): AsyncIterable<SqsPage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'sqs:ListQueues',
    (NextToken) =>
      sqs.send(new ListQueuesCommand({ MaxResults: 1000, NextToken }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextToken,
  )) {
    const details = await Promise.all((page.QueueUrls ?? []).map((u) => limit(() => detailsOf(ctx, sqs, u))));
    yield { queues: present(details) };
  }
}

/** The SQS queues of a region with their encryption, dead-letter queue and queue policy analysis. */
export const sqsQueuesCollector = defineCollector<AwsScopeContext, SqsPage>({
  name: 'sqs:queues',
  schemas: [SQSQueue],
  fetch: (ctx) => streamWith(ctx.context.clients.sqs(ctx.context.region), (sqs) => sqsPages(ctx, sqs)),
  transform: (page, ctx) => transformQueues(page, ctx.context),
});
