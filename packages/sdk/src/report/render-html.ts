import { SEVERITIES, type Severity } from '../catalogue/define-query.ts';
import type { QueryResult } from '../catalogue/run-query.ts';
import { escapeHtml } from './escape-html.ts';
import { formatValue, resultStatus, scopeText } from './format-value.ts';
import { HTML_SCRIPT, HTML_STYLE } from './html-assets.ts';
import type { Report } from './report-types.ts';
import { barChart } from './svg-chart.ts';

export interface HtmlOptions {
  /** Rows shown per query (default 2000); the rest are counted. */
  readonly maxRows?: number;
}

const SEVERITY_FILL: Record<Severity, string> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#d97706',
  low: '#0284c7',
  info: '#6b7280',
};

/**
 * A report as one self-contained HTML file: summary and charts (inline SVG)
 * at the top, then sortable, filterable tables. A Content-Security-Policy
 * forbids every network fetch; every value is HTML-escaped.
 */
export function renderHtml(report: Report, options: HtmlOptions = {}): string {
  const maxRows = options.maxRows ?? 2000;
  const s = report.summary;
  const e = escapeHtml;
  const meta = [
    `Scope: ${e(scopeText(report))}`,
    `generated ${e(report.generatedAt)}`,
    report.lastRun ? `last sync ${e(report.lastRun.endedAt ?? '?')} (${e(report.lastRun.status)})` : null,
    report.store ? `store ${e(report.store.kind)} ${e(report.store.location)}` : null,
  ].filter(Boolean);
  const cards = [
    card('Findings', s.findings.total),
    ...SEVERITIES.map((sev) => card(sev, s.findings.bySeverity[sev], `sev-card-${sev}`)),
    card('Resources', s.resources.total),
    card('Queries run', s.queries.run),
    ...(s.queries.failed > 0 ? [card('Queries failed', s.queries.failed, 'failed')] : []),
  ];
  const charts = [
    figure(
      'chart-severity',
      'Findings by severity',
      barChart(
        SEVERITIES.map((sev) => ({ key: sev, count: s.findings.bySeverity[sev] })),
        { label: 'Findings by severity', colour: (key) => SEVERITY_FILL[key as Severity] ?? '#6b7280' },
      ),
    ),
    figure(
      'chart-account',
      'Resources by account / project',
      barChart(s.resources.byAccount, { label: 'Resources by account or project' }),
    ),
    figure(
      'chart-region',
      'Resources by region',
      barChart(s.resources.byRegion, { label: 'Resources by region', colour: () => '#059669' }),
    ),
    figure(
      'chart-type',
      'Resources by type',
      barChart(s.resources.byType, { label: 'Resources by type', colour: () => '#7c3aed' }),
    ),
  ];
  const top =
    s.findings.top.length === 0
      ? '<p class="desc">No findings.</p>'
      : `<ul class="top-findings">${s.findings.top
          .map(
            (t) => `<li>${badge(t.severity)} <a href="#q-${e(t.query)}">${e(t.title)}</a> — ${t.count}</li>`,
          )
          .join('')}</ul>`;
  const toc = report.sections
    .map((section, i) => `<li><a href="#s-${i}">${e(section.title)}</a> (${section.results.length})</li>`)
    .join('');
  const sections = report.sections
    .map(
      (section, i) =>
        `<section class="report-section" id="s-${i}"><h2>${e(section.title)}</h2>` +
        (section.description ? `<p class="desc">${e(section.description)}</p>` : '') +
        (section.results.length === 0 ? '<p class="desc">No queries in this section.</p>' : '') +
        section.results.map((result) => queryBlock(result, maxRows)).join('') +
        '</section>',
    )
    .join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="skygraph">
<title>${e(report.title)}</title>
<style>${HTML_STYLE}</style>
</head>
<body>
<header>
<h1>${e(report.title)}</h1>
<p class="desc">${e(report.description)}</p>
<p class="meta">${meta.join(' · ')}</p>
</header>
<main>
<section id="summary">
<div class="cards">${cards.join('')}</div>
<div class="charts">${charts.join('')}</div>
<h3>Findings</h3>
${top}
</section>
<nav><h3>Sections</h3><ul>${toc}</ul><input id="filter" type="search" placeholder="Filter rows…" aria-label="Filter rows"></nav>
${sections}
</main>
<footer>skygraph report ${e(report.name)}</footer>
<script>${HTML_SCRIPT}</script>
</body>
</html>
`;
}

function card(label: string, value: number, className = ''): string {
  return `<div class="card ${escapeHtml(className)}"><span class="n">${value}</span>${escapeHtml(label)}</div>`;
}

function figure(id: string, caption: string, svg: string): string {
  return `<figure id="${id}"><figcaption>${escapeHtml(caption)}</figcaption>${svg}</figure>`;
}

function badge(severity: Severity): string {
  return `<span class="sev sev-${severity}">${severity.toUpperCase()}</span>`;
}

function queryBlock(result: QueryResult, maxRows: number): string {
  const q = result.query;
  const e = escapeHtml;
  const head = q.columns
    .map((c) => `<th scope="col" data-type="${e(c.spec)}"><button type="button">${e(c.name)}</button></th>`)
    .join('');
  const rows = result.rows
    .slice(0, maxRows)
    .map(
      (row) =>
        `<tr${q.severity ? ` class="finding-row"` : ''}>${q.columns
          .map((c) => {
            const value = row[c.name];
            const sort = typeof value === 'number' ? ` data-sort="${value}"` : '';
            return `<td${sort}>${e(formatValue(value))}</td>`;
          })
          .join('')}</tr>`,
    )
    .join('');
  const status = result.error
    ? `<p class="status failed">${e(resultStatus(result))}</p>`
    : `<p class="status">${e(resultStatus(result))}</p>`;
  return (
    `<article class="query" id="q-${e(q.name)}" data-query="${e(q.name)}"${q.severity ? ` data-severity="${q.severity}"` : ''}>` +
    `<h3>${q.severity ? `${badge(q.severity)} ` : ''}${e(q.title)}</h3>` +
    `<p class="desc">${e(q.description)} <code>${e(q.name)}</code></p>` +
    (q.remediation && result.rows.length > 0
      ? `<p class="fix"><strong>Fix:</strong> ${e(q.remediation)}</p>`
      : '') +
    status +
    (result.rows.length > 0
      ? `<div class="table-wrap"><table class="sortable"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table></div>` +
        (result.rows.length > maxRows
          ? `<p class="status">… ${result.rows.length - maxRows} more rows</p>`
          : '')
      : '') +
    '</article>'
  );
}
