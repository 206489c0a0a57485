import pRetry, { AbortError } from 'p-retry';
import type { ErrorKind } from '../errors/skygraph-error.ts';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 6, minTimeoutMs: 200, maxTimeoutMs: 20_000 };

export interface RetryHooks {
  classify: (error: unknown) => ErrorKind;
  signal?: AbortSignal;
  onRetry?: (info: { attempt: number; kind: ErrorKind; error: unknown; retriesLeft: number }) => void;
}

/**
 * Runs a request with exponential backoff and full jitter, retrying only
 * what the provider calls throttling or transient; access-denied, not-found
 * and validation errors fail at once.
 */
export function withRetry<T>(request: () => Promise<T>, policy: RetryPolicy, hooks: RetryHooks): Promise<T> {
  return pRetry(
    async () => {
      try {
        return await request();
      } catch (error) {
        const kind = hooks.classify(error);
        if (kind !== 'throttled' && kind !== 'transient') throw new AbortError(asError(error));
        throw asError(error);
      }
    },
    {
      retries: policy.retries,
      minTimeout: policy.minTimeoutMs,
      maxTimeout: policy.maxTimeoutMs,
      factor: 2,
      randomize: true,
      ...(hooks.signal ? { signal: hooks.signal } : {}),
      // Network errors surface as TypeError from fetch; p-retry would not retry those otherwise.
      shouldRetry: ({ error }) => {
        const kind = hooks.classify(error);
        return kind === 'throttled' || kind === 'transient';
      },
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (retriesLeft > 0)
          hooks.onRetry?.({ attempt: attemptNumber, kind: hooks.classify(error), error, retriesLeft });
      },
    },
  ).catch((error: unknown) => {
    // p-retry wraps aborts; callers want the original error with its name and metadata.
    const original = (error as { originalError?: unknown }).originalError;
    throw original ?? error;
  });
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
