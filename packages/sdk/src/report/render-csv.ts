import type { Row } from '@skygraph/core';
import type { ColumnInfo } from '../query/compiled-query.ts';
import { formatValue } from './format-value.ts';
import type { Report } from './report-types.ts';

export interface CsvOptions {
  /**
   * Prefix text cells that a spreadsheet would run as a formula (starting
   * with = + - @, tab or CR) with `'`. Default true: resource names and tags
   * are attacker-controlled.
   */
  readonly neutraliseFormulas?: boolean;
}

/** One CSV file of a report. */
export interface CsvFile {
  readonly filename: string;
  readonly content: string;
}

/** Rows as RFC 4180 CSV (CRLF line ends), with a header line of the column names. */
export function toCsv(
  columns: readonly ColumnInfo[],
  rows: readonly Row[],
  options: CsvOptions = {},
): string {
  const neutralise = options.neutraliseFormulas ?? true;
  const cell = (value: unknown) => {
    let text = formatValue(value);
    if (neutralise && typeof value !== 'number' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [columns.map((c) => cell(c.name)).join(',')];
  for (const row of rows) lines.push(columns.map((c) => cell(row[c.name])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}

/**
 * A report as CSV files: `summary.csv` (one line per query: section, query,
 * severity, rows, status) and one file per query with rows.
 */
export function renderCsv(report: Report, options: CsvOptions = {}): CsvFile[] {
  const summaryColumns: ColumnInfo[] = ['section', 'query', 'title', 'severity', 'rows', 'status'].map(
    (name) => ({
      name,
      spec: 'string?',
    }),
  );
  const summaryRows: Row[] = [];
  const files: CsvFile[] = [];
  for (const section of report.sections) {
    for (const result of section.results) {
      summaryRows.push({
        section: section.title,
        query: result.query.name,
        title: result.query.title,
        severity: result.query.severity,
        rows: result.rows.length,
        status: result.error
          ? `failed: ${result.error}`
          : result.skipped
            ? `skipped: ${result.skipped}`
            : 'ok',
      });
      if (result.rows.length > 0 && !files.some((f) => f.filename === `${result.query.name}.csv`)) {
        files.push({
          filename: `${result.query.name}.csv`,
          content: toCsv(result.query.columns, result.rows, options),
        });
      }
    }
  }
  return [{ filename: 'summary.csv', content: toCsv(summaryColumns, summaryRows, options) }, ...files];
}
