import { PassThrough } from 'node:stream';
import { type GraphStore, resolveConfig, type SyncResult, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { createGcpProvider, gcpOptions } from '@skygraph/gcp';
import {
  type GcpEmulator,
  type GcpProject,
  generateGcpEstate,
  startGcpEmulator,
} from '@skygraph/gcp/emulator';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../src/catalogue/index.ts';
import {
  type Alert,
  createGraphSnapshotStore,
  type DriftReport,
  parseAlertRules,
  runDrift,
  type WebhookPayload,
} from '../../src/drift/index.ts';
import { type LocalHttp, startLocalHttp } from './local-http.ts';

const TOKEN_VAR = 'SKYGRAPH_TEST_GCP_TOKEN';

/**
 * The whole loop a team runs nightly, against the GCP emulator and the real
 * catalogue: sync the estate, drift, change the estate, sync, drift.
 */
describe('drift on the built-in catalogue after GCP syncs', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  let hook: LocalHttp;
  let logLines: string[];
  let log: PassThrough;

  beforeEach(async () => {
    store = await openTestStore();
    gcp = await startGcpEmulator({
      estate: generateGcpEstate({ seed: 7, folders: 3, projects: 6, deletedProjects: 1 }),
    });
    hook = await startLocalHttp(() => ({ status: 200, body: '' }));
    logLines = [];
    log = new PassThrough();
    log.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
  });
  afterEach(async () => {
    await gcp.close();
    await hook.close();
    await store.close();
  });

  const rules = () =>
    parseAlertRules(`
sinks:
  siem:
    type: webhook
    url: ${hook.url}/skygraph
    secretEnv: TEST_HOOK_SECRET
  estate-log:
    type: stdout
rules:
  - name: security
    tags: [security]
    on: [added, changed, removed]
    minSeverity: high
    sinks: [siem]
  - name: estate
    queries: [gcp_projects, gcp_instances]
    on: [added, removed]
    sinks: [estate-log]
exceptions:
  - queries: [gcp_bucket_public]
    match: { bucket: "*-press-kit" }
    reason: the press kit is public on purpose (MKT-7)
delivery:
  retries: 1
  minRetryDelayMs: 1
`);

  async function syncGcp(updateTag: number): Promise<SyncResult> {
    const config = resolveConfig(gcpOptions, {
      flags: { googleAccessTokenEnvVar: TOKEN_VAR, gcpEndpoint: gcp.url },
      env: {},
    });
    const provider = createGcpProvider(config, { env: { [TOKEN_VAR]: 'test-access-token' } });
    return sync({
      store,
      providers: [provider],
      updateTag,
      retry: { retries: 4, minTimeoutMs: 1, maxTimeoutMs: 10 },
      changeLog: false,
    });
  }

  async function drift(day: number): Promise<DriftReport> {
    return runDrift({
      source: store,
      catalogue: builtinCatalogue.queries,
      rules: rules(),
      snapshots: createGraphSnapshotStore(store),
      env: { TEST_HOOK_SECRET: 'hush' },
      stdout: log,
      now: new Date(Date.UTC(2026, 8, day, 4)),
      runId: `night-${day}`,
    });
  }

  const summary = (alerts: readonly Alert[]) =>
    alerts.map((a) => `${a.query} ${a.transition} ${a.resource}`).sort();

  it('alerts a bucket made public, a firewall opened to the world, a new project and a removed instance, once', async () => {
    expect((await syncGcp(1_000)).errors).toEqual([]);
    const first = await drift(1);
    expect(first.queries.filter((q) => q.error !== undefined)).toEqual([]);
    expect(first.alerts).toEqual([]);
    const publicBefore = first.queries.find((q) => q.query === 'gcp_bucket_public')?.rows ?? 0;
    expect(publicBefore).toBeGreaterThan(0);

    // Pick a project with compute and storage, a private bucket and an instance not exposed.
    const instancesBefore = await store.read<{
      project_id: string;
      zone: string;
      instance_name: string;
      exposed_internet: boolean | null;
    }>(builtinCatalogue.get('gcp_instances').cypher);
    const publicBuckets = new Set(
      (await store.read<{ bucket: string }>(builtinCatalogue.get('gcp_bucket_public').cypher)).map(
        (r) => r.bucket,
      ),
    );
    const project = gcp.estate.projects.find(
      (p) =>
        p.networks.length > 0 &&
        p.buckets.some((b) => !publicBuckets.has(b.name)) &&
        instancesBefore.some((i) => i.project_id === p.projectId && i.exposed_internet !== true),
    );
    if (!project) throw new Error('the seeded estate has no project to change');
    const bucket = project.buckets.find((b) => !publicBuckets.has(b.name));
    const removed = instancesBefore.find(
      (i) => i.project_id === project.projectId && i.exposed_internet !== true,
    );
    if (!bucket || !removed) throw new Error('unreachable');

    // The estate changes overnight.
    bucket.publicAccessPrevention = 'inherited';
    bucket.iamBindings.push({ role: 'roles/storage.objectViewer', members: ['allUsers'] });
    const template = project.buckets[0];
    if (!template) throw new Error('no bucket');
    project.buckets.push({
      ...structuredClone(template),
      name: `${project.projectId}-press-kit`,
      publicAccessPrevention: 'inherited',
      iamBindings: [{ role: 'roles/storage.objectViewer', members: ['allUsers'] }],
    });
    project.firewalls.push({
      id: '7770001',
      name: 'temp-ssh-from-anywhere',
      description: 'opened for a debugging session',
      network: project.networks[0]?.name ?? 'default',
      direction: 'INGRESS',
      priority: 900,
      sourceRanges: ['0.0.0.0/0'],
      // Targets no instance: only the rule itself is new.
      targetTags: ['debug-session'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      disabled: false,
      logConfigEnabled: false,
      creationTimestamp: '2026-09-01T22:00:00.000-07:00',
    });
    project.instances = project.instances.filter((i) => i.name !== removed.instance_name);
    gcp.estate.projects.push(emptyProject(gcp, 'skygraph-new-project'));
    // The SIEM is down tonight.
    hook.handle(() => ({ status: 500, body: 'maintenance' }));

    expect((await syncGcp(2_000)).errors).toEqual([]);
    const second = await drift(2);
    expect(summary(second.alerts)).toEqual(
      [
        `gcp_bucket_public added ${bucket.name}`,
        'gcp_firewall_open_to_world added temp-ssh-from-anywhere / tcp / 22 / 22',
        `gcp_instances removed ${removed.zone} / ${removed.instance_name}`,
        'gcp_projects added skygraph-new-project',
      ].sort(),
    );
    const bucketAlert = second.alerts.find((a) => a.query === 'gcp_bucket_public');
    expect(bucketAlert).toMatchObject({
      severity: 'critical',
      scope: { column: 'project_id', value: project.projectId },
    });
    expect(second.suppressed.map((s) => s.identity)).toEqual([{ bucket: `${project.projectId}-press-kit` }]);
    expect(second.status).toBe('failed');
    expect(second.pending).toBe(2);
    expect(logLines.map((l) => (JSON.parse(l) as Alert).query).sort()).toEqual([
      'gcp_instances',
      'gcp_projects',
    ]);

    // The SIEM is back: last night's alerts arrive, once; nothing new happened.
    hook.handle(() => ({ status: 200, body: '' }));
    const failedCalls = hook.requests.length;
    expect((await syncGcp(3_000)).errors).toEqual([]);
    const third = await drift(3);
    expect(third.alerts).toEqual([]);
    expect(third.status).toBe('ok');
    const delivered = hook.requests
      .slice(failedCalls)
      .flatMap((r) => (JSON.parse(r.body) as WebhookPayload).alerts);
    expect(summary(delivered)).toEqual(summary(second.alerts.filter((a) => a.rules.includes('security'))));
    expect((await drift(4)).alerts).toEqual([]);
    expect(hook.requests.length).toBe(failedCalls + 1);
  });
});

function emptyProject(gcp: GcpEmulator, projectId: string): GcpProject {
  return {
    projectId,
    projectNumber: '424242424242',
    displayName: 'New project',
    parent: `organizations/${gcp.estate.organization.id}`,
    state: 'ACTIVE',
    createTime: '2026-09-01T21:00:00.000Z',
    labels: {},
    enabledServices: [],
    permissionDenied: false,
    networks: [],
    subnetworks: [],
    firewalls: [],
    instances: [],
    clusters: [],
    buckets: [],
  };
}
