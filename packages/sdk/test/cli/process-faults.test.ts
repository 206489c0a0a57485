import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { type AddressInfo, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestStoreTarget, type TestStoreTarget } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

/**
 * The commands as processes (the published build, as a user runs it), faced
 * with what kills or stalls a run: each case asserts the exit code, what the
 * graph kept, and that the process ended. Loopback only.
 */
const bin = (name: string) => fileURLToPath(new URL(`../../dist/cli/${name}.js`, import.meta.url));

interface Ran {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

function start(command: string, args: string[], env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [bin(command), ...args], {
    env: { PATH: process.env.PATH, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const done = new Promise<Ran>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done, output: () => stdout + stderr };
}

async function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<Ran> {
  return start(command, args, env).done;
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The estate's nodes: not the change log, the sync records or the leases, which differ by run. */
const ESTATE_NODES =
  'MATCH (n) WHERE NOT (n:SkygraphChange OR n:SyncMetadata OR n:SkygraphLease) RETURN count(n) AS c';

describe('collect and skygraph as processes, under faults', () => {
  let target: TestStoreTarget;
  let home: string;
  let env: NodeJS.ProcessEnv;
  let children: ChildProcess[] = [];
  beforeEach(async () => {
    target = await createTestStoreTarget();
    home = mkdtempSync(join(tmpdir(), 'skygraph-faults-'));
    env = { SKYGRAPH_HOME: home, HOME: home, SKYGRAPH_LOG_LEVEL: 'info', ...target.env };
  });
  afterEach(() => {
    for (const child of children) child.kill('SIGKILL');
    children = [];
    target.dispose();
    rmSync(home, { recursive: true, force: true });
  });

  const nodes = async () => {
    const counted = await run('skygraph', ['query', '--cypher', ESTATE_NODES, '--format', 'json'], env);
    expect(counted.code, counted.stderr).toBe(0);
    return (JSON.parse(counted.stdout) as { c: number }[])[0]?.c ?? 0;
  };

  it('kill -9 in the middle of a sync costs only the next run: it completes with exit 0', async () => {
    const killed = start('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
    children.push(killed.child);
    // Mid-sync: the scopes have started (leases held, some data written).
    await waitFor(() => /scope/i.test(killed.output()), 60_000);
    await new Promise((resolve) => setTimeout(resolve, 400));
    killed.child.kill('SIGKILL');
    const dead = await killed.done;
    expect(dead.signal).toBe('SIGKILL');

    const rerun = await run('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
    expect(rerun.code, rerun.stderr).toBe(0);
    expect(rerun.stdout + rerun.stderr).not.toMatch(/being synced by another run/);
    const after = await nodes();
    const leases = await run(
      'skygraph',
      ['query', '--cypher', 'MATCH (l:SkygraphLease) RETURN count(l) AS c', '--format', 'json'],
      env,
    );
    expect(JSON.parse(leases.stdout)).toEqual([{ c: 0 }]);

    // The same estate synced once, cleanly, into a second embedded store holds exactly as many
    // nodes (the Neo4j run compares against the embedded one through the same test on that store).
    const cleanEnv = {
      ...env,
      SKYGRAPH_STORE: join(home, 'clean.grafeo'),
      SKYGRAPH_HOME: join(home, 'clean'),
    };
    expect((await run('collect', ['--demo', '--demo-report', join(home, 'c.html')], cleanEnv)).code).toBe(0);
    const counted = await run('skygraph', ['query', '--cypher', ESTATE_NODES, '--format', 'json'], cleanEnv);
    expect(after).toBe((JSON.parse(counted.stdout) as { c: number }[])[0]?.c);
    expect(after).toBeGreaterThan(100);
  }, 240_000);

  it('SIGTERM once stops a sync: cancelled, exit code reported, no second signal needed', async () => {
    const running = start('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
    children.push(running.child);
    await waitFor(() => /scope/i.test(running.output()), 60_000);
    running.child.kill('SIGTERM');
    const ended = await running.done;
    expect(ended.signal).toBeNull();
    expect(ended.code).not.toBe(0);
    expect(ended.stderr).toMatch(/SIGTERM: finishing in-flight writes/);
    // The next run is not blocked by anything the stopped one left.
    const rerun = await run('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
    expect(rerun.code, rerun.stderr).toBe(0);
  }, 240_000);

  it('drift delivering to a sink that does not answer does not hold the store: a sync started meanwhile runs', async () => {
    // A webhook that holds every request open until the test lets it go.
    const held: ServerResponse[] = [];
    const sink = createHttpServer((request, response) => {
      request.resume();
      held.push(response);
    });
    await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
    const { port } = sink.address() as AddressInfo;
    const rules = join(home, 'rules.yaml');
    writeFileSync(
      rules,
      [
        'baseline: alert',
        `sinks: { hook: { type: webhook, url: "http://127.0.0.1:${port}/alerts" } }`,
        'rules: [{ name: all, tags: [security], sinks: [hook] }]',
        'delivery: { retries: 0, timeoutSeconds: 120 }',
      ].join('\n'),
    );
    try {
      const first = start(
        'collect',
        ['--demo', '--demo-report', join(home, 'r.html'), '--then-drift', '--alert-rules', rules],
        env,
      );
      children.push(first.child);
      await waitFor(() => held.length > 0, 120_000);
      // The first run is delivering (its sink stalls): a second sync of the same store runs to the end.
      const second = await run('collect', ['--demo', '--demo-report', join(home, 's.html')], env);
      expect(second.code, second.stderr).toBe(0);
      // From now on the sink answers at once, the held requests included.
      sink.removeAllListeners('request');
      sink.on('request', (request, response: ServerResponse) => {
        request.resume();
        response.writeHead(200).end('ok');
      });
      for (const response of held.splice(0)) response.writeHead(200).end('ok');
      const ended = await first.done;
      expect(ended.code, ended.stderr).toBe(0);
      expect(ended.stderr).toMatch(/sink hook \(webhook\): \d+ delivered\n/);
      expect(ended.stderr).toMatch(/0 pending delivery/);
    } finally {
      for (const response of held) response.destroy();
      sink.closeAllConnections();
      await new Promise((resolve) => sink.close(resolve));
    }
  }, 300_000);

  it('a Neo4j that accepts but never answers: the command reports it and the process ends', async () => {
    const sockets: Socket[] = [];
    const server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const stalled = await run(
        'skygraph',
        ['query', 'ec2_instances', '--store', `bolt://127.0.0.1:${port}`],
        {
          HOME: home,
        },
      );
      expect(stalled.code).toBe(1);
      expect(stalled.stderr).toMatch(/unreachable/);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);
});
