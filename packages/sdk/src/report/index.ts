export { type BuildReportOptions, buildReport } from './build-report.ts';
export { escapeHtml } from './escape-html.ts';
export { formatValue } from './format-value.ts';
export {
  defineReport,
  GROUP_TITLES,
  NAMED_REPORTS,
  namedReport,
  REPORT_NAMES,
  type ReportName,
} from './named-reports.ts';
export { type CsvFile, type CsvOptions, renderCsv, toCsv } from './render-csv.ts';
export { type HtmlOptions, renderHtml } from './render-html.ts';
export { renderJson } from './render-json.ts';
export { escapeMarkdown, type MarkdownOptions, renderMarkdown } from './render-markdown.ts';
export { renderTerminal, type TerminalOptions } from './render-terminal.ts';
export type { Count, Report, ReportSection, ReportSpec, ReportSummary, SectionSpec } from './report-types.ts';
export { countResources, type ResourceCounts } from './resource-summary.ts';
export { barChart } from './svg-chart.ts';
