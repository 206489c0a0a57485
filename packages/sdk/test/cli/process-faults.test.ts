import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type ServerResponse } from 'node:http';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createTestStoreTarget,
  startFaultyServer,
  type TestStoreTarget,
  testStoreKind,
} from '@skygraph/core/testing';
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

  /** Where in a run a fault strikes: the Nth log line with this message. */
  const POINTS = [
    { at: 'the start of the sync', msg: 'sync started', nth: 1 },
    { at: 'the middle of the scopes', msg: 'scope finished', nth: 5 },
    { at: 'the end of the scopes (global cleanup, analysis)', msg: 'scope finished', nth: 17 },
    { at: 'the end of the sync (report, drift)', msg: 'sync finished', nth: 1 },
  ];
  const seen = (output: string, msg: string) => output.split(`"msg":"${msg}"`).length - 1;

  /**
   * The estate's node count after one clean sync, in an embedded store of its
   * own (once per test file; on Neo4j the counts must match the embedded ones).
   */
  let clean: number | undefined;
  const cleanCount = async () => {
    if (clean !== undefined) return clean;
    const cleanEnv = {
      ...env,
      SKYGRAPH_STORE: join(home, 'clean.grafeo'),
      SKYGRAPH_HOME: join(home, 'clean'),
    };
    const synced = await run('collect', ['--demo', '--demo-report', join(home, 'c.html')], cleanEnv);
    expect(synced.code, synced.stderr).toBe(0);
    const counted = await run('skygraph', ['query', '--cypher', ESTATE_NODES, '--format', 'json'], cleanEnv);
    clean = (JSON.parse(counted.stdout) as { c: number }[])[0]?.c ?? 0;
    return clean;
  };

  it.each(POINTS)(
    'kill -9 at $at costs only the next run: it completes with exit 0',
    async ({ msg, nth }) => {
      const killed = start('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
      children.push(killed.child);
      await waitFor(() => seen(killed.output(), msg) >= nth, 120_000);
      killed.child.kill('SIGKILL');
      const dead = await killed.done;
      expect(dead.signal).toBe('SIGKILL');

      const rerun = await run('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout + rerun.stderr).not.toMatch(/being synced by another run/);
      const leases = await run(
        'skygraph',
        ['query', '--cypher', 'MATCH (l:SkygraphLease) RETURN count(l) AS c', '--format', 'json'],
        env,
      );
      expect(JSON.parse(leases.stdout)).toEqual([{ c: 0 }]);
      // The graph holds exactly what one clean sync of the same estate writes.
      const after = await nodes();
      expect(after).toBeGreaterThan(100);
      expect(after).toBe(await cleanCount());
    },
    300_000,
  );

  it.each(POINTS)(
    'SIGTERM once at $at stops the command, no second signal needed',
    async ({ msg, nth }) => {
      const running = start('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
      children.push(running.child);
      await waitFor(() => seen(running.output(), msg) >= nth, 120_000);
      running.child.kill('SIGTERM');
      const ended = await running.done;
      // It ended by itself (exit code, not killed by the signal), within the grace period.
      expect(ended.signal).toBeNull();
      if (ended.code !== 0) expect(ended.stderr).toMatch(/SIGTERM: finishing in-flight writes/);
      if (msg === 'sync started' || (msg === 'scope finished' && nth < 17)) {
        // Scopes were still to sync: the run stops, cancelled.
        expect(ended.code).not.toBe(0);
        expect(ended.stderr).toMatch(/"status":"cancelled"/);
      } else if (ended.code === 0) {
        // Near the end the signal may come after the last write: the run is complete and says so.
        expect(ended.stderr).toMatch(/"status":"success"[^\n]*"msg":"sync finished"/);
      }
      // The next run is not blocked by anything the stopped one left.
      const rerun = await run('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
      expect(rerun.code, rerun.stderr).toBe(0);
    },
    300_000,
  );

  // The embedded store is a file the process holds open: there is no connection to lose.
  it.runIf(testStoreKind() === 'neo4j')(
    'Neo4j lost mid-sync: the command reports it and ends with exit 1; the next run completes',
    async () => {
      // A loopback proxy in front of the test Neo4j, cut while the sync writes.
      const bolt = new URL(target.uri);
      const links: Socket[] = [];
      const proxy = createServer((client) => {
        const server = connect(Number(bolt.port), bolt.hostname);
        links.push(client, server);
        client.pipe(server).pipe(client);
        client.on('error', () => server.destroy());
        server.on('error', () => client.destroy());
      });
      await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
      const { port } = proxy.address() as AddressInfo;
      const proxied = { ...env, SKYGRAPH_STORE: `bolt://127.0.0.1:${port}` };
      const running = start('collect', ['--demo', '--demo-report', join(home, 'r.html')], proxied);
      children.push(running.child);
      await waitFor(() => seen(running.output(), 'scope finished') >= 3, 120_000);
      proxy.close();
      for (const socket of links) socket.destroy();
      const ended = await running.done;
      expect(ended.signal).toBeNull();
      expect(ended.code).toBe(1);
      expect(ended.stderr).toMatch(/unreachable|lost/i);

      const rerun = await run('collect', ['--demo', '--demo-report', join(home, 'r.html')], env);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(await nodes()).toBe(await cleanCount());
    },
    300_000,
  );

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

  it.each([
    ['accepts but never answers', 'stall'],
    ['resets every connection', 'reset'],
  ] as const)(
    'a Neo4j that %s: the command reports it and the process ends',
    async (_, fault) => {
      const server = await startFaultyServer(fault);
      try {
        for (const command of [
          ['skygraph', 'query', 'ec2_instances'],
          ['collect', '--demo', '--demo-report', join(home, 'r.html')],
        ] as const) {
          const [bin, ...args] = command;
          const ended = await run(bin, [...args, '--store', `bolt://127.0.0.1:${server.port}`], {
            HOME: home,
          });
          expect(ended.signal).toBeNull();
          expect(ended.code, ended.stderr).toBe(1);
          expect(ended.stderr).toMatch(/unreachable/);
        }
      } finally {
        await server.close();
      }
    },
    120_000,
  );
});
