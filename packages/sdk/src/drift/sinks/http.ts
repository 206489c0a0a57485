import { type ErrorKind, type RetryPolicy, SkygraphError, withRetry } from '@skygraph/core';

/** An HTTP answer a sink did not accept. Its message names the sink and the status, never the URL. */
export class HttpError extends SkygraphError {
  readonly status: number;

  constructor(sink: string, status: number, detail: string) {
    super('SINK_HTTP_ERROR', `${sink}: HTTP ${status}${detail ? ` ${detail}` : ''}`, {
      context: { sink, status },
    });
    this.status = status;
  }
}

export interface HttpOptions {
  /** The sink's name, for messages. */
  readonly sink: string;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT';
  readonly url: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string;
}

/** 429 and 5xx and network failures are worth retrying; other 4xx are not. */
export function classifyHttpError(error: unknown): ErrorKind {
  if (error instanceof HttpError) {
    if (error.status === 429) return 'throttled';
    if (error.status >= 500 || error.status === 408) return 'transient';
    return error.status === 404 ? 'not-found' : 'invalid';
  }
  if (error instanceof SkygraphError) return 'invalid';
  // fetch rejects with a TypeError for connection failures, a TimeoutError/AbortError for timeouts.
  return 'transient';
}

/**
 * Sends one request with retries (exponential backoff, jitter) and returns
 * the response text. Errors carry the status and a short, single-line
 * excerpt of the answer, never the URL (a Slack webhook URL is a secret).
 */
export async function sendHttp(request: HttpRequest, options: HttpOptions): Promise<string> {
  return withRetry(
    async () => {
      let response: Response;
      try {
        const signals = [AbortSignal.timeout(options.timeoutMs), ...(options.signal ? [options.signal] : [])];
        response = await fetch(request.url, {
          method: request.method,
          headers: request.headers ?? {},
          ...(request.body === undefined ? {} : { body: request.body }),
          signal: AbortSignal.any(signals),
        });
      } catch (error) {
        // Node's fetch puts the URL in some messages: keep only the cause's code.
        const code = (error as { cause?: { code?: string } }).cause?.code ?? (error as Error).name;
        const wrapped = new Error(`${options.sink}: request failed (${code})`);
        wrapped.name = 'NetworkError';
        throw wrapped;
      }
      const text = await response.text();
      if (!response.ok) throw new HttpError(options.sink, response.status, excerpt(text));
      return text;
    },
    options.retry,
    { classify: classifyHttpError, ...(options.signal ? { signal: options.signal } : {}) },
  );
}

function excerpt(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 200)}…` : line;
}
