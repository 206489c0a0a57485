import { AwsApiError } from './api-error.ts';
import type { AwsSqsQueue } from './estate-messaging-types.ts';
import { jsonString, jsonStrings } from './json-list.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { jsonResponse, type WireResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

/**
 * The Query-protocol error codes SQS's JSON protocol still reports in the
 * `x-amzn-query-error` header, which the SDK clients expose as the error's `Code`.
 */
const QUERY_ERROR_CODES: Record<string, string> = {
  QueueDoesNotExist: 'AWS.SimpleQueueService.NonExistentQueue',
  InvalidAddress: 'InvalidAddress',
  InvalidAttributeName: 'InvalidAttributeName',
  InvalidParameterValue: 'InvalidParameterValue',
};

const queues = (ctx: RequestContext) => regionOf(ctx)?.sqsQueues ?? [];
const queueUrl = (ctx: RequestContext, name: string) =>
  `https://sqs.${ctx.region}.amazonaws.com/${ctx.account.id}/${name}`;
const queueArn = (ctx: RequestContext, name: string) => `arn:aws:sqs:${ctx.region}:${ctx.account.id}:${name}`;
const seconds = (iso: string) => String(Math.floor(new Date(iso).getTime() / 1000));

/** The queue a QueueUrl names: it must be one of the caller's account in the request's region. */
function queueOf(ctx: RequestContext, input: Json): AwsSqsQueue {
  const url = jsonString(input, 'QueueUrl');
  if (!url) throw new AwsApiError('InvalidAddress', 'The address  is not valid for this endpoint.');
  const match = /^https?:\/\/[^/]+\/(\d{12})\/([\w-]+(?:\.fifo)?)$/.exec(url);
  if (!match) throw new AwsApiError('InvalidAddress', `The address ${url} is not valid for this endpoint.`);
  const queue =
    match[1] === ctx.account.id && url.includes(`sqs.${ctx.region}.`)
      ? queues(ctx).find((q) => q.queueName === match[2])
      : undefined;
  if (!queue) throw new AwsApiError('QueueDoesNotExist', 'The specified queue does not exist.');
  return queue;
}

/** Every attribute GetQueueAttributes answers `All` with for a standard queue (values are strings). */
function attributesOf(ctx: RequestContext, q: AwsSqsQueue): Record<string, string> {
  return {
    QueueArn: queueArn(ctx, q.queueName),
    ApproximateNumberOfMessages: '0',
    ApproximateNumberOfMessagesNotVisible: '0',
    ApproximateNumberOfMessagesDelayed: '0',
    CreatedTimestamp: seconds(q.createdTimestamp),
    LastModifiedTimestamp: seconds(q.lastModifiedTimestamp),
    VisibilityTimeout: String(q.visibilityTimeout),
    MaximumMessageSize: '262144',
    MessageRetentionPeriod: String(q.messageRetentionPeriod),
    DelaySeconds: String(q.delaySeconds),
    ReceiveMessageWaitTimeSeconds: String(q.receiveMessageWaitTimeSeconds),
    ...(q.policy ? { Policy: q.policy } : {}),
    ...(q.deadLetter
      ? {
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: queueArn(ctx, q.deadLetter.queueName),
            maxReceiveCount: q.deadLetter.maxReceiveCount,
          }),
        }
      : {}),
    ...(q.kmsMasterKeyId
      ? { KmsMasterKeyId: q.kmsMasterKeyId, KmsDataKeyReusePeriodSeconds: '300' }
      : { SqsManagedSseEnabled: String(q.sqsManagedSseEnabled) }),
  };
}

function listQueues(ctx: RequestContext, input: Json): Json {
  const max = input.MaxResults;
  if (max !== undefined && (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 1000)) {
    throw new AwsApiError(
      'InvalidParameterValue',
      'Value for parameter MaxResults is invalid. Reason: must be between 1 and 1000.',
    );
  }
  const prefix = jsonString(input, 'QueueNamePrefix') ?? '';
  const urls = queues(ctx)
    .filter((q) => q.queueName.startsWith(prefix))
    .map((q) => queueUrl(ctx, q.queueName));
  // Without MaxResults SQS answers at most 1000 URLs and no token.
  if (max === undefined) return { QueueUrls: urls.slice(0, 1000) };
  const start = decodeToken(
    ctx.operation,
    jsonString(input, 'NextToken'),
    () => new AwsApiError('InvalidParameterValue', 'Invalid NextToken value.'),
  );
  const page = pageOf(urls, start, max);
  return {
    QueueUrls: page.items,
    ...(page.next !== undefined ? { NextToken: encodeToken(ctx.operation, page.next) } : {}),
  };
}

function getQueueAttributes(ctx: RequestContext, input: Json): Json {
  const all = attributesOf(ctx, queueOf(ctx, input));
  const names = jsonStrings(input, 'AttributeNames');
  if (names.includes('All')) return { Attributes: all };
  const known = new Set([
    ...Object.keys(all),
    'Policy',
    'RedrivePolicy',
    'KmsMasterKeyId',
    'SqsManagedSseEnabled',
    'KmsDataKeyReusePeriodSeconds',
    'FifoQueue',
    'ContentBasedDeduplication',
    'RedriveAllowPolicy',
  ]);
  const unknown = names.find((n) => !known.has(n));
  if (unknown) throw new AwsApiError('InvalidAttributeName', `Unknown Attribute ${unknown}.`);
  const picked = Object.fromEntries(Object.entries(all).filter(([k]) => names.includes(k)));
  // No attribute requested, or none set: the response has no Attributes member.
  return Object.keys(picked).length > 0 ? { Attributes: picked } : {};
}

function listQueueTags(ctx: RequestContext, input: Json): Json {
  const q = queueOf(ctx, input);
  return q.tags.length > 0 ? { Tags: Object.fromEntries(q.tags.map((t) => [t.key, t.value])) } : {};
}

const OPERATIONS: Record<string, (ctx: RequestContext, input: Json) => Json> = {
  ListQueues: listQueues,
  GetQueueAttributes: getQueueAttributes,
  ListQueueTags: listQueueTags,
};

/** An SQS error as the JSON protocol answers it: a shape name, and the legacy Query code in a header. */
function sqsError(error: AwsApiError, requestId: string): WireResponse {
  const query = QUERY_ERROR_CODES[error.code] ?? error.code;
  return {
    status: error.status,
    headers: {
      'content-type': 'application/x-amz-json-1.0',
      'x-amzn-requestid': requestId,
      'x-amzn-query-error': `${query};${error.status >= 500 ? 'Receiver' : 'Sender'}`,
    },
    body: JSON.stringify({ __type: `com.amazonaws.sqs#${error.code}`, message: error.message }),
  };
}

/** The SQS operations the collectors call (AWS JSON 1.0, `AmazonSQS.<Operation>`). */
function handleSqs(ctx: RequestContext): WireResponse {
  const op = OPERATIONS[ctx.operation];
  try {
    if (!op) throw new AwsApiError('UnsupportedOperation', `Operation ${ctx.operation} is not supported.`);
    return jsonResponse(op(ctx, ctx.json ?? {}), ctx.requestId, '1.0');
  } catch (error) {
    if (error instanceof AwsApiError) return sqsError(error, ctx.requestId);
    throw error;
  }
}

/** SQS in the emulator's service registry (AWS JSON 1.0). */
export const sqsService: EmulatedService = {
  name: 'sqs',
  signingName: 'sqs',
  protocol: 'json',
  handle: handleSqs,
};
