import type { GraphStore } from '@skygraph/core';
import { sync } from '@skygraph/core';
import { openTestStore, startFaultyServer } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createGsuiteProvider } from '../src/provider.ts';
import { gsuiteConfig } from './gsuite-test-support.ts';

describe('Workspace sync when the directory endpoint misbehaves', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it.each([
    ['accepts but never answers', 'stall'],
    ['resets every connection', 'reset'],
  ] as const)('an endpoint that %s fails the run in bounded time, after retries', async (_, fault) => {
    const server = await startFaultyServer(fault);
    try {
      const provider = createGsuiteProvider(gsuiteConfig({ gsuiteEndpoint: server.url }), {
        accessToken: 'test-access-token',
        requestTimeoutMs: 300,
      });
      const result = await sync({
        store,
        providers: [provider],
        retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 5 },
        changeLog: false,
      });
      expect(result.status).toBe('failed');
      expect(result.errors).toHaveLength(1);
      expect(result.errors[0]?.message).toMatch(
        fault === 'stall' ? /abort|time/i : /socket hang up|ECONNRESET|reset|fetch failed/i,
      );
      // Retried as a transient failure: three attempts, each bounded by the request timeout.
      expect(server.connections()).toBe(3);
    } finally {
      await server.close();
    }
  });
});
