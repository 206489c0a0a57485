import { causeCode, type ErrorKind, isTimeoutError } from '@skygraph/core';

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
    causeCode(error, NETWORK_CODES) ||
    isTimeoutError(error)
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
