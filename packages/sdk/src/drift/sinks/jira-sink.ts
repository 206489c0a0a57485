import type { RetryPolicy } from '@skygraph/core';
import { type Alert, displayValue } from '../alert.ts';
import type { JiraSinkConfig } from '../alert-rules.ts';
import { type HttpOptions, sendHttp } from './http.ts';
import type { AlertSink, SinkResult } from './sink.ts';

/** Jira credentials, read from the environment variables the rules file names. */
export type JiraAuth =
  | { readonly email: string; readonly apiToken: string }
  | { readonly bearerToken: string };

export interface JiraSinkOptions {
  readonly name: string;
  readonly config: JiraSinkConfig;
  readonly auth: JiraAuth;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
}

/** The label that ties a Jira issue to a finding, so each finding gets one issue however often it is sent. */
export function findingLabel(fingerprint: string): string {
  return `skygraph-${fingerprint}`;
}

/**
 * Creates one Jira issue per finding (`POST /rest/api/{2|3}/issue`). Before
 * creating, it searches for an open issue carrying the finding's label, so a
 * retried or repeated delivery never opens a second issue; `changed` and
 * `removed` alerts become comments on that issue.
 */
export function createJiraSink(options: JiraSinkOptions): AlertSink {
  const { config } = options;
  const base = `${config.url.replace(/\/+$/, '')}/rest/api/${config.apiVersion}`;
  const headers = {
    accept: 'application/json',
    'content-type': 'application/json',
    authorization:
      'bearerToken' in options.auth
        ? `Bearer ${options.auth.bearerToken}`
        : `Basic ${Buffer.from(`${options.auth.email}:${options.auth.apiToken}`).toString('base64')}`,
  };
  return {
    name: options.name,
    type: 'jira',
    async deliver(alerts, ctx): Promise<SinkResult> {
      const http: HttpOptions = {
        sink: options.name,
        retry: options.retry,
        timeoutMs: options.timeoutMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      };
      const delivered: string[] = [];
      const failed: { id: string; error: string }[] = [];
      for (const alert of alerts) {
        try {
          const existing = await findOpenIssue(alert.fingerprint);
          if (existing && alert.transition !== 'added') {
            await send('POST', `/issue/${encodeURIComponent(existing)}/comment`, {
              body: commentBody(alert),
            });
          } else if (!existing && alert.transition !== 'removed') {
            await send('POST', '/issue', { fields: issueFields(alert) });
          } else {
            ctx.log.debug(
              { sink: options.name, issue: existing, fingerprint: alert.fingerprint },
              'nothing to do in Jira',
            );
          }
          delivered.push(alert.id);
        } catch (error) {
          failed.push({ id: alert.id, error: (error as Error).message });
        }
      }
      return { delivered, failed };

      async function send(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
        const text = await sendHttp(
          {
            method,
            url: `${base}${path}`,
            headers,
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          },
          http,
        );
        return text ? JSON.parse(text) : {};
      }

      async function findOpenIssue(fingerprint: string): Promise<string | undefined> {
        const jql = `labels = "${findingLabel(fingerprint)}" AND statusCategory != Done ORDER BY created DESC`;
        // Jira Cloud removed GET /search in favour of /search/jql; Data Center only has /search.
        const endpoint = config.deployment === 'cloud' ? '/search/jql' : '/search';
        const query = new URLSearchParams({ jql, maxResults: '1', fields: 'summary' });
        const result = (await send('GET', `${endpoint}?${query}`)) as {
          issues?: { id?: string; key?: string }[];
        };
        const issue = result.issues?.[0];
        return issue?.key ?? issue?.id;
      }
    },
  };

  function issueFields(alert: Alert): Record<string, unknown> {
    const priority = config.priorities[alert.severity];
    const extraLabels = Array.isArray(config.fields.labels) ? (config.fields.labels as string[]) : [];
    return {
      ...config.fields,
      project: { key: config.project },
      issuetype: { name: config.issueType },
      summary: summaryOf(alert),
      description:
        config.apiVersion === 3
          ? adf(descriptionLines(alert), alert.row)
          : wiki(descriptionLines(alert), alert.row),
      labels: [...new Set(['skygraph', ...config.labels, ...extraLabels, findingLabel(alert.fingerprint)])],
      ...(priority === undefined ? {} : { priority: { name: priority } }),
    };
  }

  function commentBody(alert: Alert): unknown {
    const lines =
      alert.transition === 'removed'
        ? [`skygraph no longer finds this (run ${alert.runId}, ${alert.detectedAt}).`]
        : [
            `skygraph saw this finding change (run ${alert.runId}, ${alert.detectedAt}):`,
            ...changeLines(alert),
          ];
    return config.apiVersion === 3 ? adf(lines) : lines.join('\n');
  }
}

/** The one-line summary of an issue (Jira allows 255 characters). */
export function summaryOf(alert: Alert): string {
  const where = alert.scope ? ` in ${alert.scope.value}` : '';
  const text = `[skygraph] ${alert.severity.toUpperCase()} ${alert.query}: ${alert.resource}${where}`;
  return text.length > 255 ? `${text.slice(0, 254)}…` : text;
}

function descriptionLines(alert: Alert): string[] {
  return [
    alert.description ?? `Finding of the query ${alert.query}.`,
    `Query: ${alert.query} · severity: ${alert.severity} · tags: ${alert.tags.join(', ') || 'none'}`,
    ...(alert.scope ? [`${alert.scope.column}: ${alert.scope.value}`] : []),
    `Resource: ${alert.resource}`,
    ...(alert.note ? [alert.note] : []),
    ...(alert.remediation ? [`Remediation: ${alert.remediation}`] : []),
    ...changeLines(alert),
    `Detected by skygraph run ${alert.runId} at ${alert.detectedAt} (rules: ${alert.rules.join(', ')}).`,
  ];
}

function changeLines(alert: Alert): string[] {
  return Object.entries(alert.changes ?? {}).map(
    ([column, c]) => `${column}: ${displayValue(c.old)} -> ${displayValue(c.new)}`,
  );
}

function wiki(lines: readonly string[], row?: unknown): string {
  const code = row === undefined ? '' : `\n{code:json}\n${JSON.stringify(row, null, 2)}\n{code}`;
  return `${lines.join('\n\n')}${code}`;
}

/** Atlassian Document Format, which API v3 requires for rich text. */
function adf(lines: readonly string[], row?: unknown): unknown {
  return {
    type: 'doc',
    version: 1,
    content: [
      ...lines.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
      ...(row === undefined
        ? []
        : [
            {
              type: 'codeBlock',
              attrs: { language: 'json' },
              content: [{ type: 'text', text: JSON.stringify(row, null, 2) }],
            },
          ]),
    ],
  };
}
