import { describe, expect, it } from 'vitest';
import { classifyGoogleError, isServiceDisabled, readableGoogleError } from './google-error.ts';

/** What googleapis (gaxios) rejects with: HTTP status and the Google error body. */
function gaxiosError(status: number, error: Record<string, unknown>) {
  return Object.assign(new Error(String(error.message)), {
    name: 'GaxiosError',
    status,
    response: { status, data: { error: { code: status, ...error } } },
  });
}

describe('classifyGoogleError', () => {
  it('retries throttling however it is spelt', () => {
    expect(
      classifyGoogleError(gaxiosError(429, { status: 'RESOURCE_EXHAUSTED', message: 'Quota exceeded' })),
    ).toBe('throttled');
    expect(
      classifyGoogleError(
        gaxiosError(403, {
          message: 'Rate Limit Exceeded',
          errors: [{ reason: 'rateLimitExceeded', domain: 'usageLimits' }],
        }),
      ),
    ).toBe('throttled');
    // gax (gRPC code 8).
    expect(classifyGoogleError(Object.assign(new Error('8 RESOURCE_EXHAUSTED'), { code: 8 }))).toBe(
      'throttled',
    );
  });

  it('retries transient failures', () => {
    for (const status of [500, 502, 503, 504])
      expect(classifyGoogleError(gaxiosError(status, { message: 'x' }))).toBe('transient');
    expect(classifyGoogleError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))).toBe(
      'transient',
    );
    expect(classifyGoogleError(new TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } }))).toBe(
      'transient',
    );
    expect(classifyGoogleError(Object.assign(new Error('14 UNAVAILABLE'), { code: 14 }))).toBe('transient');
  });

  it('retries a request the client gave up on after its timeout', async () => {
    // What gaxios throws when its `timeout` fires against an endpoint that never answers.
    const { createServer } = await import('node:net');
    const { storage_v1 } = await import('googleapis/build/src/apis/storage/v1.js');
    const { OAuth2Client } = await import('google-auth-library');
    const sockets: import('node:net').Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as import('node:net').AddressInfo;
    try {
      // A fixed token: no credential lookup (ADC) before the request.
      const auth = new OAuth2Client();
      auth.setCredentials({ access_token: 'test' });
      const storage = new storage_v1.Storage({
        auth,
        retry: false,
        timeout: 200,
        rootUrl: `http://127.0.0.1:${port}/`,
      });
      const error = await storage.buckets.list({ project: 'p' }).catch((e: unknown) => e);
      expect(classifyGoogleError(error)).toBe('transient');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('does not retry denied, missing or invalid requests', () => {
    expect(
      classifyGoogleError(
        gaxiosError(403, { status: 'PERMISSION_DENIED', message: 'no', errors: [{ reason: 'forbidden' }] }),
      ),
    ).toBe('denied');
    expect(classifyGoogleError(gaxiosError(401, { status: 'UNAUTHENTICATED', message: 'no' }))).toBe(
      'denied',
    );
    expect(classifyGoogleError(gaxiosError(404, { status: 'NOT_FOUND', message: 'gone' }))).toBe('not-found');
    expect(classifyGoogleError(gaxiosError(400, { status: 'INVALID_ARGUMENT', message: 'bad' }))).toBe(
      'invalid',
    );
    expect(classifyGoogleError(new Error('something else'))).toBe('unknown');
  });

  it('reads the JSON body the REST transport of the Cloud libraries puts in the message', () => {
    const body = {
      error: { code: 403, message: 'The caller does not have permission', status: 'PERMISSION_DENIED' },
    };
    const raw = Object.assign(new Error(JSON.stringify(body)), { status: 403 });
    expect(classifyGoogleError(raw)).toBe('denied');
    const readable = readableGoogleError(raw) as Error;
    expect(readable.message).toBe('PERMISSION_DENIED (403): The caller does not have permission');
    expect(classifyGoogleError(readable)).toBe('denied');
  });
});

describe('isServiceDisabled', () => {
  it('recognises SERVICE_DISABLED and accessNotConfigured answers, not other 403s', () => {
    const disabled = gaxiosError(403, {
      status: 'PERMISSION_DENIED',
      message: 'Compute Engine API has not been used in project 123 before or it is disabled.',
      errors: [{ reason: 'accessNotConfigured', domain: 'usageLimits' }],
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
          reason: 'SERVICE_DISABLED',
          domain: 'googleapis.com',
        },
      ],
    });
    expect(isServiceDisabled(disabled)).toBe(true);
    expect(classifyGoogleError(disabled)).toBe('denied');
    expect(
      isServiceDisabled(
        gaxiosError(403, { status: 'PERMISSION_DENIED', message: 'no', errors: [{ reason: 'forbidden' }] }),
      ),
    ).toBe(false);
  });
});
