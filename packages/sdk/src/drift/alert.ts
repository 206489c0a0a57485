import type { Row } from '@skygraph/core';
import type { Transition } from './alert-rules.ts';
import { canonicalJson, shortHash } from './canonical.ts';
import type { Finding } from './diff-snapshots.ts';
import { type FindingQuery, type Severity, severityOf } from './finding-query.ts';

/** One thing to tell people: a finding that appeared, vanished or changed. */
export interface Alert {
  /** Stable for the same finding, transition and data: sinks use it to deliver once. */
  readonly id: string;
  readonly transition: Transition;
  readonly query: string;
  readonly severity: Severity;
  readonly description?: string;
  readonly remediation?: string;
  readonly tags: readonly string[];
  /** The rules that raised it. */
  readonly rules: readonly string[];
  readonly fingerprint: string;
  readonly identity: Readonly<Record<string, unknown>>;
  /** The account, project or domain the finding is in, when a column names it. */
  readonly scope?: { readonly column: string; readonly value: string };
  /** The finding's resource, in words: its identity values other than the scope. */
  readonly resource: string;
  /** The current row (for `removed`: the last one seen). */
  readonly row: Row;
  /** For `changed`: column -> old and new value. */
  readonly changes?: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>>;
  /** Why it alerts now although it is not new, e.g. an exception that expired. */
  readonly note?: string;
  readonly runId: string;
  readonly detectedAt: string;
}

// Column names that say which account, project or tenant a row belongs to (Cartography's usual aliases).
const SCOPE_COLUMN =
  /^(aws_?)?account(_?id|_?name)?$|^(gcp_?)?project(_?id|_?name|_?number)?$|^organi[sz]ation(_?id)?$|^(customer|domain|tenant)(_?id)?$/i;

/** The column of a row that names its account, project or tenant, if any. */
export function scopeColumnOf(row: Row, preferred: readonly string[] = []): string | undefined {
  const columns = [...preferred, ...Object.keys(row).filter((c) => !preferred.includes(c))];
  return columns.find(
    (column) => SCOPE_COLUMN.test(column) && row[column] !== null && row[column] !== undefined,
  );
}

export interface BuildAlertOptions {
  transition: Transition;
  query: FindingQuery;
  finding: Finding;
  rules: readonly string[];
  runId: string;
  detectedAt: string;
  changes?: Alert['changes'];
  note?: string;
}

/** Builds an alert from a finding, deriving its scope and resource from the identity columns. */
export function buildAlert(options: BuildAlertOptions): Alert {
  const { finding, query, transition } = options;
  const scopeColumn = scopeColumnOf(finding.row, query.identityKeys);
  const resourceParts = query.identityKeys
    .filter((key) => key !== scopeColumn)
    .map((key) => displayValue(finding.identity[key]));
  const resource =
    resourceParts.length > 0
      ? resourceParts.join(' / ')
      : query.identityKeys.map((key) => displayValue(finding.identity[key])).join(' / ');
  return {
    id: alertId(finding.fingerprint, transition, finding.row),
    transition,
    query: query.name,
    severity: severityOf(query),
    ...(query.description ? { description: query.description } : {}),
    ...(query.remediation ? { remediation: query.remediation } : {}),
    tags: [...(query.tags ?? [])],
    rules: [...options.rules],
    fingerprint: finding.fingerprint,
    identity: finding.identity,
    ...(scopeColumn === undefined
      ? {}
      : { scope: { column: scopeColumn, value: displayValue(finding.row[scopeColumn]) } }),
    resource,
    row: finding.row,
    ...(options.changes === undefined ? {} : { changes: options.changes }),
    ...(options.note === undefined ? {} : { note: options.note }),
    runId: options.runId,
    detectedAt: options.detectedAt,
  };
}

/** The id of an alert: the same finding, transition and data give the same id. */
export function alertId(fingerprint: string, transition: Transition, row: Row): string {
  return shortHash(`${fingerprint}\n${transition}\n${canonicalJson(row)}`);
}

/** A value as a person reads it in a message. */
export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '(none)';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}
