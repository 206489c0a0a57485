import type { Row } from '@skygraph/core';
import type { ColumnSpec, RowOfColumns } from '../query/column-spec.ts';
import { isColumnSpec } from '../query/column-spec.ts';
import type { ColumnInfo, CompiledQuery } from '../query/compiled-query.ts';
import { assertName } from '../query/identifiers.ts';
import { CatalogueError } from './catalogue-error.ts';
import { SCOPE_KINDS, type ScopeDeclaration } from './scope-kinds.ts';

/** How serious a finding is, from `info` to `critical`. */
export type Severity = 'info' | 'low' | 'medium' | 'high' | 'critical';

/** Severities from the most to the least serious. */
export const SEVERITIES: readonly Severity[] = ['critical', 'high', 'medium', 'low', 'info'];

/** The types a parameter value can have. */
export type ParamType = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]';

/** A parameter of a catalogue query: `$name` in its Cypher. */
export interface QueryParameter {
  readonly name: string;
  readonly type: ParamType;
  readonly description: string;
  /** Used when the caller gives no value; without one the parameter is required. */
  readonly default?: string | number | boolean | readonly string[] | readonly number[];
}

/**
 * An annotated query of the catalogue. `R` is the type of its rows.
 * A query with a `severity` is a finding: each row is one problem to fix.
 */
export interface CatalogueQuery<R extends Row = Row> {
  readonly name: string;
  readonly title: string;
  /** `aws`, `gcp`, `gsuite`, or another source for imported queries. */
  readonly provider: string;
  /** Report section: `iam`, `ec2`, `gke`... */
  readonly group: string;
  readonly tags: readonly string[];
  readonly description: string;
  readonly severity: Severity | null;
  readonly remediation: string | null;
  readonly cypher: string;
  readonly columns: readonly ColumnInfo[];
  /** Columns that identify a row across runs (what drift compares); checked against the columns by defineQuery. */
  readonly identity: readonly string[];
  readonly parameters: readonly QueryParameter[];
  /** Values fixed by the definition (a builder's literals), passed as parameters like the others. */
  readonly constants: Readonly<Record<string, unknown>>;
  /** Where a scope filter attaches; null: the query cannot be narrowed to one account/project. */
  readonly scope: ScopeDeclaration | null;
  /** Phantom: the row type. */
  readonly rowType?: R;
}

interface QueryFields {
  name: string;
  title?: string;
  provider: string;
  group: string;
  tags: readonly string[];
  description: string;
  severity?: Severity | null;
  remediation?: string | null;
  parameters?: readonly QueryParameter[];
  scope?: ScopeDeclaration | null;
}

/** A query written in Cypher, with its columns declared. */
export interface CypherQueryInput<C extends Record<string, ColumnSpec>> extends QueryFields {
  cypher: string;
  columns: C;
  identity?: readonly (keyof C & string)[];
}

/** A query built with the typed builder: its columns come from the builder. */
export interface BuiltQueryInput<R extends Row> extends QueryFields {
  query: { compile(): CompiledQuery<R> };
  identity?: readonly (keyof R & string)[];
}

/**
 * Declares a catalogue query, checking it once: names, tags, columns,
 * identity keys, parameters (each `$name` used in the Cypher must be
 * declared) and the scope variable (bound to the scope's label).
 *
 * @example
 * defineQuery({
 *   name: 'rds_unencrypted', provider: 'aws', group: 'rds', tags: ['aws', 'security', 'misconfig'],
 *   description: 'RDS instances whose storage is not encrypted', severity: 'high',
 *   scope: { kind: 'account', variable: 'a' },
 *   cypher: 'MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRDSInstance) WHERE r.storage_encrypted = false RETURN a.id AS account_id, r.id AS rds_id',
 *   columns: { account_id: 'string', rds_id: 'string' },
 *   identity: ['rds_id'],
 * });
 */
export function defineQuery<const C extends Record<string, ColumnSpec>>(
  input: CypherQueryInput<C>,
): CatalogueQuery<RowOfColumns<C>>;
export function defineQuery<R extends Row>(input: BuiltQueryInput<R>): CatalogueQuery<R>;
export function defineQuery(
  input: CypherQueryInput<Record<string, ColumnSpec>> | BuiltQueryInput<Row>,
): CatalogueQuery {
  const where = `query "${String(input.name)}"`;
  let cypher: string;
  let columns: ColumnInfo[];
  let constants: Record<string, unknown> = {};
  if ('query' in input) {
    const compiled = input.query.compile();
    if (compiled.placeholders.some((p) => !(input.parameters ?? []).some((d) => d.name === p))) {
      throw new CatalogueError(`${where}: declare every param() the builder uses in "parameters"`);
    }
    cypher = compiled.cypher;
    constants = { ...compiled.params };
    columns = [...compiled.columns];
  } else {
    cypher = input.cypher;
    if (typeof input.columns !== 'object' || input.columns === null) {
      throw new CatalogueError(`${where}: "columns" must map each column name to its type`);
    }
    columns = Object.entries(input.columns).map(([name, spec]) => ({ name, spec }));
  }
  return validateQuery({
    name: input.name,
    title: input.title ?? input.description,
    provider: input.provider,
    group: input.group,
    tags: [...input.tags],
    description: input.description,
    severity: input.severity ?? null,
    remediation: input.remediation ?? null,
    cypher,
    columns,
    identity: [...(input.identity ?? columns.map((c) => c.name))],
    parameters: [...(input.parameters ?? [])],
    constants,
    scope: input.scope ?? null,
  });
}

const NAME = /^[a-z][a-z0-9_]*$/;
const TAG = /^[a-z0-9][a-z0-9_-]*$/;

/** Checks a query definition and freezes it; every error names the query and the field. */
export function validateQuery(query: CatalogueQuery): CatalogueQuery {
  const where = `query "${String(query.name)}"`;
  const fail = (field: string, message: string): never => {
    throw new CatalogueError(`${where}, field "${field}": ${message}`);
  };
  if (typeof query.name !== 'string' || !NAME.test(query.name)) {
    fail('name', 'must be snake_case (lower-case letters, digits, _), starting with a letter');
  }
  for (const field of ['title', 'provider', 'group', 'description'] as const) {
    if (typeof query[field] !== 'string' || query[field].trim() === '')
      fail(field, 'must be a non-empty string');
  }
  if (!Array.isArray(query.tags) || query.tags.length === 0) fail('tags', 'must be a non-empty list');
  for (const tag of query.tags) {
    if (typeof tag !== 'string' || !TAG.test(tag))
      fail('tags', `"${String(tag)}" is not a tag (lower-case, digits, - and _)`);
  }
  if (query.severity !== null && !['info', 'low', 'medium', 'high', 'critical'].includes(query.severity)) {
    fail('severity', `"${String(query.severity)}" is not one of info, low, medium, high, critical`);
  }
  if (typeof query.cypher !== 'string' || !/\bRETURN\b/i.test(query.cypher)) {
    fail('cypher', 'must be a Cypher query with a RETURN clause');
  }
  if (query.columns.length === 0) fail('columns', 'must declare at least one column');
  const names = new Set<string>();
  for (const column of query.columns) {
    if (names.has(column.name)) fail('columns', `"${column.name}" is declared twice`);
    names.add(column.name);
    if (!isColumnSpec(column.spec)) {
      fail(
        'columns',
        `"${column.name}" has type "${String(column.spec)}"; use string, number, boolean, string[], number[] or json, with ? when it may be null`,
      );
    }
  }
  if (query.identity.length === 0) fail('identity', 'must name at least one column');
  for (const key of query.identity) {
    if (!names.has(key)) fail('identity', `"${key}" is not a declared column`);
  }
  const declared = new Set<string>();
  for (const p of query.parameters) {
    try {
      assertName(p.name, 'parameter');
    } catch (error) {
      fail('parameters', (error as Error).message);
    }
    if (p.name.startsWith('scope_'))
      fail('parameters', `"${p.name}": scope_* parameters are reserved for scope filters`);
    if (!['string', 'number', 'boolean', 'string[]', 'number[]'].includes(p.type)) {
      fail('parameters', `"${p.name}" has type "${String(p.type)}"`);
    }
    if (p.default !== undefined && !paramValueFits(p.type, p.default)) {
      fail('parameters', `the default of "${p.name}" is not a ${p.type}`);
    }
    declared.add(p.name);
  }
  const used = new Set(parameterNames(query.cypher));
  for (const name of declared) {
    if (!used.has(name)) fail('parameters', `"${name}" is declared but the Cypher never uses $${name}`);
  }
  for (const used of parameterNames(query.cypher)) {
    if (!declared.has(used) && !used.startsWith('scope_') && !(used in query.constants)) {
      fail('parameters', `the Cypher uses $${used}, which is not declared`);
    }
  }
  if (query.scope !== null) {
    const kind = SCOPE_KINDS[query.scope.kind];
    if (!kind) fail('scope', `"${String(query.scope.kind)}" is not one of account, project, customer`);
    try {
      assertName(query.scope.variable, 'scope variable');
    } catch (error) {
      fail('scope', (error as Error).message);
    }
    const binding = new RegExp(`\\(\\s*${query.scope.variable}\\s*:\\s*${kind.label}\\b`);
    if (!binding.test(query.cypher)) {
      fail(
        'scope',
        `the Cypher must bind (${query.scope.variable}:${kind.label}) in a MATCH for the scope filter to apply`,
      );
    }
    if (/\bUNION\b/i.test(query.cypher)) fail('scope', 'a scoped query cannot use UNION');
  }
  return Object.freeze({
    ...query,
    tags: Object.freeze([...new Set(query.tags)]),
    columns: Object.freeze(query.columns.map((c) => Object.freeze({ ...c }))),
    identity: Object.freeze([...query.identity]),
    parameters: Object.freeze(query.parameters.map((p) => Object.freeze({ ...p }))),
    constants: Object.freeze({ ...query.constants }),
  });
}

/** The `$names` a Cypher text uses (outside string literals). */
export function parameterNames(cypher: string): string[] {
  const text = cypher.replace(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g, "''");
  return [...new Set([...text.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1] as string))];
}

/** Whether a value fits a parameter type. */
export function paramValueFits(type: ParamType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
  }
}

/** Whether a query is a finding (it has a severity). */
export function isFinding(query: CatalogueQuery): boolean {
  return query.severity !== null;
}

export type { ColumnSpec };
