import { SEVERITIES } from '../catalogue/define-query.ts';
import { formatValue, printable, resultStatus, scopeText } from './format-value.ts';
import type { Report } from './report-types.ts';

export interface MarkdownOptions {
  /** Rows shown per query (default 200). */
  readonly maxRows?: number;
}

/** Escapes text for a Markdown table cell or line: no markup, no HTML, no table breaks. */
export function escapeMarkdown(text: string): string {
  return printable(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_[\]{}()#+!|~])/g, '\\$1')
    .replace(/\r?\n/g, '<br>');
}

/** A report as GitHub-flavoured Markdown. */
export function renderMarkdown(report: Report, options: MarkdownOptions = {}): string {
  const maxRows = options.maxRows ?? 200;
  const s = report.summary;
  const out: string[] = [
    `# ${escapeMarkdown(report.title)}`,
    '',
    escapeMarkdown(report.description),
    '',
    `Scope: ${escapeMarkdown(scopeText(report))} · generated ${report.generatedAt}` +
      (report.lastRun
        ? ` · last sync ${escapeMarkdown(report.lastRun.endedAt ?? '?')} (${escapeMarkdown(report.lastRun.status)})`
        : ''),
    '',
    '## Summary',
    '',
    `| Findings | ${SEVERITIES.join(' | ')} |`,
    `| ---: | ${SEVERITIES.map(() => '---:').join(' | ')} |`,
    `| ${s.findings.total} | ${SEVERITIES.map((sev) => s.findings.bySeverity[sev]).join(' | ')} |`,
    '',
    `Resources: **${s.resources.total}**` +
      (s.resources.byType.length > 0
        ? ` — ${s.resources.byType
            .slice(0, 10)
            .map((c) => `${escapeMarkdown(c.key)} ${c.count}`)
            .join(', ')}`
        : ''),
  ];
  if (s.queries.failed > 0 || s.queries.skipped > 0) {
    out.push('', `Queries: ${s.queries.run} run, ${s.queries.skipped} skipped, ${s.queries.failed} failed`);
  }
  for (const section of report.sections) {
    if (section.results.length === 0) continue;
    out.push('', `## ${escapeMarkdown(section.title)}`);
    if (section.description) out.push('', escapeMarkdown(section.description));
    for (const result of section.results) {
      const q = result.query;
      out.push(
        '',
        `### ${q.severity ? `\`${q.severity.toUpperCase()}\` ` : ''}${escapeMarkdown(q.title)}`,
        '',
      );
      out.push(`\`${q.name}\` — ${escapeMarkdown(resultStatus(result))}`);
      if (q.remediation && result.rows.length > 0) out.push('', `**Fix:** ${escapeMarkdown(q.remediation)}`);
      if (result.rows.length === 0) continue;
      out.push('', `| ${q.columns.map((c) => escapeMarkdown(c.name)).join(' | ')} |`);
      out.push(`| ${q.columns.map(() => '---').join(' | ')} |`);
      for (const row of result.rows.slice(0, maxRows)) {
        out.push(`| ${q.columns.map((c) => escapeMarkdown(formatValue(row[c.name]))).join(' | ')} |`);
      }
      if (result.rows.length > maxRows) out.push('', `… ${result.rows.length - maxRows} more rows`);
    }
  }
  return `${out.join('\n')}\n`;
}
