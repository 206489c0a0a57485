import { createHmac } from 'node:crypto';
import type { RetryPolicy } from '@skygraph/core';
import { shortHash } from '../canonical.ts';
import { sendHttp } from './http.ts';
import { type AlertSink, deliverInChunks } from './sink.ts';

export interface WebhookSinkOptions {
  readonly name: string;
  readonly url: string;
  /** HMAC-SHA256 key; when set, each request carries `sha256=<hex>` of its body in `signatureHeader`. */
  readonly secret?: string;
  readonly signatureHeader?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly batchSize?: number;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
}

/** What a webhook receives: a JSON object with the alerts of one batch. */
export interface WebhookPayload {
  readonly source: 'skygraph';
  readonly runId: string;
  readonly sentAt: string;
  readonly alerts: readonly import('../alert.ts').Alert[];
}

/** The signature of a webhook body: `sha256=` and the HMAC-SHA256 of the exact bytes sent. */
export function signWebhookBody(body: string, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

/**
 * Posts alerts as JSON to any HTTP endpoint, optionally signed with
 * HMAC-SHA256. `X-Skygraph-Delivery` is stable for the same alerts, so a
 * receiver can drop a retried batch it already has.
 */
export function createWebhookSink(options: WebhookSinkOptions): AlertSink {
  const signatureHeader = options.signatureHeader ?? 'X-Skygraph-Signature-256';
  return {
    name: options.name,
    type: 'webhook',
    deliver(alerts, ctx) {
      return deliverInChunks(alerts, options.batchSize ?? 100, async (chunk) => {
        const payload: WebhookPayload = {
          source: 'skygraph',
          runId: ctx.runId,
          sentAt: new Date().toISOString(),
          alerts: chunk,
        };
        const body = JSON.stringify(payload);
        await sendHttp(
          {
            method: 'POST',
            url: options.url,
            headers: {
              ...options.headers,
              'content-type': 'application/json',
              'x-skygraph-delivery': shortHash(chunk.map((a) => a.id).join(',')),
              ...(options.secret ? { [signatureHeader]: signWebhookBody(body, options.secret) } : {}),
            },
            body,
          },
          {
            sink: options.name,
            retry: options.retry,
            timeoutMs: options.timeoutMs,
            ...(ctx.signal ? { signal: ctx.signal } : {}),
          },
        );
      });
    },
  };
}
