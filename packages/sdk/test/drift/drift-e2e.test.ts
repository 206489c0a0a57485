import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { type GraphStore, sync } from '@skygraph/core';
import { type FixtureEstate, fixtureProvider, openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type Alert,
  createFileSnapshotStore,
  createGraphSnapshotStore,
  type DriftReport,
  type FindingQuery,
  parseAlertRules,
  runDrift,
  type SnapshotStore,
  type WebhookPayload,
} from '../../src/drift/index.ts';
import { type LocalHttp, startLocalHttp } from './local-http.ts';

/** Finding queries over the engine's fixture schemas, shaped like catalogue entries. */
const catalogue: FindingQuery[] = [
  {
    name: 'fixture-tenants',
    description: 'Every tenant (account)',
    severity: 'medium',
    tags: ['inventory'],
    cypher: 'MATCH (t:TestTenant) RETURN t.id AS account ORDER BY account',
    identityKeys: ['account'],
  },
  {
    name: 'fixture-servers',
    severity: 'info',
    tags: ['inventory'],
    cypher:
      'MATCH (t:TestTenant)-[:RESOURCE]->(s:TestServer) RETURN t.id AS account, s.id AS server, s.region AS region ORDER BY server',
    identityKeys: ['account', 'server'],
  },
  {
    name: 'fixture-exposed-servers',
    description: 'Servers reachable from the internet on SSH',
    remediation: 'Make the server private or close port 22',
    severity: 'high',
    tags: ['exposure'],
    cypher:
      'MATCH (t:TestTenant)-[:RESOURCE]->(s:TestServer) WHERE s.exposed_internet = true RETURN t.id AS account, s.id AS server, s.ports AS ports ORDER BY server',
    identityKeys: ['account', 'server'],
  },
  {
    name: 'fixture-unused',
    severity: 'critical',
    tags: ['other'],
    cypher: 'MATCH (n:Nothing) RETURN n.id AS id',
    identityKeys: ['id'],
  },
];

function server(id: string, region: string, open = false, ports = [443]) {
  return { id, region, name: id, public: open, ports: open ? [22, ...ports] : ports };
}

function estate(): FixtureEstate {
  return {
    tenants: {
      acme: {
        'eu-west-1': {
          servers: [
            server('srv-1', 'eu-west-1', true),
            server('srv-2', 'eu-west-1'),
            server('srv-3', 'eu-west-1'),
            server('srv-bastion', 'eu-west-1'),
          ],
          disks: [],
        },
      },
      globex: { 'us-east-1': { servers: [server('gx-1', 'us-east-1')], disks: [] } },
    },
  };
}

function rulesYaml(webhookUrl: string) {
  return `
baseline: silent
sinks:
  secops:
    type: slack
    webhookUrlEnv: TEST_SLACK_WEBHOOK_URL
  siem:
    type: webhook
    url: ${webhookUrl}/skygraph
    secretEnv: TEST_WEBHOOK_SECRET
  log:
    type: stdout
rules:
  - name: exposure
    tags: [exposure]
    on: [added, changed, removed]
    minSeverity: high
    sinks: [secops, siem]
  - name: inventory
    queries: [fixture-tenants, fixture-servers]
    on: [added, removed]
    sinks: [log]
exceptions:
  - queries: [fixture-exposed-*]
    match: { server: "srv-bastion*" }
    reason: bastion host, SSH open by design (SEC-42)
delivery:
  retries: 1
  minRetryDelayMs: 1
`;
}

const stores: [string, (store: GraphStore) => { snapshots: SnapshotStore; dir?: string }][] = [
  ['the graph store', (store) => ({ snapshots: createGraphSnapshotStore(store) })],
  [
    'a snapshot folder',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'skygraph-drift-'));
      return { snapshots: createFileSnapshotStore(dir), dir };
    },
  ],
];

describe.each(stores)('drift after real syncs, snapshots in %s', (_name, openSnapshots) => {
  let store: GraphStore;
  let slack: LocalHttp;
  let hook: LocalHttp;
  let stdout: PassThrough;
  let stdoutLines: string[];
  let snapshots: SnapshotStore;
  let snapshotDir: string | undefined;

  beforeEach(async () => {
    store = await openTestStore();
    slack = await startLocalHttp();
    hook = await startLocalHttp(() => ({ status: 202, body: '' }));
    stdout = new PassThrough();
    stdoutLines = [];
    stdout.on('data', (chunk: Buffer) => stdoutLines.push(...chunk.toString().split('\n').filter(Boolean)));
    ({ snapshots, dir: snapshotDir } = openSnapshots(store));
  });
  afterEach(async () => {
    await store.close();
    await slack.close();
    await hook.close();
    if (snapshotDir) rmSync(snapshotDir, { recursive: true, force: true });
  });

  let day = 0;
  async function syncAndDrift(state: FixtureEstate): Promise<DriftReport> {
    day += 1;
    const result = await sync({ store, providers: [fixtureProvider(state)], updateTag: 1_000 + day });
    expect(result.status).toBe('success');
    return runDrift({
      source: store,
      catalogue,
      rules: parseAlertRules(rulesYaml(hook.url)),
      snapshots,
      env: { TEST_SLACK_WEBHOOK_URL: `${slack.url}/services/T000/B000/XXXX`, TEST_WEBHOOK_SECRET: 'hush' },
      stdout,
      now: new Date(Date.UTC(2026, 5, day, 3)),
      runId: `run-${day}`,
    });
  }

  const slackAlerts = () =>
    slack.requests
      .flatMap((r) => (JSON.parse(r.body) as { blocks: unknown[] }).blocks)
      .map((b) => JSON.stringify(b));
  const hookAlerts = () => hook.requests.flatMap((r) => (JSON.parse(r.body) as WebhookPayload).alerts);
  const summary = (alerts: readonly Alert[]) =>
    alerts.map((a) => `${a.query} ${a.transition} ${a.resource}`).sort();

  it('alerts exactly what changed in the estate, honours exceptions, and delivers what an outage held back once', async () => {
    day = 0;
    const first = await syncAndDrift(estate());
    expect(first.status).toBe('ok');
    expect(first.alerts).toEqual([]);
    expect(first.queries.map((q) => [q.query, q.rows, q.baseline])).toEqual([
      ['fixture-tenants', 2, true],
      ['fixture-servers', 5, true],
      ['fixture-exposed-servers', 1, true],
    ]);

    // The estate changes: a new account, a server opened to the world, a server
    // that goes away, more ports on an exposed server, and an excepted bastion opened.
    const changed = estate();
    const acme = changed.tenants.acme?.['eu-west-1'];
    if (!acme) throw new Error('fixture');
    acme.servers = [
      server('srv-1', 'eu-west-1', true, [443, 3389]),
      server('srv-2', 'eu-west-1', true),
      server('srv-bastion', 'eu-west-1', true),
    ];
    changed.tenants.initech = { 'eu-central-1': { servers: [server('in-1', 'eu-central-1')], disks: [] } };
    // Slack is down for this run.
    slack.handle(() => ({ status: 500, body: 'internal_error' }));

    const second = await syncAndDrift(changed);
    expect(summary(second.alerts)).toEqual([
      'fixture-exposed-servers added srv-2',
      'fixture-exposed-servers changed srv-1',
      'fixture-servers added in-1',
      'fixture-servers removed srv-3',
      'fixture-tenants added initech',
    ]);
    expect(second.alerts.find((a) => a.transition === 'changed')?.changes).toEqual({
      ports: { old: [22, 443], new: [22, 443, 3389] },
    });
    expect(second.suppressed.map((s) => [s.identity, s.reason])).toEqual([
      [{ account: 'acme', server: 'srv-bastion' }, 'bastion host, SSH open by design (SEC-42)'],
    ]);
    expect(second.status).toBe('failed');
    expect(second.sinks.find((s) => s.sink === 'secops')).toMatchObject({ delivered: 0, failed: 2 });
    expect(second.sinks.find((s) => s.sink === 'siem')).toMatchObject({ delivered: 2, failed: 0 });
    expect(second.pending).toBe(2);
    expect(summary(hookAlerts())).toEqual([
      'fixture-exposed-servers added srv-2',
      'fixture-exposed-servers changed srv-1',
    ]);
    expect(stdoutLines.map((l) => (JSON.parse(l) as Alert).resource).sort()).toEqual([
      'in-1',
      'initech',
      'srv-3',
    ]);
    expect(JSON.stringify(second)).not.toContain('XXXX');

    // Slack is back; the estate is unchanged: the held-back alerts arrive, once, and nothing else.
    slack.handle(() => ({ status: 200, body: 'ok' }));
    const slackCallsBefore = slack.requests.length;
    const third = await syncAndDrift(changed);
    expect(third.alerts).toEqual([]);
    expect(third.status).toBe('ok');
    expect(third.pending).toBe(0);
    expect(third.sinks).toEqual([
      { sink: 'secops', type: 'slack', delivered: 2, redelivered: 2, failed: 0, errors: [] },
    ]);
    const delivered = slack.requests.slice(slackCallsBefore);
    expect(delivered).toHaveLength(1);
    const blocks = slackAlerts().join('\n');
    expect(blocks).toContain('srv-2');
    expect(blocks).toContain('`ports`: [22,443] → [22,443,3389]');
    expect(hook.requests).toHaveLength(1);

    const fourth = await syncAndDrift(changed);
    expect(fourth.alerts).toEqual([]);
    expect(slack.requests.length).toBe(slackCallsBefore + 1);

    // Closing the server again resolves the finding.
    const closed = structuredClone(changed);
    const acme2 = closed.tenants.acme?.['eu-west-1'];
    if (!acme2) throw new Error('fixture');
    acme2.servers = acme2.servers.map((s) => (s.id === 'srv-2' ? server('srv-2', 'eu-west-1') : s));
    const fifth = await syncAndDrift(closed);
    expect(summary(fifth.alerts)).toEqual(['fixture-exposed-servers removed srv-2']);
  });

  it('changes nothing in a dry run', async () => {
    day = 10;
    await syncAndDrift(estate());
    const next = estate();
    next.tenants.initech = { 'eu-central-1': { servers: [], disks: [] } };
    await sync({ store, providers: [fixtureProvider(next)], updateTag: 5_000 });
    const preview = await runDrift({
      source: store,
      catalogue,
      rules: parseAlertRules(rulesYaml(hook.url)),
      snapshots,
      dryRun: true,
      now: new Date(Date.UTC(2026, 6, 1)),
    });
    expect(summary(preview.alerts)).toEqual(['fixture-tenants added initech']);
    expect(slack.requests).toHaveLength(0);
    expect(stdoutLines).toEqual([]);
    // Nothing was saved: the real run sees the same change.
    const real = await syncAndDrift(next);
    expect(summary(real.alerts)).toEqual(['fixture-tenants added initech']);
  });
});
