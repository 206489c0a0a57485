import type { Row } from '@skygraph/core';
import { canonicalJson, shortHash } from '../drift/canonical.ts';
import { columnNamesOf, type FindingQuery, severityOf } from '../drift/finding-query.ts';
import { fieldNamesFor, RESERVED_FIELDS, sanitizeValue } from './field-names.ts';

/** A catalogue query as the export needs it: identity keys are optional here. */
export type ExportQuery = Omit<FindingQuery, 'identityKeys'> & { readonly identityKeys?: readonly string[] };

/** One document for the bulk API: where it goes, its id, its source. */
export interface ExportDocument {
  readonly index: string;
  /** Stable for the same query, row and day: re-running an export the same day replaces, never duplicates. */
  readonly id: string;
  readonly source: Record<string, unknown>;
}

export interface DocumentContext {
  readonly index: string;
  readonly timestamp: string;
  readonly runId: string;
}

/** The documents of one query's result rows, enriched with the query's metadata. */
export function toExportDocuments(
  query: ExportQuery,
  rows: readonly Row[],
  context: DocumentContext,
): ExportDocument[] {
  const headers = columnNamesOf(query);
  const metadata = {
    query_name: query.name,
    query_id: query.id ?? query.name,
    query_description: query.description ?? null,
    query_headers: headers.length > 0 ? headers : rows[0] ? Object.keys(rows[0]) : [],
    query_severity: severityOf(query),
    query_tags: [...(query.tags ?? [])],
    run_id: context.runId,
  };
  let names: Map<string, string> | undefined;
  return rows.map((row) => {
    const keys = Object.keys(row);
    // Rows of one query share their columns: name them once.
    if (!names || keys.some((key) => !names?.has(key))) names = fieldNamesFor(keys, RESERVED_FIELDS);
    const source: Record<string, unknown> = { '@timestamp': context.timestamp, metadata };
    for (const key of keys) source[names.get(key) as string] = sanitizeValue(row[key]);
    return {
      index: context.index,
      id: shortHash(`${context.index}\n${query.name}\n${canonicalJson(row)}`, 40),
      source,
    };
  });
}
