import type { CatalogueQuery, Severity } from '../catalogue/define-query.ts';
import { prepareQuery } from '../catalogue/run-query.ts';

export type { Severity };

/** Severities from the least to the most serious (the rank a threshold compares). */
export const SEVERITY_ASCENDING = [
  'info',
  'low',
  'medium',
  'high',
  'critical',
] as const satisfies readonly Severity[];

/**
 * A query drift can watch, in its run-ready form: Cypher, parameters and
 * the columns that identify a finding. Catalogue queries become one through
 * {@link toFindingQuery}; scripts can also write one by hand.
 *
 * @example
 * const openSsh: FindingQuery = {
 *   name: 'aws_ec2_open_to_world',
 *   severity: 'high',
 *   cypher: 'MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance {exposed_internet: true}) RETURN a.id AS account_id, i.id AS instance_id',
 *   identityKeys: ['account_id', 'instance_id'],
 * };
 */
export interface FindingQuery {
  readonly name: string;
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The result columns that identify one finding (e.g. account and instance id). */
  readonly identityKeys: readonly string[];
  readonly severity?: string | null;
  readonly description?: string;
  readonly remediation?: string | null;
  readonly tags?: readonly string[];
  /** Result columns: names, `{ name }` objects, or a record keyed by column name. */
  readonly columns?: unknown;
  /** A stable id, when the source of the query has one besides the name. */
  readonly id?: string;
}

/** What selecting a query looks at: its name, tags and severity. */
export interface QueryMeta {
  readonly name: string;
  readonly tags?: readonly string[];
  readonly severity?: string | null;
}

/** A catalogue query or a hand-written finding query: what drift and the export take. */
export type WatchableQuery = FindingQuery | CatalogueQuery;

/** Whether a query is a catalogue entry (rather than a hand-written finding query). */
export function isCatalogueQuery(query: { readonly name: string }): query is CatalogueQuery {
  return 'identity' in query && 'constants' in query && 'parameters' in query;
}

/**
 * The run-ready form of a query. A catalogue query gets its constants and
 * parameter defaults as parameters (through the catalogue's own
 * `prepareQuery`); of `params`, it takes only those it declares, so one set
 * of parameters can serve a whole selection.
 */
export function toFindingQuery(
  query: WatchableQuery,
  params: Readonly<Record<string, unknown>> = {},
): FindingQuery {
  if (!isCatalogueQuery(query)) {
    return Object.keys(params).length > 0 ? { ...query, params: { ...query.params, ...params } } : query;
  }
  const declared = Object.fromEntries(
    Object.entries(params).filter(([name]) => query.parameters.some((p) => p.name === name)),
  );
  const prepared = prepareQuery(query, { params: declared });
  // Without a scope filter a catalogue query always applies.
  const ready = prepared.applicable ? prepared : { cypher: query.cypher, params: { ...query.constants } };
  return {
    name: query.name,
    cypher: ready.cypher,
    params: ready.params,
    identityKeys: query.identity,
    ...(query.severity === null ? {} : { severity: query.severity }),
    description: query.description,
    ...(query.remediation === null ? {} : { remediation: query.remediation }),
    tags: query.tags,
    columns: query.columns,
  };
}

/** The rank of a severity (unknown or missing ranks as `info`). */
export function severityRank(severity: string | null | undefined): number {
  const index = (SEVERITY_ASCENDING as readonly string[]).indexOf((severity ?? 'info').toLowerCase());
  return Math.max(index, 0);
}

/** A query's severity, normalised (missing: `info`). */
export function severityOf(query: { readonly severity?: string | null }): Severity {
  return SEVERITY_ASCENDING[severityRank(query.severity)] ?? 'info';
}

/** The column names a query declares, whichever shape it uses; empty when it declares none. */
export function columnNamesOf(query: { readonly columns?: unknown }): string[] {
  const columns = query.columns;
  if (Array.isArray(columns)) {
    return columns
      .map((column: unknown) =>
        typeof column === 'string'
          ? column
          : typeof column === 'object' &&
              column !== null &&
              typeof (column as { name?: unknown }).name === 'string'
            ? (column as { name: string }).name
            : undefined,
      )
      .filter((name): name is string => name !== undefined);
  }
  if (typeof columns === 'object' && columns !== null) return Object.keys(columns);
  return [];
}
