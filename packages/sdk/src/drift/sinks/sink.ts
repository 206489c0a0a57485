import type { Logger } from '@skygraph/core';
import type { Alert } from '../alert.ts';

/** What a sink made of a batch: the alerts it delivered, and the ones that failed and why. */
export interface SinkResult {
  readonly delivered: readonly string[];
  readonly failed: readonly { readonly id: string; readonly error: string }[];
}

export interface SinkContext {
  readonly runId: string;
  readonly log: Logger;
  readonly signal?: AbortSignal;
}

/**
 * Where alerts go. A sink never throws for a failed delivery: it reports
 * which alerts failed, and drift keeps those pending for the next run.
 * Error texts must never contain a secret (webhook URLs, tokens).
 */
export interface AlertSink {
  readonly name: string;
  readonly type: string;
  deliver(alerts: readonly Alert[], ctx: SinkContext): Promise<SinkResult>;
}

/** Delivers alerts in chunks, one request per chunk; a failed chunk fails only its own alerts. */
export async function deliverInChunks(
  alerts: readonly Alert[],
  size: number,
  send: (chunk: readonly Alert[]) => Promise<void>,
): Promise<SinkResult> {
  const delivered: string[] = [];
  const failed: { id: string; error: string }[] = [];
  let failedInARow = 0;
  for (let i = 0; i < alerts.length; i += size) {
    const chunk = alerts.slice(i, i + size);
    if (failedInARow >= GIVE_UP_AFTER) {
      // A sink that failed twice in a row (after its retries) is down: the rest wait for the
      // next run instead of costing a timeout each.
      const reason = `${failed.at(-1)?.error ?? 'failed'} (not tried: the sink failed ${GIVE_UP_AFTER} times in a row)`;
      failed.push(...alerts.slice(i).map((a) => ({ id: a.id, error: reason })));
      break;
    }
    try {
      await send(chunk);
      delivered.push(...chunk.map((a) => a.id));
      failedInARow = 0;
    } catch (error) {
      const message = (error as Error).message;
      failed.push(...chunk.map((a) => ({ id: a.id, error: message })));
      failedInARow += 1;
    }
  }
  return { delivered, failed };
}

/** Consecutive failed messages after which a sink is given up on for this run. */
const GIVE_UP_AFTER = 2;
