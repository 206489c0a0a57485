import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestStoreTarget, type TestStoreTarget } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDemoGraph } from '../lib/demo-graph.ts';

const EXAMPLES = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ROOT = resolve(EXAMPLES, '..');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs an example as a user would: `node --import tsx examples/<name>.ts <args>` from the repository root. */
function runExample(name: string, args: readonly string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.NODE_OPTIONS;
  delete env.SLACK_WEBHOOK_URL;
  delete env.SKYGRAPH_STORE;
  // The test store's login, as a user's environment would hold it (--store names the store).
  for (const [name, value] of Object.entries(synced?.env ?? {}))
    if (name !== 'SKYGRAPH_STORE') env[name] = value;
  return new Promise((done) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', join('examples', `${name}.ts`), ...args],
      { cwd: ROOT, env, timeout: 180_000, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }),
    );
  });
}

const tempDirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  tempDirs.push(dir);
  return dir;
};

/** The test store (embedded file or the run's Neo4j) holding the synced demo estate, as `pnpm collect --demo` leaves one. */
let synced: TestStoreTarget | undefined;
beforeAll(async () => {
  synced = await createTestStoreTarget();
  const graph = await openDemoGraph({ store: await synced.open() });
  await graph.close();
}, 120_000);
afterAll(() => {
  synced?.dispose();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});
const syncedUri = () => synced?.uri ?? '';

// One process at a time: each loads the SDK (seconds of CPU), and --demo runs also start the
// emulators and sync; in parallel they would only compete for the same cores.
describe('the examples on the command line', () => {
  it('internet-exposed --demo prints the exposure table', { timeout: 300_000 }, async () => {
    const run = await runExample('internet-exposed', ['--demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^\d+ internet-exposed assets: /);
    expect(run.stdout).toContain('tcp/22 open to the world in open-ssh-world');
    expect(run.stdout).toContain('legacy-cluster-0');
  });

  it('internet-exposed --store --account reads a synced graph, narrowed to one account', {
    timeout: 300_000,
  }, async () => {
    const run = await runExample('internet-exposed', ['--store', syncedUri(), '--account', 'acme-security']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('acme-security');
    expect(run.stdout).not.toContain('acme-management');
    expect(run.stdout).not.toMatch(/^gcp /m);
  });

  it('inventory-one-account --account names the account, and fails cleanly for an unknown one', {
    timeout: 300_000,
  }, async () => {
    const run = await runExample('inventory-one-account', [
      '--store',
      syncedUri(),
      '--account',
      'acme-security',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Account acme-security \(\d{12}\), ACTIVE: \d+ resources/);
    const unknown = await runExample('inventory-one-account', ['--store', syncedUri(), '--account', 'nope']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^error: no AWS account "nope" in the graph; accounts: /m);
    expect(unknown.stderr).not.toContain('    at ');
  });

  it('who-can-assume --principal lists the roles one principal can assume', {
    timeout: 300_000,
  }, async () => {
    const run = await runExample('who-can-assume', [
      '--store',
      syncedUri(),
      '--principal',
      'assume-anything-dave',
    ]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Roles assume-anything-dave can assume: [1-9]\d*/);
    expect(run.stdout).toContain('OrganizationAccountAccessRole');
  });

  it('weekly-security-report --out-dir writes the HTML file where asked', { timeout: 300_000 }, async () => {
    const outDir = tempDir('skygraph-weekly-cli-');
    const run = await runExample('weekly-security-report', ['--store', syncedUri(), '--out-dir', outDir]);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(outDir);
    expect(files).toEqual([expect.stringMatching(/^security-\d{4}-W\d{2}\.html$/)]);
    expect(run.stdout).toContain(`HTML: ${join(outDir, files[0] ?? '')}`);
  });

  it('drift-to-slack --demo tells the whole story: baseline, change, alert to the Slack stand-in', {
    timeout: 300_000,
  }, async () => {
    const run = await runExample('drift-to-slack', ['--demo']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/for the first time: baseline\); 0 alerts/);
    const bucket = /bucket (\S+) is now public/.exec(run.stdout)?.[1];
    expect(bucket).toBeDefined();
    expect(run.stdout).toContain(`[slack stand-in] received: skygraph drift: 1 added`);
    expect(run.stdout).toContain(`added   critical s3_anonymous: ${bucket}`);
    expect(run.stdout).toContain('security-channel: 1 delivered');
  });

  it('drift-to-slack without a webhook outside the demo says what to set', { timeout: 300_000 }, async () => {
    const run = await runExample('drift-to-slack', []);
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error: set SLACK_WEBHOOK_URL to the incoming webhook of the channel');
  });

  it('custom-collector syncs the directory next to the demo estate', { timeout: 300_000 }, async () => {
    // A fresh store: on Neo4j this empties the database the tests above read, so it comes after them.
    const target = await createTestStoreTarget('custom');
    const store = target.uri;
    const run = await runExample('custom-collector', ['--store', store]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^sync success: \d+ nodes; the directory loaded 4 teams in 2 requests/);
    expect(run.stdout).toMatch(/Platform\s+#platform-oncall\s+acme-management\s+EC2 instance/);
    // --store keeps the graph for later queries.
    const kept = await target.open({ readOnly: true });
    expect((await kept.read('MATCH (t:CmdbTeam) RETURN count(t) AS n'))[0]).toEqual({ n: 4 });
    await kept.close();
    target.dispose();
  });

  it('--help prints the usage and the graph options', { timeout: 300_000 }, async () => {
    const run = await runExample('internet-exposed', ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Usage: node --import tsx examples/internet-exposed.ts');
    expect(run.stdout).toContain('--demo');
    expect(run.stdout).toContain('--store <uri>');
  });
});
