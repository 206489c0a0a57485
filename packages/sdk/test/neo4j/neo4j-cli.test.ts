import { createTestStoreTarget, fixtureProvider } from '@skygraph/core/testing';
import { describe, expect, it } from 'vitest';
import { runCollect } from '../../src/cli/collect-command.ts';
import type { ProviderEntry } from '../../src/cli/provider-registry.ts';
import { runSkygraph } from '../../src/cli/skygraph-command.ts';
import { memoryIo } from '../cli/cli-harness.ts';

const entry: ProviderEntry = {
  name: 'aws',
  options: {},
  missingCredentials: () => null,
  create: () =>
    fixtureProvider({
      tenants: { acme: { east: { servers: [{ id: 's1', region: 'east' }], disks: [] } } },
    }),
};

// What a user of a real Neo4j sees when the connection settings are wrong.
describe('the commands against a Neo4j with wrong settings', () => {
  it('a refused password is exit 2 with one line that names the flag, never the variable or the password', async () => {
    const target = await createTestStoreTarget();
    const secret = 'pasted-by-mistake-1234';
    const run = memoryIo({
      ...target.env,
      SKYGRAPH_NEO4J_PASSWORD_ENV_VAR: 'WRONG_PASSWORD',
      WRONG_PASSWORD: secret,
    });
    expect(await runCollect([], run.io, { entries: [entry] })).toBe(2);
    expect(run.stderr().trim().split('\n')).toEqual([
      expect.stringMatching(
        /^collect: Neo4j at bolt:\/\/.* refused the credentials: user "neo4j" with the password in the variable --neo4j-password-env-var names$/,
      ),
    ]);
    expect(run.stderr() + run.stdout()).not.toContain(secret);
    expect(run.stderr()).not.toContain('WRONG_PASSWORD');

    const read = memoryIo({
      ...target.env,
      SKYGRAPH_NEO4J_PASSWORD_ENV_VAR: 'WRONG_PASSWORD',
      WRONG_PASSWORD: secret,
    });
    expect(await runSkygraph(['query', 'aws_accounts'], read.io)).toBe(2);
    expect(read.stderr()).toMatch(/refused the credentials/);
    expect(read.stderr()).not.toContain(secret);
  });

  it('an unknown --neo4j-database is exit 2; the right one syncs and reads', async () => {
    const target = await createTestStoreTarget();
    const wrong = memoryIo({ ...target.env });
    expect(await runCollect(['--neo4j-database', 'nope'], wrong.io, { entries: [entry] })).toBe(2);
    expect(wrong.stderr()).toMatch(/--neo4j-database: .* has no database "nope"/);

    const env = { ...target.env, SKYGRAPH_LOG_LEVEL: 'silent' };
    expect(await runCollect(['--neo4j-database', 'neo4j'], memoryIo(env).io, { entries: [entry] })).toBe(0);
    const changes = memoryIo(env);
    expect(await runSkygraph(['changes', '--neo4j-database', 'neo4j', '--since', '1h'], changes.io)).toBe(0);
    expect(changes.stdout()).toMatch(/east first sync/);
  });

  it('an unreachable server is exit 1, said at once', async () => {
    const target = await createTestStoreTarget();
    const run = memoryIo({ ...target.env, SKYGRAPH_STORE: 'bolt://127.0.0.1:1' });
    expect(await runCollect([], run.io, { entries: [entry] })).toBe(1);
    expect(run.stderr()).toMatch(
      /^collect: Neo4j at bolt:\/\/127\.0\.0\.1:1 is unreachable: .*ECONNREFUSED/m,
    );
  });
});
