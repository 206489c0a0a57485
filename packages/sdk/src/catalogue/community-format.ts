import type { ColumnSpec } from '../query/column-spec.ts';
import { CatalogueError } from './catalogue-error.ts';
import {
  type CatalogueQuery,
  parameterNames,
  type QueryParameter,
  type Severity,
  validateQuery,
} from './define-query.ts';
import { SCOPE_KINDS, type ScopeDeclaration, type ScopeKind } from './scope-kinds.ts';

/**
 * One entry of the community `queries.json`: the Cypher is `query` (ending
 * in `RETURN `) followed by `return`; `result_headers` name the returned
 * expressions in order. `params` (optional) gives parameter defaults as
 * `{ key: { param_name, param_value } }`.
 */
export interface CommunityQuery {
  name: string;
  tags: string[];
  description: string;
  query: string;
  return: string;
  result_headers: string[];
  params?: Record<string, { param_name: string; param_value: unknown }>;
  [extra: string]: unknown;
}

export interface ImportResult {
  readonly queries: CatalogueQuery[];
  /** Things that import but probably do not do what their author meant. */
  readonly warnings: string[];
}

const PROVIDER_TAGS = ['aws', 'gcp', 'gsuite', 'k8s', 'azure', 'github', 'okta'];

/**
 * Imports queries in the community `queries.json` format. Every entry is
 * checked; an invalid one fails the import with an error naming the entry
 * (by name, or by position) and the field. Returned expressions are aliased
 * to their `result_headers`, so rows are keyed by those names; the scope
 * variable is recognised when exactly one variable is bound to AWSAccount /
 * GCPProject.
 *
 * @example
 * const { queries, warnings } = importCommunityQueries(readFileSync('queries.json', 'utf8'));
 * const catalogue = builtinCatalogue.with(queries);
 */
export function importCommunityQueries(input: string | unknown): ImportResult {
  let data: unknown = input;
  if (typeof input === 'string') {
    try {
      data = JSON.parse(input);
    } catch (error) {
      throw new CatalogueError(`queries.json is not valid JSON: ${(error as Error).message}`, {
        cause: error,
      });
    }
  }
  if (!Array.isArray(data)) throw new CatalogueError('queries.json must be a JSON array of query objects');
  const warnings: string[] = [];
  const queries: CatalogueQuery[] = [];
  const seen = new Set<string>();
  for (const [index, entry] of data.entries()) {
    const query = importEntry(entry, index, warnings);
    if (seen.has(query.name))
      throw new CatalogueError(`entry ${index} ("${query.name}"): the name is used twice`);
    seen.add(query.name);
    queries.push(query);
  }
  return { queries, warnings };
}

function importEntry(entry: unknown, index: number, warnings: string[]): CatalogueQuery {
  let where = `entry ${index}`;
  const fail = (field: string, message: string): never => {
    throw new CatalogueError(`${where}, field "${field}": ${message}`);
  };
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new CatalogueError(
      `${where}: expected an object with name, tags, description, query, return, result_headers`,
    );
  }
  const e = entry as Record<string, unknown>;
  if (typeof e.name !== 'string' || e.name.trim() === '') fail('name', 'must be a non-empty string');
  const name = (e.name as string).trim();
  where = `entry ${index} ("${name}")`;
  if (!/^[a-z][a-z0-9_]*$/.test(name)) fail('name', 'must be snake_case (lower-case letters, digits, _)');
  if (!Array.isArray(e.tags) || e.tags.some((t) => typeof t !== 'string'))
    fail('tags', 'must be a list of strings');
  const tags = [...new Set((e.tags as string[]).map((t) => t.trim().toLowerCase()))];
  if (tags.length === 0) fail('tags', 'must not be empty');
  if (typeof e.description !== 'string' || e.description.trim() === '')
    fail('description', 'must be a non-empty string');
  if (typeof e.query !== 'string' || e.query.trim() === '') fail('query', 'must be a non-empty string');
  if (!/\bRETURN(\s+DISTINCT)?\s*$/i.test(e.query as string))
    fail('query', 'must end with "RETURN " (the returned expressions go in "return")');
  if (typeof e.return !== 'string' || e.return.trim() === '') fail('return', 'must be a non-empty string');
  if (
    !Array.isArray(e.result_headers) ||
    e.result_headers.some((h) => typeof h !== 'string' || h.trim() === '')
  ) {
    fail('result_headers', 'must be a list of non-empty strings');
  }
  const headers = (e.result_headers as string[]).map((h) => h.trim());
  const { items, rest } = splitReturn(e.return as string);
  if (items.length !== headers.length) {
    fail(
      'result_headers',
      `names ${headers.length} column(s) but "return" has ${items.length} expression(s): ${items.join(' | ')}`,
    );
  }
  const duplicate = headers.find((h, i) => headers.indexOf(h) !== i);
  if (duplicate) fail('result_headers', `"${duplicate}" is used twice`);
  const aliased = items.map((item, i) => {
    const expression = stripAlias(item);
    const name = quoteName(headers[i] as string);
    return expression === name ? expression : `${expression} AS ${name}`;
  });
  const cypher = `${(e.query as string).trimEnd()} ${aliased.join(', ')}${rest ? ` ${rest}` : ''}`;
  const parameters = importParams(e.params, cypher, fail);
  for (const m of cypher.matchAll(/\[\s*([A-Za-z_][A-Za-z0-9_]*)\s*\]/g)) {
    if (/^[A-Z][A-Z0-9_]+$/.test(m[1] as string)) {
      warnings.push(
        `${where}: [${m[1]}] has no colon, so it names a variable and matches any relationship; did you mean [:${m[1]}]?`,
      );
    }
  }
  const extended = readExtended(e, headers);
  let scope: ScopeDeclaration | null | 'ambiguous' =
    extended.scope !== undefined ? extended.scope : inferScope(cypher);
  if (scope === 'ambiguous') {
    warnings.push(`${where}: several scope variables; the query cannot be narrowed to one account/project`);
    scope = null;
  }
  const provider = tags.find((t) => PROVIDER_TAGS.includes(t)) ?? 'other';
  const description = (e.description as string).trim();
  try {
    return validateQuery({
      name,
      title: extended.title ?? description,
      provider,
      group: extended.group ?? provider,
      tags: tags.map((t) => t.replace(/[^a-z0-9_-]/g, '-')),
      description,
      severity: extended.severity ?? null,
      remediation: extended.remediation ?? null,
      cypher,
      columns: headers.map((h) => ({ name: h, spec: extended.columns?.[h] ?? 'json?' })),
      identity: extended.identity ?? headers,
      parameters: extended.parameters ?? parameters,
      constants: {},
      scope,
    });
  } catch (error) {
    throw new CatalogueError(`${where}: ${(error as Error).message}`, { cause: error });
  }
}

/** The fields skygraph's extended export adds; older files simply lack them. */
function readExtended(
  e: Record<string, unknown>,
  headers: readonly string[],
): {
  title?: string;
  group?: string;
  severity?: Severity | null;
  remediation?: string | null;
  columns?: Record<string, ColumnSpec>;
  identity?: string[];
  scope?: ScopeDeclaration | null;
  parameters?: QueryParameter[];
} {
  const out: ReturnType<typeof readExtended> = {};
  if (typeof e.title === 'string') out.title = e.title;
  if (typeof e.group === 'string') out.group = e.group;
  if (e.severity === null || typeof e.severity === 'string') out.severity = e.severity as Severity | null;
  if (e.remediation === null || typeof e.remediation === 'string')
    out.remediation = e.remediation as string | null;
  if (typeof e.columns === 'object' && e.columns !== null && !Array.isArray(e.columns)) {
    out.columns = Object.fromEntries(
      headers.map((h) => [h, (e.columns as Record<string, ColumnSpec>)[h] ?? 'json?']),
    ) as Record<string, ColumnSpec>;
  }
  if (Array.isArray(e.identity)) out.identity = e.identity.map(String);
  if (e.scope === null) out.scope = null;
  else if (typeof e.scope === 'object' && e.scope !== null) out.scope = e.scope as ScopeDeclaration;
  if (Array.isArray(e.parameters)) out.parameters = e.parameters as QueryParameter[];
  return out;
}

/** The parameter type a `param_value` implies (a list of numbers is `number[]`, any other list `string[]`). */
function paramTypeOf(value: unknown): QueryParameter['type'] {
  if (Array.isArray(value))
    return value.every((v) => typeof v === 'number') && value.length > 0 ? 'number[]' : 'string[]';
  return typeof value === 'number' ? 'number' : typeof value === 'boolean' ? 'boolean' : 'string';
}

function importParams(
  raw: unknown,
  cypher: string,
  fail: (field: string, message: string) => never,
): QueryParameter[] {
  if (raw === undefined) return [];
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return fail('params', 'must map a key to { param_name, param_value }');
  }
  const used = parameterNames(cypher);
  const parameters: QueryParameter[] = [];
  for (const [key, spec] of Object.entries(raw as Record<string, unknown>)) {
    const s = spec as { param_name?: unknown; param_value?: unknown } | null;
    if (typeof s !== 'object' || s === null || typeof s.param_name !== 'string') {
      fail('params', `"${key}" must be { param_name, param_value }`);
    }
    const value = s?.param_value;
    const type = paramTypeOf(value);
    const name = s?.param_name as string;
    if (!used.includes(name)) fail('params', `"${key}" names $${name}, which the query does not use`);
    parameters.push({
      name,
      type,
      description: `${key.replaceAll('_', ' ')} (imported)`,
      ...(value === undefined || value === null ? {} : { default: value as QueryParameter['default'] }),
    });
  }
  return parameters;
}

/** Splits `a.x, count(b), collect(distinct c) ORDER BY a.x` into the items and the trailing clauses. */
export function splitReturn(text: string): { items: string[]; rest: string } {
  const items: string[] = [];
  let depth = 0;
  let quote: string | null = null;
  let start = 0;
  let restAt = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    else if (c === ',' && depth === 0) {
      items.push(text.slice(start, i).trim());
      start = i + 1;
    } else if (depth === 0 && /\s/.test(c) && /^\s+(ORDER\s+BY|SKIP|LIMIT)\b/i.test(text.slice(i))) {
      restAt = i;
      break;
    }
  }
  items.push(text.slice(start, restAt < 0 ? text.length : restAt).trim());
  return { items: items.filter((item) => item !== ''), rest: restAt < 0 ? '' : text.slice(restAt).trim() };
}

function stripAlias(item: string): string {
  return item.replace(/\s+AS\s+`?[A-Za-z_][A-Za-z0-9_]*`?\s*$/i, '');
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replaceAll('`', '``')}\``;
}

function inferScope(cypher: string): ScopeDeclaration | null | 'ambiguous' {
  const found: ScopeDeclaration[] = [];
  for (const [kind, spec] of Object.entries(SCOPE_KINDS) as [ScopeKind, (typeof SCOPE_KINDS)[ScopeKind]][]) {
    const variables = new Set(
      [...cypher.matchAll(new RegExp(`\\(\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*:\\s*${spec.label}\\b`, 'g'))].map(
        (m) => m[1] as string,
      ),
    );
    for (const variable of variables) found.push({ kind, variable });
  }
  if (found.length === 0) return null;
  if (found.length > 1 || /\bUNION\b/i.test(cypher)) return 'ambiguous';
  return found[0] as ScopeDeclaration;
}

export interface ExportOptions {
  /** Also write severity, remediation, group, columns with types, identity and scope (ignored by older tools). */
  readonly extended?: boolean;
}

/**
 * Exports queries in the community `queries.json` format (the array of
 * entries). The Cypher is split before its last RETURN; constants of
 * builder-made queries are written as Cypher literals.
 */
export function exportCommunityQueries(
  queries: readonly CatalogueQuery[],
  options: ExportOptions = {},
): CommunityQuery[] {
  return queries.map((query) => {
    const cypher = inlineConstants(query);
    const at = lastReturn(cypher);
    if (at < 0) throw new CatalogueError(`query "${query.name}": no top-level RETURN to split on`);
    const entry: CommunityQuery = {
      name: query.name,
      tags: [...query.tags],
      description: query.description,
      query: `${oneLine(cypher.slice(0, at))} RETURN `,
      return: oneLine(cypher.slice(at + 'RETURN'.length)),
      result_headers: query.columns.map((c) => c.name),
    };
    const params = query.parameters.filter((p) => p.default !== undefined);
    if (params.length > 0) {
      entry.params = Object.fromEntries(
        params.map((p) => [p.name, { param_name: p.name, param_value: p.default }]),
      );
    }
    if (options.extended) {
      entry.title = query.title;
      entry.severity = query.severity;
      entry.remediation = query.remediation;
      entry.group = query.group;
      entry.columns = Object.fromEntries(query.columns.map((c) => [c.name, c.spec]));
      entry.identity = [...query.identity];
      entry.scope = query.scope;
      entry.parameters = query.parameters;
    }
    return entry;
  });
}

function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ').trim();
}

/** Position of the last RETURN outside strings and brackets. */
function lastReturn(cypher: string): number {
  let found = -1;
  let depth = 0;
  let quote: string | null = null;
  for (let i = 0; i < cypher.length; i++) {
    const c = cypher[i] as string;
    if (quote) {
      if (c === '\\') i += 1;
      else if (c === quote) quote = null;
      continue;
    }
    if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(' || c === '[' || c === '{') depth += 1;
    else if (c === ')' || c === ']' || c === '}') depth -= 1;
    else if (depth === 0 && /^RETURN\b/i.test(cypher.slice(i, i + 7)) && !/[\w$.]/.test(cypher[i - 1] ?? ' '))
      found = i;
  }
  return found;
}

function inlineConstants(query: CatalogueQuery): string {
  let cypher = query.cypher;
  for (const [name, value] of Object.entries(query.constants)) {
    cypher = cypher.replace(new RegExp(`\\$${name}\\b`, 'g'), cypherLiteral(value));
  }
  return cypher;
}

/** A value as a Cypher literal (strings escaped), for export only. */
function cypherLiteral(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'string') return `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(cypherLiteral).join(', ')}]`;
  throw new CatalogueError(`cannot write ${typeof value} as a Cypher literal`);
}
