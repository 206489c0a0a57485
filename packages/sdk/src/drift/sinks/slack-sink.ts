import type { RetryPolicy } from '@skygraph/core';
import { type Alert, displayValue } from '../alert.ts';
import { type HttpOptions, sendHttp } from './http.ts';
import { type AlertSink, deliverInChunks } from './sink.ts';

export interface SlackSinkOptions {
  readonly name: string;
  /** The incoming webhook URL (a secret: it is never logged or put in errors). */
  readonly webhookUrl: string;
  readonly batchSize?: number;
  readonly retry: RetryPolicy;
  readonly timeoutMs: number;
}

const ICON: Record<Alert['transition'], string> = {
  added: ':rotating_light:',
  changed: ':arrows_counterclockwise:',
  removed: ':white_check_mark:',
};
const VERB: Record<Alert['transition'], string> = { added: 'New', changed: 'Changed', removed: 'Resolved' };

/** Posts alerts to a Slack incoming webhook as Block Kit messages, several alerts per message. */
export function createSlackSink(options: SlackSinkOptions): AlertSink {
  return {
    name: options.name,
    type: 'slack',
    deliver(alerts, ctx) {
      const http: HttpOptions = {
        sink: options.name,
        retry: options.retry,
        timeoutMs: options.timeoutMs,
        ...(ctx.signal ? { signal: ctx.signal } : {}),
      };
      return deliverInChunks(alerts, options.batchSize ?? 10, async (chunk) => {
        const text = await sendHttp(
          {
            method: 'POST',
            url: options.webhookUrl,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify(slackMessage(chunk)),
          },
          http,
        );
        // Slack answers `ok` in plain text; anything else is an error even with a 200.
        if (text.trim() !== 'ok' && text.trim() !== '')
          throw new Error(`${options.name}: Slack said ${text.slice(0, 100)}`);
      });
    },
  };
}

/** The Block Kit message for a batch of alerts (also the text fallback for notifications). */
export function slackMessage(alerts: readonly Alert[]): { text: string; blocks: unknown[] } {
  const counts = (['added', 'changed', 'removed'] as const)
    .map((t) => [t, alerts.filter((a) => a.transition === t).length] as const)
    .filter(([, n]) => n > 0)
    .map(([t, n]) => `${n} ${t}`);
  const title = `skygraph drift: ${counts.join(', ')}`;
  const blocks: unknown[] = [{ type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } }];
  for (const alert of alerts) {
    const where = alert.scope ? `*${label(alert.scope.column)}:* \`${esc(alert.scope.value)}\`  ·  ` : '';
    const lines = [
      `${ICON[alert.transition]} *${VERB[alert.transition]} ${alert.severity.toUpperCase()}* · \`${esc(alert.query)}\``,
      alert.description ? esc(alert.description) : undefined,
      `${where}*Resource:* \`${esc(alert.resource)}\``,
      alert.changes ? changeLines(alert.changes) : undefined,
      alert.note ? `_${esc(alert.note)}_` : undefined,
    ].filter((line): line is string => line !== undefined);
    blocks.push({ type: 'section', text: { type: 'mrkdwn', text: truncate(lines.join('\n'), 3000) } });
    blocks.push({
      type: 'section',
      fields: [
        field('Account / project', alert.scope ? alert.scope.value : '—'),
        field('Resource', alert.resource),
        field('Query', alert.query),
        field('Severity', alert.severity),
        field('Transition', alert.transition),
        field('Rules', alert.rules.join(', ')),
      ],
    });
    if (alert.remediation && alert.transition !== 'removed') {
      blocks.push({
        type: 'context',
        elements: [{ type: 'mrkdwn', text: truncate(`*Remediation:* ${esc(alert.remediation)}`, 2000) }],
      });
    }
    blocks.push({ type: 'divider' });
  }
  const first = alerts[0];
  blocks.push({
    type: 'context',
    elements: [{ type: 'mrkdwn', text: `run ${first?.runId ?? '?'} · ${first?.detectedAt ?? ''}` }],
  });
  const fallback = alerts
    .map(
      (a) =>
        `${VERB[a.transition]} ${a.severity} ${a.query}: ${a.resource}${a.scope ? ` (${a.scope.value})` : ''}`,
    )
    .join('\n');
  return { text: truncate(`${title}\n${fallback}`, 3000), blocks };
}

function field(name: string, value: string) {
  return { type: 'mrkdwn', text: truncate(`*${name}*\n${esc(value)}`, 2000) };
}

function changeLines(changes: NonNullable<Alert['changes']>): string {
  return Object.entries(changes)
    .map(([column, c]) => `• \`${esc(column)}\`: ${esc(displayValue(c.old))} → ${esc(displayValue(c.new))}`)
    .join('\n');
}

function label(column: string): string {
  return /project/i.test(column) ? 'Project' : /account/i.test(column) ? 'Account' : 'Scope';
}

/** Slack's mrkdwn needs only these three escaped. */
function esc(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
