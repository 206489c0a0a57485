import type { QueryResult } from '../catalogue/run-query.ts';
import type { Report } from './report-types.ts';

/** A cell as text: lists joined by ", ", objects as JSON, null as empty. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value))
    return value
      .map((v) => (typeof v === 'object' && v !== null ? JSON.stringify(v) : formatValue(v)))
      .join(', ');
  return JSON.stringify(value);
}

/** How a query result reads in one line: "3 rows", "skipped: ...", "failed: ...". */
export function resultStatus(result: QueryResult): string {
  if (result.error) return `failed: ${result.error}`;
  if (result.skipped) return `skipped: ${result.skipped}`;
  return `${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'}`;
}

/** The report's scope as text ("account prod"), or "whole estate". */
export function scopeText(report: Report): string {
  if (!report.scope) return 'whole estate';
  return Object.entries(report.scope)
    .map(([kind, value]) => `${kind} ${value}`)
    .join(', ');
}

/** Truncates text to `max` characters with an ellipsis. */
export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, Math.max(0, max - 1))}…`;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** Control characters (a resource name can carry ANSI escapes) shown as \u escapes, never passed on. */
export function printable(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
