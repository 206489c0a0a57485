import { type ChangeEntry, defineOption, readChanges } from '@skygraph/core';
import { Command } from 'commander';
import { z } from 'zod';
import { labelNames } from '../changes/changes.ts';
import type { CliIo } from './cli-io.ts';
import { connectionOptions, openReadStore, resolveCommandConfig, withConnection } from './connection.ts';

const changesOptions = {
  ...connectionOptions,
  since: defineOption({
    flag: 'since',
    kind: 'string',
    valueName: '<duration|date>',
    description: 'Changes since this long ago (e.g. 24h, 7d) or this date (ISO 8601); default 24h',
    schema: z
      .string()
      .refine(
        (since) => /^\d+[smhd]$/.test(since) || isIsoDate(since),
        'expected a duration like 24h or 7d, or a valid ISO 8601 date such as 2024-05-31 or 2024-05-31T12:00:00Z',
      )
      .default('24h'),
    group: 'changes',
  }),
  owner: defineOption({
    flag: 'owner',
    kind: 'string',
    valueName: '<id>',
    description: 'Only changes under this AWS account id, GCP project id or Workspace customer',
    schema: z.string().min(1).optional(),
    group: 'changes',
  }),
  label: defineOption({
    flag: 'label',
    kind: 'string',
    valueName: '<label>',
    description:
      'Only changes of nodes with this label (e.g. AWSEC2SecurityGroup; a legacy name such as EC2SecurityGroup finds the same)',
    schema: z
      .string()
      .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'expected a node label')
      .optional(),
    group: 'changes',
  }),
  run: defineOption({
    flag: 'run',
    kind: 'string',
    valueName: '<run-id>',
    description: 'Only changes of this sync run',
    schema: z.string().min(1).optional(),
    group: 'changes',
  }),
  json: defineOption({
    flag: 'json',
    kind: 'boolean',
    description: 'JSON lines instead of text',
    schema: z.boolean().default(false),
    group: 'changes',
  }),
};

/** `skygraph changes`: what syncs added, removed and changed. */
export function changesCommand(io: CliIo, done: (code: number) => void): Command {
  const command = withConnection(
    new Command('changes').description('Show what recent syncs added, removed and changed'),
    {
      since: changesOptions.since,
      owner: changesOptions.owner,
      label: changesOptions.label,
      run: changesOptions.run,
      json: changesOptions.json,
    },
  );
  command.action(async () => {
    const config = resolveCommandConfig(command, io, changesOptions);
    const store = await openReadStore(config, io.env);
    try {
      const changes = await readChanges(store, {
        since: sinceToEpoch(config.since),
        ...(config.owner ? { owner: config.owner } : {}),
        ...(config.label ? { label: labelNames(config.label) } : {}),
        ...(config.run ? { runId: config.run } : {}),
      });
      for (const change of changes)
        io.stdout.write(config.json ? `${JSON.stringify(change)}\n` : `${describeChange(change)}\n`);
      if (!config.json) io.stdout.write(`${changes.length} changes\n`);
      done(0);
    } finally {
      await store.close();
    }
  });
  return command;
}

/** A real ISO 8601 date (or date-time): `2024-13-45` and `2024-02-30` are not. */
export function isIsoDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(text);
  if (!match || Number.isNaN(Date.parse(text))) return false;
  const [, year, month, day] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** `24h` / `7d` / an ISO date -> epoch milliseconds. */
export function sinceToEpoch(since: string, now = Date.now()): number {
  const match = /^(\d+)([smhd])$/.exec(since);
  if (!match) return Date.parse(since);
  const unit = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[match[2] as 's' | 'm' | 'h' | 'd'];
  return now - Number(match[1]) * unit;
}

function describeChange(change: ChangeEntry): string {
  const when = new Date(change.at).toISOString();
  const where = [change.account ?? change.project, change.region].filter(Boolean).join('/') || change.scope;
  const what =
    change.entity === 'relationship'
      ? `(${change.label} ${change.key})-[:${change.relType}]->(${change.target})`
      : `${change.label} ${change.key}`;
  if (change.kind === 'initial') return `${when} ${where} first sync: ${change.nodes ?? 0} nodes`;
  const props = change.properties
    ? ` ${Object.entries(change.properties)
        .map(([name, [before, after]]) => `${name}: ${JSON.stringify(before)} -> ${JSON.stringify(after)}`)
        .join(', ')}`
    : '';
  return `${when} ${where} ${change.kind} ${what}${props}`;
}
