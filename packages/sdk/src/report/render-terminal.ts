import Table from 'cli-table3';
import { SEVERITIES, type Severity } from '../catalogue/define-query.ts';
import { formatValue, printable, resultStatus, scopeText, truncate } from './format-value.ts';
import type { Report } from './report-types.ts';

export interface TerminalOptions {
  /** ANSI colours (default: off; the CLI turns them on for a TTY). */
  readonly color?: boolean;
  /** Rows shown per query (default 50); the rest are counted. */
  readonly maxRows?: number;
  /** Characters per cell before truncation (default 60). */
  readonly maxCellWidth?: number;
  /** Leave out queries with no rows (default false). */
  readonly hideEmpty?: boolean;
}

const SEVERITY_COLOURS: Record<Severity, string> = {
  critical: '\u001b[1;37;41m',
  high: '\u001b[31m',
  medium: '\u001b[33m',
  low: '\u001b[36m',
  info: '\u001b[2m',
};
const RESET = '\u001b[0m';
const BOLD = '\u001b[1m';

/**
 * A report as terminal text: the summary, then each section's queries as
 * tables (columns as declared).
 */
export function renderTerminal(report: Report, options: TerminalOptions = {}): string {
  const color = options.color ?? false;
  const paint = (code: string, text: string) => (color ? `${code}${text}${RESET}` : text);
  const badge = (severity: Severity) => paint(SEVERITY_COLOURS[severity], severity.toUpperCase());
  const maxRows = options.maxRows ?? 50;
  const width = options.maxCellWidth ?? 60;
  const out: string[] = [];
  out.push(
    paint(BOLD, report.title),
    `${report.description}`,
    `Scope: ${scopeText(report)} · generated ${report.generatedAt}`,
  );
  if (report.lastRun) out.push(`Last sync: ${report.lastRun.endedAt ?? '?'} (${report.lastRun.status})`);
  out.push('');
  const s = report.summary;
  const summary = new Table({
    head: ['Findings', ...SEVERITIES.map((sev) => sev)],
    style: { head: [], border: [] },
  });
  summary.push([String(s.findings.total), ...SEVERITIES.map((sev) => String(s.findings.bySeverity[sev]))]);
  out.push(summary.toString());
  out.push(
    `Resources: ${s.resources.total}` +
      (s.resources.byType.length > 0
        ? ` (${s.resources.byType
            .slice(0, 6)
            .map((c) => `${c.key} ${c.count}`)
            .join(', ')})`
        : ''),
  );
  if (s.queries.failed > 0) out.push(paint(SEVERITY_COLOURS.high, `${s.queries.failed} queries failed`));
  for (const section of report.sections) {
    const shown = section.results.filter((r) => !(options.hideEmpty && r.rows.length === 0 && !r.error));
    if (shown.length === 0) continue;
    out.push('', paint(BOLD, `== ${section.title} ==`));
    for (const result of shown) {
      const q = result.query;
      out.push(
        '',
        `${q.severity ? `[${badge(q.severity)}] ` : ''}${paint(BOLD, q.title)} (${q.name}) — ${printable(resultStatus(result))}`,
      );
      if (q.remediation && result.rows.length > 0) out.push(`  Fix: ${q.remediation}`);
      if (result.rows.length === 0) continue;
      const table = new Table({
        head: q.columns.map((c) => c.name),
        style: { head: [], border: [], compact: true },
        wordWrap: false,
      });
      for (const row of result.rows.slice(0, maxRows)) {
        table.push(q.columns.map((c) => truncate(printable(formatValue(row[c.name])), width)));
      }
      out.push(table.toString());
      if (result.rows.length > maxRows) out.push(`  … ${result.rows.length - maxRows} more rows`);
    }
  }
  return `${out.join('\n')}\n`;
}
