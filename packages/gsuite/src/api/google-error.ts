import type { ErrorKind } from '@skygraph/core';

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
]);
const THROTTLE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'quotaExceeded']);

interface GaxiosLike {
  status?: unknown;
  code?: unknown;
  cause?: unknown;
  response?: {
    status?: unknown;
    data?: { error?: { status?: unknown; errors?: Array<{ reason?: unknown }> } };
  };
}

function networkCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/**
 * A request gaxios gave up on after its timeout (an `AbortError`, or a
 * timeout message). A cancelled run aborts requests too, but the runner
 * stops retrying then.
 */
function isTimeout(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const { name, message } = current as { name?: unknown; message?: unknown };
    if (name === 'AbortError') return true;
    if (typeof message === 'string' && /timed? ?out|operation was aborted/i.test(message)) return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/**
 * Classifies an Admin SDK error (googleapis / gaxios) for the runner: the
 * Directory API reports rate limits as 429 or as 403 `rateLimitExceeded`
 * (throttled); 5xx, dropped connections and timeouts are transient; other 401/403 are
 * denied.
 */
export function classifyDirectoryError(error: unknown): ErrorKind {
  if (!error || typeof error !== 'object') return 'unknown';
  const e = error as GaxiosLike;
  const raw = e.status ?? e.response?.status;
  const status = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : undefined;
  const body = e.response?.data?.error;
  const rpc = typeof body?.status === 'string' ? body.status : undefined;
  const reason = body?.errors?.[0]?.reason;
  if (
    status === 429 ||
    rpc === 'RESOURCE_EXHAUSTED' ||
    (typeof reason === 'string' && THROTTLE_REASONS.has(reason))
  ) {
    return 'throttled';
  }
  if (
    (status !== undefined && status >= 500 && status <= 504) ||
    rpc === 'UNAVAILABLE' ||
    networkCode(error) ||
    isTimeout(error)
  ) {
    return 'transient';
  }
  if (error instanceof TypeError && /fetch failed|socket|network/i.test(error.message)) return 'transient';
  if (status === 401 || status === 403 || rpc === 'PERMISSION_DENIED' || rpc === 'UNAUTHENTICATED')
    return 'denied';
  if (status === 404 || rpc === 'NOT_FOUND') return 'not-found';
  if (status === 400 || rpc === 'INVALID_ARGUMENT') return 'invalid';
  return 'unknown';
}
