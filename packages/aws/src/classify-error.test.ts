import { describe, expect, it } from 'vitest';
import { classifyAwsError } from './classify-error.ts';

/** An error shaped like the SDK's service exceptions. */
const sdkError = (name: string, status?: number, fault: 'client' | 'server' = 'client') =>
  Object.assign(new Error(`${name} happened`), {
    name,
    $fault: fault,
    $metadata: status === undefined ? {} : { httpStatusCode: status },
  });

describe('classifyAwsError', () => {
  it.each([
    ['ThrottlingException', 400],
    ['Throttling', 400],
    ['RequestLimitExceeded', 503],
    ['TooManyRequestsException', 400],
    ['SlowDown', 503],
    ['AnythingElse', 429],
  ])('retries %s (%s) as throttling', (name, status) => {
    expect(classifyAwsError(sdkError(name, status))).toBe('throttled');
  });

  it('retries server errors, timeouts and dropped connections as transient', () => {
    expect(classifyAwsError(sdkError('InternalError', 500, 'server'))).toBe('transient');
    expect(classifyAwsError(sdkError('ServiceUnavailable', 503, 'server'))).toBe('transient');
    expect(classifyAwsError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      'transient',
    );
    expect(classifyAwsError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(
      'transient',
    );
    expect(classifyAwsError(new Error('socket hang up'))).toBe('transient');
  });

  it.each([
    ['AccessDenied', 403],
    ['AccessDeniedException', 400],
    ['UnauthorizedOperation', 403],
    ['AuthFailure', 401],
    ['OptInRequired', 401],
    ['InvalidClientTokenId', 403],
  ])('fails %s at once as denied', (name, status) => {
    expect(classifyAwsError(sdkError(name, status))).toBe('denied');
  });

  it.each([
    ['ExpiredToken', 403],
    ['ExpiredTokenException', 403],
  ])(
    'retries %s: the clients drop expired credentials, so the retry signs with fresh ones',
    (name, status) => {
      expect(classifyAwsError(sdkError(name, status))).toBe('transient');
    },
  );

  it('tells not-found and validation errors apart', () => {
    expect(classifyAwsError(sdkError('NoSuchBucketPolicy', 404))).toBe('not-found');
    expect(classifyAwsError(sdkError('ServerSideEncryptionConfigurationNotFoundError', 404))).toBe(
      'not-found',
    );
    expect(classifyAwsError(sdkError('NoSuchPublicAccessBlockConfiguration', 404))).toBe('not-found');
    expect(classifyAwsError(sdkError('LoadBalancerNotFound', 400))).toBe('not-found');
    expect(classifyAwsError(sdkError('ValidationError', 400))).toBe('invalid');
    expect(classifyAwsError(sdkError('InvalidParameterValue', 400))).toBe('invalid');
    expect(classifyAwsError(sdkError('NotImplemented', 501, 'server'))).toBe('invalid');
  });

  it('looks through wrapping errors to their cause', () => {
    const wrapped = Object.assign(new Error('could not load credentials'), {
      name: 'Error',
      cause: sdkError('AccessDenied', 403),
    });
    expect(classifyAwsError(wrapped)).toBe('denied');
    expect(classifyAwsError('a string')).toBe('unknown');
  });
});
