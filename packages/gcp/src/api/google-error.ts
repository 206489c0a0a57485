import { causeCode, type ErrorKind, isTimeoutError } from '@skygraph/core';

/** What a Google API error says, whichever client library raised it. */
export interface GoogleErrorInfo {
  /** HTTP status, when the error came over HTTP. */
  status?: number;
  /** Canonical status name, e.g. `PERMISSION_DENIED`. */
  rpcStatus?: string;
  /** Legacy `errors[0].reason`, e.g. `rateLimitExceeded`, `accessNotConfigured`. */
  reason?: string;
  /** `reason`s of `google.rpc.ErrorInfo` details, e.g. `SERVICE_DISABLED`. */
  detailReasons: string[];
  /** A network-level error code (`ECONNRESET`, ...) anywhere in the cause chain. */
  networkCode?: string;
}

// gRPC codes, for errors raised by gax (the Cloud client libraries).
const GRPC_STATUS: Record<number, string> = {
  3: 'INVALID_ARGUMENT',
  4: 'DEADLINE_EXCEEDED',
  5: 'NOT_FOUND',
  7: 'PERMISSION_DENIED',
  8: 'RESOURCE_EXHAUSTED',
  9: 'FAILED_PRECONDITION',
  13: 'INTERNAL',
  14: 'UNAVAILABLE',
  16: 'UNAUTHENTICATED',
};

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ECONNABORTED',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
]);

interface ErrorBody {
  status?: unknown;
  errors?: Array<{ reason?: unknown }>;
  details?: Array<{ reason?: unknown }>;
}

function bodyOf(error: Record<string, unknown>): ErrorBody | undefined {
  const response = error.response as { data?: unknown } | undefined;
  let data = response?.data;
  if (typeof data === 'string') data = parseJson(data);
  // Over REST, gax surfaces the raw JSON body as the message.
  if (data === undefined && typeof error.message === 'string') data = parseJson(error.message);
  const inner = (data as { error?: unknown } | undefined)?.error;
  return inner && typeof inner === 'object' ? (inner as ErrorBody) : undefined;
}

function parseJson(text: string): unknown {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{')) return undefined;
  try {
    return JSON.parse(trimmed);
  } catch {
    return undefined;
  }
}

/** gax reports a deadline it gave up on as `DEADLINE_EXCEEDED` or in the message. */
const TIMEOUT_MESSAGE = /timed? ?out|deadline|operation was aborted/i;

/** Reads status, reason and details from a googleapis (gaxios) or gax error. */
export function googleErrorInfo(error: unknown): GoogleErrorInfo {
  if (!error || typeof error !== 'object') return { detailReasons: [] };
  const record = error as Record<string, unknown>;
  const body = bodyOf(record);
  const response = record.response as { status?: unknown } | undefined;
  const statusCandidates = [record.status, response?.status, body && (body as { code?: unknown }).code];
  let status: number | undefined;
  for (const candidate of statusCandidates) {
    const n = typeof candidate === 'string' ? Number(candidate) : candidate;
    if (typeof n === 'number' && n >= 100 && n < 600) {
      status = n;
      break;
    }
  }
  let rpcStatus = typeof body?.status === 'string' ? body.status : undefined;
  // gax errors carry a numeric gRPC code (and no HTTP status).
  if (rpcStatus === undefined && typeof record.code === 'number' && status === undefined) {
    rpcStatus = GRPC_STATUS[record.code];
  }
  const reason = body?.errors?.[0]?.reason;
  const detailReasons = (body?.details ?? [])
    .map((d) => d?.reason)
    .filter((r): r is string => typeof r === 'string');
  const networkCode = causeCode(error, NETWORK_CODES);
  return {
    ...(status === undefined ? {} : { status }),
    ...(rpcStatus === undefined ? {} : { rpcStatus }),
    ...(typeof reason === 'string' ? { reason } : {}),
    detailReasons,
    ...(networkCode === undefined ? {} : { networkCode }),
  };
}

const THROTTLE_REASONS = new Set(['rateLimitExceeded', 'userRateLimitExceeded', 'RATE_LIMIT_EXCEEDED']);

/**
 * Classifies a Google API error for the runner's retry policy: throttling
 * (429, RESOURCE_EXHAUSTED, rateLimitExceeded, even when sent as 403) and
 * transient failures (5xx, connection resets) are retried; access, missing
 * and invalid requests are not.
 */
export function classifyGoogleError(error: unknown): ErrorKind {
  const info = googleErrorInfo(error);
  const reasons = [info.reason, ...info.detailReasons];
  if (
    info.status === 429 ||
    info.rpcStatus === 'RESOURCE_EXHAUSTED' ||
    reasons.some((r) => r !== undefined && THROTTLE_REASONS.has(r))
  ) {
    return 'throttled';
  }
  if (
    (info.status !== undefined && [500, 502, 503, 504].includes(info.status)) ||
    info.rpcStatus === 'UNAVAILABLE' ||
    info.rpcStatus === 'INTERNAL' ||
    info.rpcStatus === 'DEADLINE_EXCEEDED' ||
    info.reason === 'backendError' ||
    info.networkCode !== undefined ||
    isTimeoutError(error, TIMEOUT_MESSAGE)
  ) {
    return 'transient';
  }
  // fetch() reports a dropped connection as a bare TypeError.
  if (error instanceof TypeError && /fetch failed|socket|network/i.test(error.message)) return 'transient';
  if (
    info.status === 401 ||
    info.status === 403 ||
    info.rpcStatus === 'PERMISSION_DENIED' ||
    info.rpcStatus === 'UNAUTHENTICATED' ||
    info.reason === 'forbidden'
  ) {
    return 'denied';
  }
  if (info.status === 404 || info.rpcStatus === 'NOT_FOUND') return 'not-found';
  if (
    info.status === 400 ||
    info.rpcStatus === 'INVALID_ARGUMENT' ||
    info.rpcStatus === 'FAILED_PRECONDITION'
  ) {
    return 'invalid';
  }
  return 'unknown';
}

/**
 * True for the 403 every Google API answers when it is not enabled in the
 * project (`SERVICE_DISABLED` / `accessNotConfigured`): the resources of a
 * disabled API do not exist, so the collector has nothing to load.
 */
export function isServiceDisabled(error: unknown): boolean {
  const info = googleErrorInfo(error);
  return info.detailReasons.includes('SERVICE_DISABLED') || info.reason === 'accessNotConfigured';
}

/** A Google API error with a readable message and the parsed error body kept for classification. */
export class GoogleApiCallError extends Error {
  readonly status: number | undefined;
  readonly response: { status: number | undefined; data: unknown };

  constructor(message: string, status: number | undefined, data: unknown, cause: unknown) {
    super(message, { cause });
    this.name = 'GoogleApiCallError';
    this.status = status;
    this.response = { status, data };
  }
}

/**
 * Over REST, the Cloud client libraries report an API error with the raw JSON
 * body as its message; this turns it into `PERMISSION_DENIED (403): The caller
 * does not have permission`, keeping status and body for classification.
 */
export function readableGoogleError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const data = parseJson(error.message) as
    | { error?: { message?: unknown; status?: unknown; code?: unknown } }
    | undefined;
  const body = data?.error;
  if (!body || typeof body.message !== 'string') return error;
  const status = googleErrorInfo(error).status;
  const label = typeof body.status === 'string' ? body.status : 'ERROR';
  return new GoogleApiCallError(
    `${label}${status ? ` (${status})` : ''}: ${body.message}`,
    status,
    data,
    error,
  );
}
