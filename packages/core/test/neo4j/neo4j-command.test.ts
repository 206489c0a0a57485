import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { dirname, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');

/** `pnpm neo4j`, as its script runs it. */
function neo4jCommand(env: NodeJS.ProcessEnv) {
  return spawn(process.execPath, ['--import', 'tsx', 'tools/neo4j-server/neo4j.ts'], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

describe('pnpm neo4j', () => {
  it('says what to set without a password, exit 2', async () => {
    const child = neo4jCommand({ NEO4J_PASSWORD: '' });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const [code] = await once(child, 'exit');
    expect(code).toBe(2);
    expect(stderr).toMatch(/set NEO4J_PASSWORD/);
  });

  it('prints one ready line with the Bolt URI, accepts the password, and stops on SIGTERM', {
    timeout: 180_000,
  }, async () => {
    const password = 'command-test-password';
    const child = neo4jCommand({
      NEO4J_PASSWORD: password,
      SKYGRAPH_NEO4J_PORT: '0',
      SKYGRAPH_NEO4J_DATA: '',
    });
    const exited = once(child, 'exit');
    const lines = createInterface({ input: child.stdout });
    const [ready] = (await once(lines, 'line')) as [string];
    expect(ready).toMatch(/^ready bolt:\/\/127\.0\.0\.1:\d+$/);
    const driver = neo4j.driver(ready.slice('ready '.length), neo4j.auth.basic('neo4j', password));
    try {
      const { records } = await driver.executeQuery('RETURN 1 AS ok');
      expect(records[0]?.get('ok').toNumber()).toBe(1);
    } finally {
      await driver.close();
    }
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    expect({ code, signal }).toEqual({ code: 0, signal: null });
  });
});
