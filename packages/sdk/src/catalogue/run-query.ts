import type { Row } from '@skygraph/core';
import { valueMatchesSpec } from '../query/column-spec.ts';
import type { Queryable } from '../query/compiled-query.ts';
import { CatalogueError } from './catalogue-error.ts';
import { type CatalogueQuery, paramValueFits } from './define-query.ts';
import { SCOPE_KIND_NAMES, SCOPE_KINDS, type ScopeFilter, type ScopeKind } from './scope-kinds.ts';

export interface RunQueryOptions {
  /** Narrow to one account / project / customer (by id or name). */
  readonly scope?: ScopeFilter;
  /** Values for the query's parameters; defaults fill the rest. */
  readonly params?: Readonly<Record<string, unknown>>;
}

/** A query ready for the store, or the reason it does not apply to the scope asked for. */
export type PreparedQuery =
  | { readonly applicable: true; readonly cypher: string; readonly params: Record<string, unknown> }
  | { readonly applicable: false; readonly reason: string };

/**
 * Prepares a catalogue query for a run: checks and defaults its parameters
 * and attaches the scope filter. The filter is structural: a MATCH of the
 * scope node by a parameter, placed before the query, binds the query's
 * scope variable — the filter value is never part of the Cypher text.
 */
export function prepareQuery(query: CatalogueQuery, options: RunQueryOptions = {}): PreparedQuery {
  const params: Record<string, unknown> = { ...query.constants };
  const given = options.params ?? {};
  for (const name of Object.keys(given)) {
    if (!query.parameters.some((p) => p.name === name)) {
      const known = query.parameters.map((p) => p.name);
      throw new CatalogueError(
        `query "${query.name}" has no parameter "${name}"${known.length > 0 ? ` (it has ${known.join(', ')})` : ''}`,
      );
    }
  }
  for (const p of query.parameters) {
    const value = given[p.name] ?? p.default;
    if (value === undefined)
      throw new CatalogueError(`query "${query.name}" needs a value for parameter "${p.name}"`);
    if (!paramValueFits(p.type, value)) {
      throw new CatalogueError(
        `query "${query.name}", parameter "${p.name}": expected a ${p.type}, got ${JSON.stringify(value)}`,
      );
    }
    params[p.name] = value;
  }
  const filter = activeFilter(options.scope);
  if (!filter) return { applicable: true, cypher: query.cypher, params };
  if (!query.scope || query.scope.kind !== filter.kind) {
    return {
      applicable: false,
      reason: query.scope
        ? `it is about ${SCOPE_KINDS[query.scope.kind].noun}s, not ${SCOPE_KINDS[filter.kind].noun}s`
        : `it cannot be narrowed to one ${SCOPE_KINDS[filter.kind].noun}`,
    };
  }
  const kind = SCOPE_KINDS[filter.kind];
  const variable = query.scope.variable;
  const paramName = `scope_${filter.kind}`;
  const condition = kind.keys.map((key) => `${variable}.${key} = $${paramName}`).join(' OR ');
  return {
    applicable: true,
    cypher: `MATCH (${variable}:${kind.label})\nWHERE ${condition}\nWITH ${variable}\n${query.cypher}`,
    params: { ...params, [paramName]: filter.value },
  };
}

function activeFilter(scope: ScopeFilter | undefined): { kind: ScopeKind; value: string } | null {
  if (!scope) return null;
  const entries = Object.entries(scope).filter(([, value]) => value !== undefined);
  for (const [key, value] of entries) {
    if (!SCOPE_KIND_NAMES.includes(key as ScopeKind)) {
      throw new CatalogueError(`scope: unknown key "${key}" (use ${SCOPE_KIND_NAMES.join(', ')})`);
    }
    if (typeof value !== 'string' || value === '')
      throw new CatalogueError(`scope.${key} must be a non-empty string`);
  }
  if (entries.length > 1) throw new CatalogueError('scope: give one of account, project or customer');
  const [entry] = entries;
  return entry ? { kind: entry[0] as ScopeKind, value: entry[1] as string } : null;
}

/** The rows of one catalogue query, or why it did not run. */
export interface QueryResult<R extends Row = Row> {
  readonly query: CatalogueQuery<R>;
  readonly rows: R[];
  readonly durationMs: number;
  /** Set when the query does not apply to the scope asked for (rows is empty). */
  readonly skipped?: string;
  /** Set when the store rejected the query (rows is empty). */
  readonly error?: string;
}

/** Runs one catalogue query; throws on a store error (reports catch it per query). */
export async function runCatalogueQuery<R extends Row>(
  target: Queryable,
  query: CatalogueQuery<R>,
  options: RunQueryOptions = {},
): Promise<QueryResult<R>> {
  const started = performance.now();
  const prepared = prepareQuery(query as CatalogueQuery, options);
  if (!prepared.applicable) return { query, rows: [], durationMs: 0, skipped: prepared.reason };
  const rows = await target.read<R>(prepared.cypher, prepared.params);
  return { query, rows, durationMs: Math.round(performance.now() - started) };
}

/**
 * Compares rows with the query's declared columns: the same names, and
 * values of the declared types. Returns the problems found (empty: fine).
 */
export function checkColumns(query: CatalogueQuery, rows: readonly Row[]): string[] {
  const problems: string[] = [];
  const declared = query.columns.map((c) => c.name);
  for (const [index, row] of rows.entries()) {
    const actual = Object.keys(row);
    const missing = declared.filter((name) => !actual.includes(name));
    const extra = actual.filter((name) => !declared.includes(name));
    if (missing.length > 0 || extra.length > 0) {
      problems.push(
        `row ${index}: columns differ from the declaration${missing.length > 0 ? `; missing ${missing.join(', ')}` : ''}${extra.length > 0 ? `; not declared ${extra.join(', ')}` : ''}`,
      );
    }
    for (const column of query.columns) {
      if (column.name in row && !valueMatchesSpec(column.spec, row[column.name])) {
        problems.push(
          `row ${index}: ${column.name} = ${JSON.stringify(row[column.name])} is not a ${column.spec}`,
        );
      }
    }
    if (problems.length >= 20) break;
  }
  return problems;
}
