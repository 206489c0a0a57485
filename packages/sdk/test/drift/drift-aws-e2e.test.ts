import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { awsOptions, createAwsProvider } from '@skygraph/aws';
import {
  type AwsEmulator,
  addGeneratedAccount,
  generateAwsEstate,
  makeBucketPublic,
  openToWorld,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import { type GraphStore, resolveConfig, type SyncResult, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { builtinCatalogue } from '../../src/catalogue/index.ts';
import {
  type Alert,
  createFileSnapshotStore,
  type DriftReport,
  parseAlertRules,
  runDrift,
  type slackMessage,
} from '../../src/drift/index.ts';
import { type LocalHttp, startLocalHttp } from './local-http.ts';

/**
 * What the nightly job is for, on AWS: the emulator's organisation is synced,
 * then someone opens a security group to the world, makes a bucket public,
 * adds an account and terminates an instance; the next sync and drift run
 * must report exactly that, in Slack, once.
 */
describe('drift on the built-in catalogue after AWS syncs', () => {
  let store: GraphStore;
  let aws: AwsEmulator;
  let slack: LocalHttp;
  let dir: string;
  let log: PassThrough;
  let logLines: string[];

  beforeEach(async () => {
    store = await openTestStore();
    aws = await startAwsEmulator({
      estate: generateAwsEstate({
        seed: 'drift',
        accounts: 3,
        regionsPerAccount: 1,
        now: '2026-06-01T00:00:00Z',
      }),
    });
    slack = await startLocalHttp();
    dir = mkdtempSync(join(tmpdir(), 'skygraph-aws-drift-'));
    logLines = [];
    log = new PassThrough();
    log.on('data', (chunk: Buffer) => logLines.push(...chunk.toString().split('\n').filter(Boolean)));
  });
  afterEach(async () => {
    await aws.close();
    await slack.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function syncAws(): Promise<SyncResult> {
    const provider = createAwsProvider(resolveConfig(awsOptions, { flags: {}, env: {} }), {
      credentials: async () => aws.hubCredentials,
      endpoint: aws.url,
      env: {},
    });
    return sync({ store, providers: [provider], retry: { retries: 8, minTimeoutMs: 1, maxTimeoutMs: 10 } });
  }

  const rules = parseAlertRules(`
sinks:
  secops:
    type: slack
    webhookUrlEnv: TEST_SLACK_WEBHOOK_URL
  estate-log:
    type: stdout
rules:
  - name: exposure
    queries: [ec2_security_group_open_to_world, s3_anonymous]
    on: [added, removed]
    sinks: [secops]
  - name: estate
    queries: [aws_accounts, ec2_instances]
    on: [added, removed]
    sinks: [estate-log]
delivery:
  retries: 0
`);

  function drift(day: number): Promise<DriftReport> {
    return runDrift({
      source: store,
      catalogue: builtinCatalogue.queries,
      rules,
      snapshots: createFileSnapshotStore(dir),
      env: { TEST_SLACK_WEBHOOK_URL: `${slack.url}/services/T1/B1/token` },
      stdout: log,
      now: new Date(Date.UTC(2026, 5, day, 5)),
      runId: `night-${day}`,
    });
  }

  const summary = (alerts: readonly Alert[]) =>
    alerts.map((a) => `${a.query} ${a.transition} ${a.resource}`).sort();

  it('reports a group opened to the world, a public bucket, a new account and a removed instance', async () => {
    expect((await syncAws()).errors).toEqual([]);
    const first = await drift(1);
    expect(first.queries.filter((q) => q.error !== undefined)).toEqual([]);
    expect(first.alerts).toEqual([]);

    const worldOpen = new Set(
      (
        await store.read<{ security_group_id: string }>(
          builtinCatalogue.get('ec2_security_group_open_to_world').cypher,
        )
      ).map((r) => r.security_group_id),
    );
    const anonymous = new Set(
      (await store.read<{ bucket: string }>(builtinCatalogue.get('s3_anonymous').cypher)).map(
        (r) => r.bucket,
      ),
    );
    const account = aws.estate.accounts.find(
      (a) => a.status === 'ACTIVE' && a.buckets.some((b) => !anonymous.has(b.name)),
    );
    if (!account) throw new Error('the seeded estate has no account to change');
    const region = account.regions[account.enabledRegions[0] ?? ''];
    const group = region?.securityGroups.find((g) => !worldOpen.has(g.groupId));
    const bucket = account.buckets.find((b) => !anonymous.has(b.name));
    const instance = region?.instances[0];
    if (!region || !group || !bucket || !instance)
      throw new Error('the seeded account lacks a group, bucket or instance');

    openToWorld(group, 22);
    makeBucketPublic(bucket);
    region.instances = region.instances.filter((i) => i !== instance);
    const added = addGeneratedAccount(aws.estate, { name: 'new-team', regions: [], resourcesPerRegion: 0 });

    expect((await syncAws()).errors).toEqual([]);
    const second = await drift(2);
    expect(summary(second.alerts)).toEqual(
      [
        `aws_accounts added ${added.id}`,
        `ec2_instances removed ${instance.instanceId}`,
        `ec2_security_group_open_to_world added ${group.groupId} / tcp / 22 / 22 / 0.0.0.0/0`,
        `ec2_security_group_open_to_world added ${group.groupId} / tcp / 22 / 22 / ::/0`,
        `s3_anonymous added ${bucket.name}`,
      ].sort(),
    );
    expect(second.status).toBe('ok');

    // Slack got one readable message with the account, resource, query, severity and transition of each.
    expect(slack.requests).toHaveLength(1);
    const message = JSON.parse(slack.requests[0]?.body ?? '{}') as ReturnType<typeof slackMessage>;
    const text = JSON.stringify(message.blocks);
    for (const expected of [account.id, group.groupId, bucket.name, 's3_anonymous', 'CRITICAL', 'added']) {
      expect(text).toContain(expected);
    }
    expect(logLines.map((l) => (JSON.parse(l) as Alert).query).sort()).toEqual([
      'aws_accounts',
      'ec2_instances',
    ]);

    // Nothing changes: nothing more is said.
    expect((await syncAws()).errors).toEqual([]);
    expect((await drift(3)).alerts).toEqual([]);
    expect(slack.requests).toHaveLength(1);
  });
});
