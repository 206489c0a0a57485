import type { Report } from './report-types.ts';

/**
 * A report as JSON: the summary and every section with each query's
 * metadata (name, title, severity, remediation, columns, identity) and rows.
 */
export function renderJson(report: Report): string {
  return `${JSON.stringify(
    {
      ...report,
      sections: report.sections.map((section) => ({
        title: section.title,
        description: section.description,
        results: section.results.map((result) => ({
          query: {
            name: result.query.name,
            title: result.query.title,
            provider: result.query.provider,
            group: result.query.group,
            tags: result.query.tags,
            severity: result.query.severity,
            remediation: result.query.remediation,
            columns: result.query.columns,
            identity: result.query.identity,
          },
          rows: result.rows,
          durationMs: result.durationMs,
          ...(result.skipped ? { skipped: result.skipped } : {}),
          ...(result.error ? { error: result.error } : {}),
        })),
      })),
    },
    null,
    2,
  )}\n`;
}
