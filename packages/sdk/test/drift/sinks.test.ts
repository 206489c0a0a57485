import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { ConfigError, silentLogger } from '@skygraph/core';
import { afterEach, describe, expect, it } from 'vitest';
import { buildAlert } from '../../src/drift/alert.ts';
import {
  type Alert,
  alertRulesSchema,
  createJiraSink,
  createSinks,
  createSlackSink,
  createStdoutSink,
  createWebhookSink,
  findingLabel,
  findingsOf,
  type JiraSinkConfig,
} from '../../src/drift/index.ts';
import { type LocalHttp, type RecordedRequest, startLocalHttp } from './local-http.ts';

const retry = { retries: 2, minTimeoutMs: 1, maxTimeoutMs: 2 };
const ctx = { runId: 'run-7', log: silentLogger() };
const query = {
  name: 'aws-ec2-open-to-world',
  severity: 'high',
  tags: ['exposure'],
  description: 'EC2 instances reachable from 0.0.0.0/0',
  remediation: 'Close the security group rule or put the instance behind a load balancer',
  cypher: 'unused',
  identityKeys: ['account', 'instance'],
};

function alert(
  instance: string,
  transition: Alert['transition'] = 'added',
  extra: Record<string, unknown> = {},
): Alert {
  const [finding] = findingsOf(query.name, query.identityKeys, [
    { account: '123456789012', instance, ports: [22], ...extra },
  ]).values();
  if (!finding) throw new Error('no finding');
  return buildAlert({
    transition,
    query,
    finding,
    rules: ['exposure'],
    runId: 'run-7',
    detectedAt: '2026-06-02T03:00:00.000Z',
    ...(transition === 'changed' ? { changes: { ports: { old: [22], new: [22, 3389] } } } : {}),
  });
}

let servers: LocalHttp[] = [];
async function server(...args: Parameters<typeof startLocalHttp>) {
  const s = await startLocalHttp(...args);
  servers.push(s);
  return s;
}
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('Slack sink', () => {
  it('posts a readable Block Kit message with account, resource, query, severity and transition', async () => {
    const slack = await server();
    const sink = createSlackSink({
      name: 'secops',
      webhookUrl: `${slack.url}/services/T0/B0/secret`,
      retry,
      timeoutMs: 5000,
    });
    const result = await sink.deliver([alert('i-0abc'), alert('i-0def', 'changed')], ctx);
    expect(result).toEqual({ delivered: [expect.any(String), expect.any(String)], failed: [] });
    expect(slack.requests).toHaveLength(1);
    const message = JSON.parse(slack.requests[0]?.body ?? '{}') as {
      text: string;
      blocks: { type: string }[];
    };
    const text = JSON.stringify(message.blocks);
    expect(message.blocks[0]).toEqual({
      type: 'header',
      text: { type: 'plain_text', text: 'skygraph drift: 1 added, 1 changed' },
    });
    for (const expected of [
      '123456789012',
      'i-0abc',
      'aws-ec2-open-to-world',
      'HIGH',
      'Transition',
      'added',
      'changed',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).toContain('`ports`: [22] → [22,3389]');
    expect(message.text).toContain('New high aws-ec2-open-to-world: i-0abc (123456789012)');
  });

  it('retries a 500 and delivers; a lasting outage fails the alerts without naming the secret URL', async () => {
    let calls = 0;
    const slack = await server(() =>
      ++calls === 1 ? { status: 500, body: 'oops' } : { status: 200, body: 'ok' },
    );
    const url = `${slack.url}/services/T0/B0/very-secret-token`;
    const sink = createSlackSink({ name: 'secops', webhookUrl: url, retry, timeoutMs: 5000 });
    expect((await sink.deliver([alert('i-1')], ctx)).delivered).toHaveLength(1);
    expect(calls).toBe(2);

    slack.handle(() => ({ status: 503, body: 'down' }));
    const failed = await sink.deliver([alert('i-2')], ctx);
    expect(failed.delivered).toEqual([]);
    expect(failed.failed[0]?.error).toBe('secops: HTTP 503 down');
    expect(JSON.stringify(failed)).not.toContain('very-secret-token');
  });

  it('gives up on a sink that keeps failing: the rest stay pending without costing a timeout each', async () => {
    const slack = await server(() => ({ status: 503, body: 'down' }));
    const sink = createSlackSink({ name: 'secops', webhookUrl: slack.url, retry, timeoutMs: 5000 });
    const alerts = Array.from({ length: 117 }, (_, i) => alert(`i-${i}`));
    const result = await sink.deliver(alerts, ctx);
    expect(result.delivered).toEqual([]);
    expect(result.failed).toHaveLength(117);
    // Two messages tried (each with its retries), then no more.
    expect(slack.requests).toHaveLength(2 * (retry.retries + 1));
    expect(result.failed.at(-1)?.error).toBe(
      'secops: HTTP 503 down (not tried: the sink failed 2 times in a row)',
    );
  });

  it("stops at the run's delivery deadline: a sink that never answers holds nothing longer", async () => {
    // A webhook that accepts the request and never answers.
    const stalled = createServer(() => undefined);
    await new Promise<void>((resolve) => stalled.listen(0, '127.0.0.1', resolve));
    const { port } = stalled.address() as AddressInfo;
    try {
      const sink = createSlackSink({
        name: 'secops',
        webhookUrl: `http://127.0.0.1:${port}/hook`,
        retry,
        timeoutMs: 300_000,
      });
      const started = Date.now();
      const result = await sink.deliver([alert('a'), alert('b')], {
        ...ctx,
        signal: AbortSignal.timeout(500),
      });
      expect(result.delivered).toEqual([]);
      expect(result.failed).toHaveLength(2);
      expect(Date.now() - started).toBeLessThan(60_000);
    } finally {
      stalled.closeAllConnections();
      await new Promise((resolve) => stalled.close(resolve));
    }
  });

  it('splits many alerts over several messages', async () => {
    const slack = await server();
    const sink = createSlackSink({ name: 's', webhookUrl: slack.url, batchSize: 2, retry, timeoutMs: 5000 });
    await sink.deliver(
      ['a', 'b', 'c', 'd', 'e'].map((i) => alert(i)),
      ctx,
    );
    expect(slack.requests).toHaveLength(3);
  });

  it('does not retry a 4xx (a revoked webhook stays revoked)', async () => {
    const slack = await server(() => ({ status: 404, body: 'no_service' }));
    const sink = createSlackSink({ name: 's', webhookUrl: slack.url, retry, timeoutMs: 5000 });
    expect((await sink.deliver([alert('x')], ctx)).failed[0]?.error).toBe('s: HTTP 404 no_service');
    expect(slack.requests).toHaveLength(1);
  });
});

/** Enough of Jira: issues with labels, the two search endpoints, comments. */
function fakeJira() {
  const issues: { key: string; fields: Record<string, unknown>; comments: unknown[] }[] = [];
  const handler = (request: RecordedRequest) => {
    const url = new URL(request.url, 'http://jira');
    const search = url.pathname.match(/^\/rest\/api\/(2|3)\/search(\/jql)?$/);
    if (request.method === 'GET' && search) {
      const label = url.searchParams.get('jql')?.match(/labels = "([^"]+)"/)?.[1];
      const found = issues.filter((i) => (i.fields.labels as string[]).includes(label ?? ''));
      return { body: { issues: found.map((i) => ({ id: i.key.replace(/\D/g, ''), key: i.key })) } };
    }
    if (request.method === 'POST' && /^\/rest\/api\/(2|3)\/issue$/.test(url.pathname)) {
      const key = `SEC-${issues.length + 1}`;
      issues.push({
        key,
        fields: (JSON.parse(request.body) as { fields: Record<string, unknown> }).fields,
        comments: [],
      });
      return {
        status: 201,
        body: { id: String(issues.length), key, self: `http://jira/rest/api/2/issue/${key}` },
      };
    }
    const comment = url.pathname.match(/^\/rest\/api\/(2|3)\/issue\/([^/]+)\/comment$/);
    if (request.method === 'POST' && comment) {
      issues.find((i) => i.key === comment[2])?.comments.push(JSON.parse(request.body));
      return { status: 201, body: { id: '1' } };
    }
    return { status: 404, body: { errorMessages: ['not found'] } };
  };
  return { issues, handler };
}

function jiraConfig(url: string, extra: Partial<JiraSinkConfig> = {}): JiraSinkConfig {
  return {
    type: 'jira',
    url,
    apiVersion: 2,
    deployment: 'cloud',
    project: 'SEC',
    issueType: 'Vulnerability',
    labels: ['cloud-security'],
    fields: { components: [{ name: 'AWS' }] },
    priorities: { high: 'High' },
    emailEnv: 'E',
    apiTokenEnv: 'T',
    ...extra,
  };
}

describe('Jira sink', () => {
  it('creates one issue per finding with the configured project, type, fields and a fingerprint label', async () => {
    const jira = fakeJira();
    const http = await server(jira.handler);
    const sink = createJiraSink({
      name: 'tickets',
      config: jiraConfig(http.url),
      auth: { email: 'bot@example.com', apiToken: 'tok' },
      retry,
      timeoutMs: 5000,
    });
    const first = alert('i-0abc');
    expect((await sink.deliver([first], ctx)).delivered).toEqual([first.id]);
    expect(jira.issues).toHaveLength(1);
    expect(jira.issues[0]?.fields).toMatchObject({
      project: { key: 'SEC' },
      issuetype: { name: 'Vulnerability' },
      summary: '[skygraph] HIGH aws-ec2-open-to-world: i-0abc in 123456789012',
      labels: ['skygraph', 'cloud-security', findingLabel(first.fingerprint)],
      priority: { name: 'High' },
      components: [{ name: 'AWS' }],
    });
    expect(String(jira.issues[0]?.fields.description)).toContain(
      'Remediation: Close the security group rule',
    );
    const create = http.requests.find((r) => r.method === 'POST');
    expect(create?.headers.authorization).toBe(
      `Basic ${Buffer.from('bot@example.com:tok').toString('base64')}`,
    );
    expect(http.requests[0]?.url).toMatch(/^\/rest\/api\/2\/search\/jql\?/);

    // The same finding again (a retry, a second rule): no second issue. A change: a comment.
    await sink.deliver([first], ctx);
    await sink.deliver([alert('i-0abc', 'changed')], ctx);
    expect(jira.issues).toHaveLength(1);
    expect(jira.issues[0]?.comments).toEqual([{ body: expect.stringContaining('ports: [22] -> [22,3389]') }]);
  });

  it('writes API v3 descriptions in Atlassian Document Format and searches Data Center with /search', async () => {
    const jira = fakeJira();
    const http = await server(jira.handler);
    const sink = createJiraSink({
      name: 'dc',
      config: jiraConfig(http.url, { apiVersion: 3, deployment: 'datacenter' }),
      auth: { bearerToken: 'pat' },
      retry,
      timeoutMs: 5000,
    });
    await sink.deliver([alert('i-9')], ctx);
    expect(http.requests[0]?.url).toMatch(/^\/rest\/api\/3\/search\?/);
    expect(http.requests[1]?.headers.authorization).toBe('Bearer pat');
    expect(jira.issues[0]?.fields.description).toMatchObject({ type: 'doc', version: 1 });
  });
});

describe('webhook sink', () => {
  it('posts the alerts as JSON with an HMAC-SHA256 signature of the body', async () => {
    const hook = await server(() => ({ status: 204, body: '' }));
    const sink = createWebhookSink({
      name: 'siem',
      url: `${hook.url}/in`,
      secret: 's3cret',
      retry,
      timeoutMs: 5000,
    });
    const sent = alert('i-1');
    expect((await sink.deliver([sent], ctx)).delivered).toEqual([sent.id]);
    const request = hook.requests[0];
    const expected = `sha256=${createHmac('sha256', 's3cret')
      .update(request?.body ?? '')
      .digest('hex')}`;
    expect(request?.headers['x-skygraph-signature-256']).toBe(expected);
    expect(request?.headers['x-skygraph-delivery']).toMatch(/^[0-9a-f]{20}$/);
    expect(JSON.parse(request?.body ?? '{}')).toMatchObject({
      source: 'skygraph',
      runId: 'run-7',
      alerts: [{ id: sent.id }],
    });
  });
});

describe('stdout sink', () => {
  it('writes one JSON line per alert', async () => {
    const out = new PassThrough();
    const lines: string[] = [];
    out.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean)));
    await createStdoutSink('log', out).deliver([alert('a'), alert('b')], ctx);
    expect(lines.map((l) => (JSON.parse(l) as Alert).resource)).toEqual(['a', 'b']);
  });
});

describe('createSinks', () => {
  const rules = alertRulesSchema.parse({
    sinks: {
      secops: { type: 'slack', webhookUrlEnv: 'SLACK_URL' },
      hook: { type: 'webhook', url: 'https://hooks.example.com/x', secretEnv: 'HOOK_SECRET' },
      tickets: {
        type: 'jira',
        url: 'https://x.atlassian.net',
        project: 'SEC',
        emailEnv: 'JIRA_EMAIL',
        apiTokenEnv: 'JIRA_TOKEN',
      },
    },
    rules: [{ name: 'r', queries: ['*'], sinks: ['secops', 'hook', 'tickets'] }],
  });

  it('names every missing environment variable at once, and never a value', () => {
    let error: unknown;
    try {
      createSinks(rules, { env: { JIRA_EMAIL: 'bot@example.com', SLACK_URL: '' } });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain('sinks.secops: the environment variable SLACK_URL is not set');
    expect(message).toContain('sinks.hook: the environment variable HOOK_SECRET is not set');
    expect(message).toContain('sinks.tickets: the environment variable JIRA_TOKEN is not set');
    expect(message).not.toContain('bot@example.com');
  });

  it('builds each declared sink when its secrets are there', () => {
    const sinks = createSinks(rules, {
      env: { SLACK_URL: 'https://hooks.slack.com/x', HOOK_SECRET: 'k', JIRA_EMAIL: 'e', JIRA_TOKEN: 't' },
    });
    expect([...sinks.values()].map((s) => `${s.name}:${s.type}`)).toEqual([
      'secops:slack',
      'hook:webhook',
      'tickets:jira',
    ]);
  });
});
