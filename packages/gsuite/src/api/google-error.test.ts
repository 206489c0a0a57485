import { describe, expect, it } from 'vitest';
import { classifyDirectoryError } from './google-error.ts';

function gaxiosError(status: number, error: Record<string, unknown>) {
  return Object.assign(new Error(String(error.message)), {
    status,
    response: { status, data: { error: { code: status, ...error } } },
  });
}

describe('classifyDirectoryError', () => {
  it('retries rate limits, including the Directory API’s 403 rateLimitExceeded', () => {
    expect(classifyDirectoryError(gaxiosError(429, { status: 'RESOURCE_EXHAUSTED', message: 'Quota' }))).toBe(
      'throttled',
    );
    expect(
      classifyDirectoryError(
        gaxiosError(403, { message: 'Rate Limit Exceeded', errors: [{ reason: 'userRateLimitExceeded' }] }),
      ),
    ).toBe('throttled');
  });

  it('retries outages and dropped connections', () => {
    expect(classifyDirectoryError(gaxiosError(503, { status: 'UNAVAILABLE', message: 'x' }))).toBe(
      'transient',
    );
    expect(classifyDirectoryError(Object.assign(new Error('reset'), { code: 'ECONNRESET' }))).toBe(
      'transient',
    );
  });

  it('does not retry denied, missing or bad requests', () => {
    expect(
      classifyDirectoryError(
        gaxiosError(403, {
          message: 'Not Authorized to access this resource/api',
          errors: [{ reason: 'forbidden' }],
        }),
      ),
    ).toBe('denied');
    expect(classifyDirectoryError(gaxiosError(404, { message: 'Resource Not Found: groupKey' }))).toBe(
      'not-found',
    );
    expect(classifyDirectoryError(gaxiosError(400, { message: 'Bad Request' }))).toBe('invalid');
    expect(classifyDirectoryError('nope')).toBe('unknown');
  });
});
