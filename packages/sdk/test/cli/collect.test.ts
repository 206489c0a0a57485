import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStoreTarget, fixtureProvider } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCollect } from '../../src/cli/collect-command.ts';
import type { ProviderEntry } from '../../src/cli/provider-registry.ts';
import { memoryIo } from './cli-harness.ts';

const estate = () => ({
  tenants: {
    acme: { east: { servers: [{ id: 's1', region: 'east', public: true, ports: [22] }], disks: [] } },
  },
});

const fixtureEntry: ProviderEntry = {
  name: 'aws',
  options: {},
  missingCredentials: (_config, env) =>
    env.FIXTURE_TOKEN ? null : 'set FIXTURE_TOKEN (the fixture credentials)',
  create: () => fixtureProvider(estate()),
};

describe('collect', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skygraph-cli-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('prints help with every flag and the exit codes', async () => {
    const run = memoryIo();
    expect(await runCollect(['--help'], run.io, { entries: [] })).toBe(0);
    for (const flag of [
      '--store <path-or-uri>',
      '--neo4j-user',
      '--neo4j-password-env-var <NAME>',
      '--neo4j-database',
      '--providers',
      '--update-tag <int>',
      '--concurrency <n>',
      '--fail-fast',
      '--config <file>',
      '--log-level',
      '--json-logs',
      '--demo',
      '--dry-run',
    ]) {
      expect(run.stdout()).toContain(flag);
    }
    expect(run.stdout()).toMatch(/Exit codes: 0/);
  });

  it('rejects bad settings with exit code 2 and a message naming the setting and its source', async () => {
    const flag = memoryIo();
    expect(await runCollect(['--concurrency', 'lots'], flag.io, { entries: [] })).toBe(2);
    expect(flag.stderr()).toMatch(/--concurrency: expected a whole number.*"lots"/);

    const env = memoryIo({ SKYGRAPH_LOG_LEVEL: 'chatty' });
    expect(await runCollect([], env.io, { entries: [] })).toBe(2);
    expect(env.stderr()).toMatch(/SKYGRAPH_LOG_LEVEL: expected one of fatal, error, warn, info/);

    const file = join(dir, 'skygraph.yaml');
    writeFileSync(file, 'concurrency: 4\nbogus-setting: 1\n');
    const bad = memoryIo();
    expect(await runCollect(['--config', file], bad.io, { entries: [] })).toBe(2);
    expect(bad.stderr()).toMatch(/unknown setting "bogus-setting"/);

    const unknown = memoryIo();
    expect(await runCollect(['--no-such-flag'], unknown.io, { entries: [] })).toBe(2);
    expect(unknown.stderr()).toMatch(/unknown option '--no-such-flag'/);

    const password = memoryIo({ FIXTURE_TOKEN: 'x' });
    expect(
      await runCollect(
        [
          '--store',
          'bolt://localhost:7687',
          '--neo4j-user',
          'neo4j',
          '--neo4j-password-env-var',
          'UNSET_VAR',
        ],
        password.io,
        {
          entries: [fixtureEntry],
        },
      ),
    ).toBe(2);
    expect(password.stderr()).toMatch(
      /--neo4j-password-env-var: the environment variable it names is not set/,
    );
  });

  it('never prints back a value given to a *-env-var flag (a secret pasted in place of a name)', async () => {
    const cases: [string[], string][] = [
      [['--neo4j-password-env-var', 'hunter2 s3cr3t!'], 'hunter2'],
      [
        [
          '--store',
          'bolt://127.0.0.1:1',
          '--neo4j-user',
          'neo4j',
          '--neo4j-password-env-var',
          'Hunter2Secret',
        ],
        'Hunter2Secret',
      ],
      [['--google-access-token-env-var', 'ya29.a0AfH6SMBx-token'], 'ya29'],
      [['--providers', 'gcp', '--google-access-token-env-var', 'ya29a0AfH6SMBxtoken'], 'ya29'],
      [
        [
          '--providers',
          'gsuite',
          '--gsuite-auth',
          'oauth',
          '--gsuite-credentials-env-var',
          '{"refresh_token":"1//0gSECRET"}',
        ],
        'SECRET',
      ],
      [
        ['--providers', 'gsuite', '--gsuite-auth', 'oauth', '--gsuite-credentials-env-var', 'RefreshSECRET1'],
        'SECRET',
      ],
      [['--aws-external-id-env-var', 'ext-id:SECRET'], 'SECRET'],
    ];
    for (const [argv, secret] of cases) {
      const run = memoryIo({ AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE', AWS_SECRET_ACCESS_KEY: 'x' });
      const code = await runCollect(argv, run.io);
      expect(code, argv.join(' ')).toBe(2);
      expect(run.stderr() + run.stdout(), argv.join(' ')).not.toContain(secret);
      expect(run.stderr(), argv.join(' ')).toMatch(/env-var/);
    }
  });

  it('says which credentials are needed when none are configured', async () => {
    const run = memoryIo();
    expect(await runCollect([], run.io, { entries: [fixtureEntry] })).toBe(2);
    expect(run.stderr()).toMatch(/no provider has credentials/);
    expect(run.stderr()).toMatch(/aws: set FIXTURE_TOKEN/);
    expect(run.stderr()).toMatch(/collect --demo/);
  });

  it('syncs into the store, prints a summary and exits 0; settings come from env and file too', async () => {
    const target = await createTestStoreTarget();
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({ updateTag: 1234 }));
    const run = memoryIo({ FIXTURE_TOKEN: 'x', ...target.env, SKYGRAPH_LOG_LEVEL: 'warn' });
    expect(
      await runCollect(['--config', file, '--concurrency', '2'], run.io, { entries: [fixtureEntry] }),
    ).toBe(0);
    expect(run.stdout()).toMatch(/update tag 1234\): success/);
    expect(run.stdout()).toContain('acme');
    const graph = await target.open({ readOnly: true });
    const rows = await graph.read('MATCH (s:TestServer) RETURN s.id AS id, s.lastupdated AS tag');
    await graph.close();
    target.dispose();
    expect(rows).toEqual([{ id: 's1', tag: 1234 }]);
  });

  it('dry-run lists scopes and collectors and writes nothing', async () => {
    const target = await createTestStoreTarget('dry');
    const run = memoryIo({ FIXTURE_TOKEN: 'x', ...target.env });
    expect(await runCollect(['--dry-run', ...target.args], run.io, { entries: [fixtureEntry] })).toBe(0);
    expect(run.stdout()).toContain('fixture/acme/east');
    expect(run.stdout()).toContain('collectors: disks, servers');
    expect(run.stdout()).toContain('1 scopes would be synced');
    if (target.kind === 'embedded') {
      expect(existsSync(target.uri)).toBe(false);
    } else {
      const graph = await target.open();
      expect(await graph.read('MATCH (n) RETURN count(n) AS n')).toEqual([{ n: 0 }]);
      await graph.close();
    }
    target.dispose();
  });
});
