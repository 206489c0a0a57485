import { errorMessage } from '@skygraph/core';
import type { Catalogue } from '../catalogue/catalogue.ts';
import { type CatalogueQuery, SEVERITIES, type Severity } from '../catalogue/define-query.ts';
import { type QueryResult, runCatalogueQuery } from '../catalogue/run-query.ts';
import type { ScopeFilter } from '../catalogue/scope-kinds.ts';
import { type LastRun, readGraphStatus } from '../client/graph-status.ts';
import type { Queryable } from '../query/compiled-query.ts';
import { graph } from '../query/schema-graph.ts';
import { namedReport } from './named-reports.ts';
import type { Report, ReportSection, ReportSpec, ReportSummary } from './report-types.ts';
import { countResources } from './resource-summary.ts';

/** The labels of the provider schemas: a node is counted under its schema's own label. */
const SCHEMA_LABELS: ReadonlySet<string> = new Set(Object.keys(graph.model));

export interface BuildReportOptions {
  /** Where the report's queries come from. */
  readonly catalogue: Catalogue;
  /** Narrow every query to one account / project / customer; queries that cannot be narrowed are skipped. */
  readonly scope?: ScopeFilter;
  /** Parameter values per query name: `{ ec2_old: { days: 30 } }`. */
  readonly params?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Labels resources are counted under (default: the provider schemas' own labels, not their extra labels). */
  readonly primaryLabels?: ReadonlySet<string>;
  /** Queries run at once (default 4). */
  readonly concurrency?: number;
  /** The report's time (default now). */
  readonly now?: Date;
}

/**
 * Builds a report: runs each section's queries (each at most once, a few at
 * a time), counts the resources, and summarises findings by severity. A
 * query that fails is reported in its section; it does not fail the report.
 *
 * @example
 * const report = await buildReport(client, 'aws-security', { catalogue: builtinCatalogue, scope: { account: 'prod' } });
 * process.stdout.write(renderTerminal(report));
 */
export async function buildReport(
  target: Queryable & { store?: { kind: string; location: string } },
  report: string | ReportSpec,
  options: BuildReportOptions,
): Promise<Report> {
  const spec = typeof report === 'string' ? namedReport(report) : report;
  const generatedAt = (options.now ?? new Date()).toISOString();
  const sectionQueries = spec.sections.map((section) => ordered(options.catalogue.select(section.select)));
  const unique = new Map<string, CatalogueQuery>();
  for (const queries of sectionQueries) for (const q of queries) unique.set(q.name, q);
  const results = new Map<string, QueryResult>();
  await eachLimited([...unique.values()], options.concurrency ?? 4, async (query) => {
    results.set(query.name, await runSafely(target, query, options));
  });
  // A section the catalogue has no query for says nothing: leave it out.
  const sections: ReportSection[] = spec.sections
    .map((section, i) => ({
      title: section.title,
      description: section.description ?? '',
      results: (sectionQueries[i] ?? []).map((q) => results.get(q.name) as QueryResult),
    }))
    .filter((section) => section.results.length > 0);
  const resources = await countResources(target, {
    providers: spec.providers,
    ...(options.scope ? { scope: options.scope } : {}),
    primaryLabels: options.primaryLabels ?? SCHEMA_LABELS,
  });
  let lastRun: LastRun | null = null;
  try {
    lastRun = (await readGraphStatus(target)).lastRun;
  } catch {
    // The status is a courtesy; a store that cannot answer it still gets its report.
  }
  return {
    name: spec.name,
    title: spec.title,
    description: spec.description,
    generatedAt,
    scope: options.scope && Object.keys(options.scope).length > 0 ? { ...options.scope } : null,
    store: target.store ? { kind: target.store.kind, location: target.store.location } : null,
    lastRun,
    summary: summarise([...results.values()], resources),
    sections,
  };
}

async function runSafely(
  target: Queryable,
  query: CatalogueQuery,
  options: BuildReportOptions,
): Promise<QueryResult> {
  const started = performance.now();
  try {
    return await runCatalogueQuery(target, query, {
      ...(options.scope ? { scope: options.scope } : {}),
      ...(options.params?.[query.name] ? { params: options.params[query.name] } : {}),
    });
  } catch (error) {
    return {
      query,
      rows: [],
      durationMs: Math.round(performance.now() - started),
      error: errorMessage(error),
    };
  }
}

/** Findings first, most severe first; the rest in catalogue order. */
function ordered(queries: CatalogueQuery[]): CatalogueQuery[] {
  const rank = (q: CatalogueQuery) =>
    q.severity === null ? SEVERITIES.length : SEVERITIES.indexOf(q.severity);
  return queries
    .map((q, i) => ({ q, i }))
    .sort((a, b) => rank(a.q) - rank(b.q) || a.i - b.i)
    .map(({ q }) => q);
}

function summarise(results: readonly QueryResult[], resources: ReportSummary['resources']): ReportSummary {
  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  const top: { query: string; title: string; severity: Severity; count: number }[] = [];
  for (const result of results) {
    const severity = result.query.severity;
    if (severity === null || result.rows.length === 0) continue;
    bySeverity[severity] += result.rows.length;
    top.push({ query: result.query.name, title: result.query.title, severity, count: result.rows.length });
  }
  top.sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.count - a.count);
  return {
    findings: { total: Object.values(bySeverity).reduce((a, b) => a + b, 0), bySeverity, top },
    resources,
    queries: {
      run: results.filter((r) => !r.skipped && !r.error).length,
      skipped: results.filter((r) => r.skipped).length,
      failed: results.filter((r) => r.error).length,
    },
  };
}

async function eachLimited<T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
