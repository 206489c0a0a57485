import type { ErrorKind } from '@skygraph/core';

const THROTTLING = new Set([
  'Throttling',
  'ThrottlingException',
  'ThrottledException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'TooManyRequestsException',
  'SlowDown',
  'PriorRequestNotComplete',
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
]);

const DENIED = new Set([
  'UnauthorizedOperation',
  'UnauthorizedAccess',
  'AuthFailure',
  'OptInRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidAccessKeyId',
  'SignatureDoesNotMatch',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
  'AWSOrganizationsNotInUseException',
  'AccountNotFoundException',
  'CredentialsProviderError',
]);

const INVALID = new Set([
  'ValidationError',
  'ValidationException',
  'InvalidInputException',
  'InvalidAction',
  'InvalidArgument',
  'InvalidPaginationToken',
  'InvalidParameterCombination',
  'InvalidParameterValue',
  'InvalidParameter',
  'MalformedPolicyDocument',
  'NotImplemented',
  'UnknownOperationException',
]);

const NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** Not-found codes outside the `NoSuch...`/`...NotFound` pattern (SQS: a queue deleted since it was listed). */
const NOT_FOUND = new Set(['QueueDoesNotExist', 'AWS.SimpleQueueService.NonExistentQueue']);

interface SdkErrorShape {
  name?: unknown;
  code?: unknown;
  Code?: unknown;
  message?: unknown;
  $fault?: unknown;
  $retryable?: { throttling?: boolean } | undefined;
  $metadata?: { httpStatusCode?: number } | undefined;
  cause?: unknown;
}

/**
 * Classifies an error of the AWS SDK (or of the network under it) so the
 * runner retries only throttling and transient failures. Access problems fail
 * the scope at once; "not found" and validation errors are reported as such.
 */
export function classifyAwsError(error: unknown, depth = 0): ErrorKind {
  if (typeof error !== 'object' || error === null) return 'unknown';
  const e = error as SdkErrorShape;
  const name = String(e.name ?? '');
  const code = typeof e.code === 'string' ? e.code : typeof e.Code === 'string' ? e.Code : '';
  const status = e.$metadata?.httpStatusCode;
  const message = typeof e.message === 'string' ? e.message : '';
  const ids = [name, code].filter((id) => id !== '' && id !== 'Error');

  if (ids.some((id) => THROTTLING.has(id)) || e.$retryable?.throttling === true || status === 429) {
    return 'throttled';
  }
  // Expired temporary credentials: the clients drop them, and the retry signs with fresh ones.
  if (ids.some((id) => id === 'ExpiredToken' || id === 'ExpiredTokenException')) return 'transient';
  if (
    ids.some((id) => NETWORK_CODES.has(id)) ||
    ids.includes('TimeoutError') ||
    ids.includes('RequestTimeout')
  ) {
    return 'transient';
  }
  if (/socket hang up|ECONNRESET|EPIPE|network (error|timeout)|connection (reset|closed)/i.test(message)) {
    return 'transient';
  }
  if (ids.some((id) => id.startsWith('AccessDenied') || DENIED.has(id))) return 'denied';
  if (
    ids.some(
      (id) => id.startsWith('NoSuch') || /NotFound(Exception|Error|Fault)?$/.test(id) || NOT_FOUND.has(id),
    )
  )
    return 'not-found';
  if (ids.some((id) => INVALID.has(id) || id.startsWith('InvalidParameter'))) return 'invalid';
  if (status !== undefined && status >= 500 && status !== 501) return 'transient';
  if (e.$fault === 'server' && status !== 501) return 'transient';
  if (status === 401 || status === 403) return 'denied';
  if (status === 404) return 'not-found';
  // Credential providers and the SDK wrap the underlying failure.
  if (e.cause !== undefined && depth < 3) return classifyAwsError(e.cause, depth + 1);
  return 'unknown';
}
