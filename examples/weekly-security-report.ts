/**
 * A weekly security report as one self-contained HTML file (charts and
 * sortable tables, no network fetches), ready to attach to an e-mail or
 * publish as a CI artefact. The report is defined here from catalogue
 * selections — the most severe findings of every cloud first — rather than
 * taken from the named reports, to show how a team builds its own.
 *
 *   node --import tsx examples/weekly-security-report.ts --demo --out-dir reports
 *   node --import tsx examples/weekly-security-report.ts --store bolt://localhost:7687 --out-dir /var/www/security
 *
 * Schedule it after the weekly sync (cron, a CI schedule); the file is named
 * after the ISO week, e.g. `security-2027-W05.html`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Writable } from 'node:stream';
import {
  buildReport,
  builtinCatalogue,
  type Report,
  type ReportSpec,
  renderHtml,
  type SkygraphClient,
} from '@skygraph/sdk';
import { isDirectRun, openExampleGraph, parseExampleArgs, runCli } from './lib/example-cli.ts';

/** The report: sections are catalogue selections, so new catalogue queries show up without a change here. */
export const weeklySecurity = {
  name: 'weekly-security',
  title: 'Weekly security report',
  description: 'Findings across AWS, GCP and Google Workspace, the most severe first.',
  providers: ['aws', 'gcp', 'gsuite'],
  sections: [
    {
      title: 'Critical and high',
      description: 'Fix these this week.',
      select: { findings: true, minSeverity: 'high' },
    },
    {
      title: 'Internet exposure',
      description: 'What the internet can reach, whatever the severity.',
      select: { findings: true, tags: { allOf: ['security', 'networking'] } },
    },
    {
      title: 'Identity hygiene',
      description: 'Keys, passwords, 2-step verification and dormant identities.',
      select: { findings: true, tags: { allOf: ['identity'] } },
    },
    { title: 'Everything else', select: { findings: true, minSeverity: 'low' } },
  ],
} as const satisfies ReportSpec;

/** `2027-W05`: the ISO 8601 week of a date (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(date: Date): string {
  const day = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = day.getUTCDay() || 7;
  day.setUTCDate(day.getUTCDate() + 4 - weekday);
  const yearStart = Date.UTC(day.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((day.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${day.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

export interface WeeklyReportOptions {
  readonly client: SkygraphClient;
  /** Where the HTML file goes (created if missing). */
  readonly outDir: string;
  /** The report's date (default now). */
  readonly now?: Date;
  /** Where the one-paragraph summary goes (default: nowhere). */
  readonly out?: Writable;
}

/** Builds the report, writes it as HTML and returns the file and the report data. */
export async function main(options: WeeklyReportOptions): Promise<{ file: string; report: Report }> {
  const now = options.now ?? new Date();
  const report = await buildReport(options.client, weeklySecurity, { catalogue: builtinCatalogue, now });
  mkdirSync(options.outDir, { recursive: true });
  const file = resolve(join(options.outDir, `security-${isoWeek(now)}.html`));
  writeFileSync(file, renderHtml(report));

  if (options.out) {
    const { findings, queries } = report.summary;
    const severities = Object.entries(findings.bySeverity)
      .filter(([, n]) => n > 0)
      .map(([severity, n]) => `${n} ${severity}`);
    options.out.write(
      `${report.title} ${isoWeek(now)}: ${findings.total} findings (${severities.join(', ') || 'none'}) from ${queries.run} queries\n`,
    );
    for (const top of findings.top.slice(0, 10)) {
      options.out.write(`  ${top.severity.padEnd(8)} ${String(top.count).padStart(4)}  ${top.title}\n`);
    }
    if (queries.failed > 0) options.out.write(`  ${queries.failed} queries failed; see the report\n`);
    options.out.write(`HTML: ${file}\n`);
  }
  return { file, report };
}

if (isDirectRun(import.meta.url)) {
  await runCli(async () => {
    const args = parseExampleArgs(
      'Usage: node --import tsx examples/weekly-security-report.ts [--demo | --store <uri>] [--out-dir <dir>]',
      { 'out-dir': { type: 'string' } },
    );
    const graph = await openExampleGraph(args);
    try {
      await main({ client: graph.client, outDir: args['out-dir'] ?? '.', out: process.stdout });
    } finally {
      await graph.close();
    }
  });
}
