import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStoreTarget, type TestStoreTarget } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCollect } from '../../src/cli/collect-command.ts';
import { demoHook } from '../../src/cli/demo-hook.ts';
import { runSkygraph } from '../../src/cli/skygraph-command.ts';
import { memoryIo } from './cli-harness.ts';

// One demo sync for the file: the three emulators, the real providers, the test store
// (the embedded default under SKYGRAPH_HOME, or the test run's Neo4j).
describe('collect --demo, then skygraph query and report', () => {
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let target: TestStoreTarget;
  let demoOut = '';
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'skygraph-demo-'));
    target = await createTestStoreTarget();
    env = {
      SKYGRAPH_HOME: dir,
      SKYGRAPH_LOG_LEVEL: 'warn',
      ...(target.kind === 'neo4j' ? target.env : {}),
    };
    const run = memoryIo(env);
    const code = await runCollect(['--demo', '--demo-report', join(dir, 'demo.html')], run.io, {
      demo: demoHook,
    });
    demoOut = run.stdout();
    expect(run.stderr()).toBe('');
    expect(code).toBe(0);
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
    target.dispose();
  });

  it('syncs every provider, prints the summary and the overview, writes the HTML report', () => {
    expect(demoOut).toMatch(/\): success in/);
    for (const provider of ['aws', 'gcp', 'gsuite']) expect(demoOut).toContain(provider);
    expect(demoOut).toContain('Estate overview');
    const html = readFileSync(join(dir, 'demo.html'), 'utf8');
    expect(html).toMatch(/<html/i);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href="http/i);
    if (target.kind === 'embedded') expect(existsSync(join(dir, 'graph.grafeo'))).toBe(true);
  });

  it('runs catalogue queries by name with a JSON result naming the seeded findings', async () => {
    const run = memoryIo(env);
    expect(await runSkygraph(['query', 'ec2_open_to_world', '--format', 'json'], run.io)).toBe(0);
    const [result] = JSON.parse(run.stdout()) as { query: string; rows: { source: string }[] }[];
    expect(result?.query).toBe('ec2_open_to_world');
    expect(result?.rows.length).toBeGreaterThan(0);
    expect(result?.rows.every((r) => r.source === '0.0.0.0/0' || r.source === '::/0')).toBe(true);
  });

  it('refuses a bad --param as a usage error (exit 2) before running anything', async () => {
    for (const [param, message] of [
      ['days=ninety', /parameter "days": expected a number, got "ninety"/],
      ['dayz=30', /no selected query has a parameter "dayz" \(they have days\)/],
      ['days', /--param: /],
    ] as const) {
      const run = memoryIo(env);
      expect(await runSkygraph(['query', 'iam_access_key_old', '--param', param], run.io), param).toBe(2);
      expect(run.stderr(), param).toMatch(message);
    }
    const ok = memoryIo(env);
    expect(
      await runSkygraph(['query', 'iam_access_key_old', '--param', 'days=30', '--format', 'json'], ok.io),
    ).toBe(0);
  });

  it('filters the catalogue by tag expression and lists it', async () => {
    const run = memoryIo(env);
    expect(await runSkygraph(['query', '--list', '--tags', 'gcp,security', '--format', 'json'], run.io)).toBe(
      0,
    );
    const listed = JSON.parse(run.stdout()) as { name: string; tags: string[] }[];
    expect(listed.length).toBeGreaterThan(0);
    expect(listed.every((q) => q.tags.includes('gcp') && q.tags.includes('security'))).toBe(true);
  });

  it('scopes to an account by parameter: an injection-like value matches nothing and breaks nothing', async () => {
    const run = memoryIo(env);
    expect(
      await runSkygraph(
        ['query', 'ec2_open_to_world', '--format', 'json', '--account', 'x" OR 1=1 OR a.name="'],
        run.io,
      ),
    ).toBe(0);
    const [result] = JSON.parse(run.stdout()) as { rows: unknown[] }[];
    expect(result?.rows).toEqual([]);
  });

  it('runs ad-hoc read-only Cypher and refuses writes', async () => {
    const read = memoryIo(env);
    expect(
      await runSkygraph(
        ['query', '--cypher', 'MATCH (a:AWSAccount) RETURN count(a) AS accounts', '--format', 'csv'],
        read.io,
      ),
    ).toBe(0);
    expect(read.stdout()).toMatch(/^accounts\r?\n\d+/);
    const write = memoryIo(env);
    expect(await runSkygraph(['query', '--cypher', 'MATCH (n) DETACH DELETE n'], write.io)).not.toBe(0);
    expect(write.stderr()).toMatch(/read-only|writes/i);
  });

  it('imports a community queries.json and runs its queries', async () => {
    const file = join(dir, 'queries.json');
    writeFileSync(
      file,
      JSON.stringify([
        {
          name: 'my_account_count',
          tags: ['aws', 'inventory'],
          description: 'How many accounts',
          query: 'MATCH (a:AWSAccount) RETURN ',
          return: 'count(a) AS accounts',
          result_headers: ['accounts'],
        },
      ]),
    );
    const run = memoryIo(env);
    expect(
      await runSkygraph(['query', 'my_account_count', '--queries', file, '--format', 'json'], run.io),
    ).toBe(0);
    expect(JSON.parse(run.stdout())[0].rows[0].accounts).toBeGreaterThan(0);
  });

  it('builds named reports in every format and rejects unknown ones', async () => {
    const html = join(dir, 'security.html');
    expect(
      await runSkygraph(['report', 'aws-security', '--format', 'html', '-o', html], memoryIo(env).io),
    ).toBe(0);
    expect(readFileSync(html, 'utf8')).toMatch(/<svg|<canvas/);
    const md = memoryIo(env);
    expect(await runSkygraph(['report', 'gcp-security', '--format', 'md', '--project', 'nope'], md.io)).toBe(
      0,
    );
    const json = memoryIo(env);
    expect(await runSkygraph(['report', 'gsuite-identity', '--format', 'json'], json.io)).toBe(0);
    expect(JSON.parse(json.stdout()).name).toBe('gsuite-identity');
    const bad = memoryIo(env);
    expect(await runSkygraph(['report', 'nope'], bad.io)).toBe(2);
    expect(bad.stderr()).toMatch(/unknown report "nope"; known: aws-inventory/);
  });

  it('drift snapshots finding queries: a baseline first, then no change on an unchanged graph', async () => {
    const first = memoryIo(env);
    expect(await runSkygraph(['drift', '--drift-tags', 'security'], first.io)).toBe(0);
    expect(first.stderr()).toMatch(/first snapshot/);
    const second = memoryIo(env);
    expect(await runSkygraph(['drift', '--drift-tags', 'security'], second.io)).toBe(0);
    expect(second.stderr()).toMatch(/\+0 -0 ~0/);
    expect(second.stderr()).toMatch(/drift ok: 0 alerts/);
  });

  it('exports to Elasticsearch as a true dry run, and needs --es-url otherwise', async () => {
    const dry = memoryIo(env);
    expect(
      await runSkygraph(
        ['export', 'elasticsearch', '--dry-run', '--export-queries', 'ec2_open_to_world'],
        dry.io,
      ),
    ).toBe(0);
    expect(dry.stdout()).toContain('ec2_open_to_world');
    expect(dry.stderr()).toMatch(/export ok \(dry run\)/);
    const missing = memoryIo(env);
    expect(await runSkygraph(['export', 'elasticsearch', '--export-tags', 'security'], missing.io)).toBe(2);
    expect(missing.stderr()).toMatch(/--es-url is required/);
  });

  it('says the store is unreachable or empty with exit 1', async () => {
    const run = memoryIo(
      target.kind === 'embedded'
        ? { SKYGRAPH_STORE: join(dir, 'nothing-here.grafeo') }
        : { ...target.env, SKYGRAPH_STORE: 'bolt://127.0.0.1:1' },
    );
    expect(await runSkygraph(['query', 'aws_accounts'], run.io)).toBe(1);
    expect(run.stderr()).toMatch(/skygraph: /);
  });
});
