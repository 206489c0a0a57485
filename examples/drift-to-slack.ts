/**
 * Drift to Slack: run after each sync, it snapshots the security findings of
 * the query catalogue, compares them with the previous run's, and posts what
 * changed to a Slack channel through an incoming webhook. The first run only
 * records the baseline (nothing is "new" yet); later runs alert on findings
 * that appeared — a bucket made public, a port opened to the world.
 *
 *   SLACK_WEBHOOK_URL=https://hooks.slack.com/services/... \
 *     node --import tsx examples/drift-to-slack.ts --store ~/.skygraph/graph.grafeo --snapshots .skygraph/drift
 *
 *   # the whole story on the demo estate: baseline, a careless change, re-sync, alert
 *   # (without SLACK_WEBHOOK_URL the messages go to a local stand-in that prints them)
 *   node --import tsx examples/drift-to-slack.ts --demo
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Writable } from 'node:stream';
import { S3_ALL_USERS } from '@skygraph/aws/emulator';
import { type GraphStore, openStore } from '@skygraph/core';
import {
  builtinCatalogue,
  type DemoEstate,
  type DriftReport,
  openSnapshotStore,
  parseAlertRules,
  runDrift,
} from '@skygraph/sdk';
import { openDemoGraph } from './lib/demo-graph.ts';
import { isDirectRun, parseExampleArgs, runCli } from './lib/example-cli.ts';

/**
 * The alert rules, as a team would keep them in `alert-rules.yaml`. The
 * webhook URL is a secret, so the file names the environment variable that
 * holds it, never the URL.
 */
export const ALERT_RULES = `
baseline: silent            # the first run records what exists; only changes alert
sinks:
  security-channel:
    type: slack
    webhookUrlEnv: SLACK_WEBHOOK_URL
rules:
  - name: new-serious-findings
    tags: [security]
    minSeverity: high
    on: [added]
    sinks: [security-channel]
  - name: fixed-critical-findings
    tags: [security]
    minSeverity: critical
    on: [removed]
    sinks: [security-channel]
exceptions:
  - queries: [iam_role_trusts_external_account]
    match: { role_name: cross-account-vendor-role }
    reason: the vendor's audit access, approved in SEC-1234
    expires: 2099-12-31
`;

export interface DriftToSlackOptions {
  /** The graph: drift reads the findings from it and, without `snapshotDir`, keeps its snapshots in it. */
  readonly store: GraphStore;
  /** Keep snapshots and alert state in this folder instead of the graph. */
  readonly snapshotDir?: string;
  /** The Slack incoming webhook URL. */
  readonly webhookUrl: string;
  readonly now?: Date;
  /** Where the run's summary goes (default: nowhere). */
  readonly out?: Writable;
}

/** One drift run: snapshot, compare, post the alerts; the report says what changed and what was delivered. */
export async function main(options: DriftToSlackOptions): Promise<DriftReport> {
  const report = await runDrift({
    source: options.store,
    catalogue: builtinCatalogue.queries,
    rules: parseAlertRules(ALERT_RULES, 'examples/drift-to-slack.ts'),
    snapshots: openSnapshotStore(options.store, { snapshotDir: options.snapshotDir }),
    // Only this variable is visible to the sinks: the rules cannot read other secrets by mistake.
    env: { SLACK_WEBHOOK_URL: options.webhookUrl },
    ...(options.now ? { now: options.now } : {}),
  });
  if (options.out) {
    const out = options.out;
    const baseline = report.queries.filter((q) => q.baseline).length;
    out.write(
      `drift: ${report.queries.length} queries watched${baseline > 0 ? ` (${baseline} for the first time: baseline)` : ''}; ${report.alerts.length} alerts\n`,
    );
    for (const alert of report.alerts) {
      out.write(
        `  ${alert.transition.padEnd(7)} ${alert.severity.padEnd(8)} ${alert.query}: ${alert.resource}\n`,
      );
    }
    for (const sink of report.sinks) {
      out.write(
        `  ${sink.sink}: ${sink.delivered} delivered${sink.failed > 0 ? `, ${sink.failed} failed (kept for the next run)` : ''}\n`,
      );
    }
    for (const warning of report.warnings) out.write(`  warning: ${warning}\n`);
  }
  return report;
}

/**
 * A stand-in for Slack on loopback, for the demo without a real webhook:
 * it answers `ok` like Slack and prints the text of each message it gets.
 */
async function startSlackStandIn(out: Writable): Promise<{ url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const message = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { text?: string };
      out.write(`  [slack stand-in] received: ${message.text ?? '(no text)'}\n`);
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/services/T000/B000/demo`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

/**
 * A careless change in the demo estate: a private bucket of the first
 * account gets an AllUsers READ grant, as a console click would do. Returns
 * the bucket's name.
 */
export function makeDemoBucketPublic(demo: DemoEstate): string {
  const account = demo.aws?.estate.accounts[0];
  const bucket = account?.buckets.find(
    (b) => !b.grants.some((g) => g.grantee.type === 'Group') && b.policy === undefined,
  );
  if (!bucket) throw new Error('the demo estate has no private bucket to make public');
  bucket.grants.push({ grantee: { type: 'Group', uri: S3_ALL_USERS }, permission: 'READ' });
  delete bucket.publicAccessBlock;
  return bucket.name;
}

if (isDirectRun(import.meta.url)) {
  await runCli(async () => {
    const args = parseExampleArgs(
      'Usage: SLACK_WEBHOOK_URL=... node --import tsx examples/drift-to-slack.ts [--demo | --store <uri>] [--snapshots <dir>]',
      { snapshots: { type: 'string' } },
    );
    let webhookUrl = process.env.SLACK_WEBHOOK_URL;
    if (!webhookUrl && !args.demo)
      throw new Error('set SLACK_WEBHOOK_URL to the incoming webhook of the channel');
    const standIn = webhookUrl ? null : await startSlackStandIn(process.stdout);
    webhookUrl ??= standIn?.url as string;
    const snapshotDir = args.snapshots;
    try {
      if (!args.demo) {
        // Drift keeps its snapshots in the graph (or --snapshots), so it opens the store for writing.
        const store = await openStore(args.store ?? process.env.SKYGRAPH_STORE, {
          neo4jPasswordEnvVar: args.store && /^(bolt|neo4j)/.test(args.store) ? 'NEO4J_PASSWORD' : undefined,
        });
        try {
          await main({ store, snapshotDir, webhookUrl, out: process.stdout });
        } finally {
          await store.close();
        }
        return;
      }
      // The demo story: a baseline run, a careless change in the estate, the next sync, the run that alerts.
      process.stderr.write('Starting the demo estate and syncing it (a few seconds)...\n');
      const demo = await openDemoGraph();
      try {
        await main({ store: demo.store, webhookUrl, out: process.stdout });
        const bucket = makeDemoBucketPublic(demo.demo);
        process.stdout.write(`\nThe estate changed: bucket ${bucket} is now public. Re-syncing...\n`);
        await demo.resync();
        await main({ store: demo.store, webhookUrl, out: process.stdout });
      } finally {
        await demo.close();
      }
    } finally {
      await standIn?.close();
    }
  });
}
