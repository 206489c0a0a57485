import type { GraphStore, SyncEvent } from '@skygraph/core';
import { sync } from '@skygraph/core';
import { openTestStore, startFaultyServer } from '@skygraph/core/testing';
import { OAuth2Client } from 'google-auth-library';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type GcpEmulator, type GcpProject, startGcpEmulator } from '../src/emulator/index.ts';
import { createGcpProvider } from '../src/provider.ts';
import {
  count,
  emulatedProvider,
  FAST_RETRY,
  gcpConfig,
  startSmallEmulator,
  syncGcp,
  TOKEN_VAR,
} from './gcp-test-support.ts';

describe('GCP sync failures', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  let projects: GcpProject[];
  beforeEach(async () => {
    store = await openTestStore();
    gcp = await startSmallEmulator();
    projects = gcp.estate.projects;
  });
  afterEach(async () => {
    await gcp.close();
    await store.close();
  });

  const project = (index: number): GcpProject => {
    const found = projects[index];
    if (!found) throw new Error(`no project ${index}`);
    return found;
  };
  const instances = (pid: string) =>
    count(store, 'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(i:GCPInstance) RETURN count(i)', { pid });

  it('a permission error on one project fails that scope only, keeps its data and is reported', async () => {
    await syncGcp(store, gcp, 100);
    const denied = project(0);
    const other = project(1);
    const before = await instances(denied.projectId);
    denied.instances.pop();
    denied.permissionDenied = true;
    other.instances.pop();

    const result = await syncGcp(store, gcp, 200);
    expect(result.status).toBe('partial');
    const failed = result.scopes.find((s) => s.id === `gcp/${denied.projectId}`);
    expect(failed?.status).toBe('failed');
    expect(failed?.cleanedUp).toBe(false);
    expect(failed?.retries).toBe(0);
    expect(failed?.error).toMatch(/access denied in gcp\//);
    expect(result.errors.length).toBeGreaterThan(0);
    expect(
      result.errors.every((e) => e.scope === `gcp/${denied.projectId}` && e.code === 'ACCESS_DENIED'),
    ).toBe(true);
    // The denied project keeps its old inventory; the others were refreshed and cleaned.
    expect(await instances(denied.projectId)).toBe(before);
    expect(await instances(other.projectId)).toBe(other.instances.length);
    expect(result.scopes.filter((s) => s.status === 'success')).toHaveLength(result.scopes.length - 1);
  });

  it('a token that expires mid-run is refreshed by a refreshable auth client and the sync completes', async () => {
    let issued = 0;
    const authClient = new OAuth2Client({ forceRefreshOnFailure: true });
    authClient.refreshHandler = async () => {
      issued += 1;
      return { access_token: `token-${issued}`, expiry_date: Date.now() + 3_600_000 };
    };
    const target = project(0);
    gcp.setFaults([{ project: target.projectId, service: 'compute', kind: 'TokenExpired', times: 1 }]);
    const provider = createGcpProvider(gcpConfig({ gcpEndpoint: gcp.url }), { authClient });
    const result = await sync({ store, providers: [provider], retry: FAST_RETRY, changeLog: false });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    // The first token, then one more after Google refused it.
    expect(issued).toBe(2);
    expect(await instances(target.projectId)).toBe(target.instances.length);
  });

  it('a fixed access token that expires mid-run fails the scopes it reaches, keeps their data and says why', async () => {
    await syncGcp(store, gcp, 100);
    const target = project(0);
    const before = await instances(target.projectId);
    target.instances.pop();
    gcp.setFaults([{ project: target.projectId, service: 'compute', kind: 'TokenExpired' }]);
    const result = await syncGcp(store, gcp, 200);
    expect(result.status).toBe('partial');
    const failed = result.scopes.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.id)).toEqual([`gcp/${target.projectId}`]);
    expect(failed[0]?.cleanedUp).toBe(false);
    expect(result.errors[0]?.message).toMatch(
      /access denied in gcp\/.*Request had invalid authentication credentials/,
    );
    expect(await instances(target.projectId)).toBe(before);
  });

  for (const fault of ['stalls', 'resets'] as const) {
    it(`an endpoint that ${fault === 'stalls' ? 'accepts but never answers' : 'resets every connection'} fails the run in bounded time, after retries`, async () => {
      // Loopback only: a server that holds every connection open silently, or drops it at once.
      const server = await startFaultyServer(fault === 'stalls' ? 'stall' : 'reset');
      try {
        const provider = createGcpProvider(gcpConfig({ gcpEndpoint: server.url }), {
          env: { [TOKEN_VAR]: 'test-access-token' },
          requestTimeoutMs: 300,
        });
        const started = Date.now();
        const result = await sync({
          store,
          providers: [provider],
          retry: { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 5 },
        });
        expect(result.status).toBe('failed');
        expect(result.errors.length).toBeGreaterThan(0);
        // Retried as a transient failure (3 attempts), each bounded by the request timeout.
        expect(server.connections()).toBeGreaterThanOrEqual(3);
        expect(Date.now() - started).toBeLessThan(30_000);
      } finally {
        await server.close();
      }
    });
  }

  it('absorbs throttling (429) and unavailability (503) with retries', async () => {
    const clean = await syncGcp(store, gcp, 100);
    const target = project(0).projectId;
    gcp.setFaults([
      { project: target, operation: 'compute.instances.aggregatedList', kind: 'RateLimited', times: 3 },
      { project: target, operation: 'storage.buckets.list', kind: 'Unavailable', times: 2 },
      { operation: 'crm.folders.list', kind: 'RateLimited', times: 2 },
      { operation: 'crm.projects.list', kind: 'Unavailable', times: 1 },
    ]);
    gcp.resetStats();
    const result = await syncGcp(store, gcp, 200);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    // Scope retries are counted in the result (the planner's own retries are not).
    expect(result.counts.retries).toBeGreaterThanOrEqual(5);
    expect(gcp.stats().throttled).toBe(5);
    // Every retry is the runner's (counted per scope): the clients' own retries are off.
    expect(result.scopes.find((s) => s.id === `gcp/${target}`)?.retries).toBe(5);
    expect(result.counts.nodes).toBe(clean.counts.nodes);
    expect(result.counts.deleted).toBe(0);
  });

  it('survives random 429s and 503s on every API', async () => {
    const noisy = await startGcpEmulator({
      estate: gcp.estate,
      errorRate: { 429: 0.15, 503: 0.1 },
      seed: 3,
    });
    try {
      const result = await sync({
        store,
        providers: [emulatedProvider(noisy)],
        updateTag: 100,
        retry: { ...FAST_RETRY, retries: 10 },
        changeLog: false,
      });
      expect(result.errors).toEqual([]);
      expect(result.counts.retries).toBeGreaterThan(0);
      expect(await instances(project(0).projectId)).toBe(project(0).instances.length);
    } finally {
      await noisy.close();
    }
  });

  it('skips APIs a project has not enabled, without errors', async () => {
    const events: SyncEvent[] = [];
    const result = await sync({
      store,
      providers: [emulatedProvider(gcp)],
      updateTag: 100,
      retry: FAST_RETRY,
      changeLog: false,
      onEvent: (e) => events.push(e),
    });
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    // Project 2 has Compute and GKE disabled: it still syncs its buckets.
    const noCompute = project(2);
    expect(noCompute.enabledServices).not.toContain('compute.googleapis.com');
    expect(await instances(noCompute.projectId)).toBe(0);
    expect(
      await count(store, 'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(b:GCPBucket) RETURN count(b)', {
        pid: noCompute.projectId,
      }),
    ).toBe(noCompute.buckets.length);
    // Disabled APIs were never called: Service Usage said so first.
    const computeCalls = events.filter(
      (e) =>
        e.type === 'request' &&
        e.scope?.id === `gcp/${noCompute.projectId}` &&
        e.operation.startsWith('compute:'),
    );
    expect(computeCalls).toEqual([]);
  });

  it("treats an API's SERVICE_DISABLED answer as nothing to load when Service Usage cannot tell", async () => {
    const noCompute = project(2);
    const noStorage = project(4);
    gcp.setFaults([{ service: 'serviceusage', kind: 'PermissionDenied' }]);
    const result = await syncGcp(store, gcp, 100);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    expect(await instances(noCompute.projectId)).toBe(0);
    expect(
      await count(store, 'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(b:GCPBucket) RETURN count(b)', {
        pid: noStorage.projectId,
      }),
    ).toBe(0);
    expect(await instances(project(0).projectId)).toBe(project(0).instances.length);
  });

  it('cleans up what an API had once it is disabled', async () => {
    await syncGcp(store, gcp, 100);
    const target = project(0);
    expect(await instances(target.projectId)).toBeGreaterThan(0);
    target.enabledServices = target.enabledServices.filter((s) => s !== 'compute.googleapis.com');
    const result = await syncGcp(store, gcp, 200);
    expect(result.errors).toEqual([]);
    expect(await instances(target.projectId)).toBe(0);
    expect(
      await count(store, 'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(v:GCPVpc) RETURN count(v)', {
        pid: target.projectId,
      }),
    ).toBe(0);
  });
});
