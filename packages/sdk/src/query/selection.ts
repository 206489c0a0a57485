import type { AggregateFn, ReturnExpr, ReturnItem } from './ast.ts';
import type { ColumnSpec } from './column-spec.ts';
import { nullableSpec } from './column-spec.ts';
import { assertName } from './identifiers.ts';
import type { Bindings, NodeValue, PropRef, RefValue } from './model-types.ts';
import { QueryError } from './query-error.ts';
import type { QueryScope } from './query-scope.ts';

declare const valueBrand: unique symbol;

/** A return expression with its column name; `V` is the column's value type. */
export interface Aliased<K extends string, V> {
  readonly alias: K;
  readonly item: ReturnItem;
  readonly [valueBrand]?: V;
}

/** A return expression waiting for its column name. */
export interface Pending<V> {
  as<const K extends string>(alias: K): Aliased<K, V>;
}

type VarRef<B extends Bindings> = keyof B & string;

type VarValue<B extends Bindings, V extends string> = V extends keyof B
  ? NodeValue<B[V]['schema']> | (B[V]['optional'] extends true ? null : never)
  : never;

/** Aggregations and other computed columns for `return((f) => ...)`. */
export interface AggregateBuilder<B extends Bindings> {
  /** `count(*)`, or of a variable / property (nulls not counted). */
  count(target?: VarRef<B> | PropRef<B>): Pending<number>;
  countDistinct(target: VarRef<B> | PropRef<B>): Pending<number>;
  collect<R extends PropRef<B>>(ref: R): Pending<Exclude<RefValue<B, R>, null>[]>;
  collect<V extends VarRef<B>>(variable: V): Pending<Exclude<VarValue<B, V>, null>[]>;
  collectDistinct<R extends PropRef<B>>(ref: R): Pending<Exclude<RefValue<B, R>, null>[]>;
  collectDistinct<V extends VarRef<B>>(variable: V): Pending<Exclude<VarValue<B, V>, null>[]>;
  min<R extends PropRef<B>>(ref: R): Pending<RefValue<B, R> | null>;
  max<R extends PropRef<B>>(ref: R): Pending<RefValue<B, R> | null>;
  sum(ref: PropRef<B>): Pending<number>;
  avg(ref: PropRef<B>): Pending<number | null>;
  /** A plain property under a column name (same as the string `'x.prop as name'`). */
  prop<R extends PropRef<B>>(ref: R): Pending<RefValue<B, R>>;
}

/** What `return(...)` takes: `'i.prop'`, `'i.prop as name'`, `'i'`, `'i as node'`, or `(f) => f.count('i').as('n')`. */
export type Selection<B extends Bindings> =
  | PropRef<B>
  | `${PropRef<B>} as ${string}`
  | VarRef<B>
  | `${VarRef<B>} as ${string}`
  | ((f: AggregateBuilder<B>) => Aliased<string, unknown>);

type ExprValue<B extends Bindings, E extends string> = E extends `${string}.${string}`
  ? RefValue<B, E>
  : VarValue<B, E>;

type SelectionRow<B extends Bindings, S> = S extends (f: never) => Aliased<infer K, infer V>
  ? { [P in K]: V }
  : S extends `${infer E} as ${infer A}`
    ? { [P in A]: ExprValue<B, E> }
    : S extends `${string}.${infer P}`
      ? { [K in P]: ExprValue<B, S> }
      : S extends string
        ? { [K in S]: ExprValue<B, S> }
        : never;

/** The row type a list of selections adds. */
export type SelectionsRow<B extends Bindings, S extends readonly unknown[]> = S extends readonly [
  infer H,
  ...infer T,
]
  ? SelectionRow<B, H> & SelectionsRow<B, T>
  : unknown;

const SELECTION =
  /^([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))?(?: as ([A-Za-z_][A-Za-z0-9_]*))?$/;

/** Resolves one selection against the scope. */
export function resolveSelection(scope: QueryScope, selection: unknown): ReturnItem {
  if (typeof selection === 'function') {
    const aliased = selection(createAggregateBuilder(scope)) as Aliased<string, unknown> | undefined;
    if (!aliased || typeof aliased.alias !== 'string' || !aliased.item) {
      throw new QueryError('a return((f) => ...) callback must return f.<fn>(...).as("name")');
    }
    return aliased.item;
  }
  if (typeof selection !== 'string') throw new QueryError(`cannot return ${typeof selection}`);
  const match = SELECTION.exec(selection);
  if (!match) {
    throw new QueryError(`"${selection}" is not a selection: use "var", "var.prop" or "var.prop as name"`);
  }
  const [, variable = '', property, alias] = match;
  if (property !== undefined) {
    const prop = scope.prop(`${variable}.${property}`);
    return item({ kind: 'prop', prop: { variable, property } }, alias ?? property, prop.spec);
  }
  scope.binding(variable);
  return item(
    { kind: 'node', variable },
    alias ?? variable,
    scope.binding(variable).optional ? 'json?' : 'json',
  );
}

function item(expr: ReturnExpr, alias: string, spec: ColumnSpec): ReturnItem {
  return { expr, alias: assertName(alias, 'column name'), spec };
}

function pending(expr: ReturnExpr, spec: ColumnSpec): Pending<never> {
  return { as: (alias: string) => ({ alias, item: item(expr, alias, spec) }) as never };
}

function listSpec(spec: ColumnSpec): ColumnSpec {
  const base = spec.replace('?', '');
  return base === 'string' || base === 'number' ? (`${base}[]` as ColumnSpec) : 'json';
}

function createAggregateBuilder(scope: QueryScope): AggregateBuilder<Bindings> {
  const arg = (target: string) => {
    if (target.includes('.')) {
      const prop = scope.prop(target);
      return {
        node: { kind: 'prop' as const, prop: { variable: prop.variable, property: prop.property } },
        spec: prop.spec,
      };
    }
    scope.binding(target);
    return { node: { kind: 'node' as const, variable: target }, spec: 'json' as ColumnSpec };
  };
  const aggregate = (
    fn: AggregateFn,
    target: string | undefined,
    distinct: boolean,
    spec: (s: ColumnSpec) => ColumnSpec,
  ) => {
    if (target === undefined) return pending({ kind: 'aggregate', fn, distinct, arg: null }, spec('json'));
    const a = arg(target);
    return pending({ kind: 'aggregate', fn, distinct, arg: a.node }, spec(a.spec));
  };
  return {
    count: (target?: string) => aggregate('count', target, false, () => 'number'),
    countDistinct: (target: string) => aggregate('count', target, true, () => 'number'),
    collect: (target: string) => aggregate('collect', target, false, listSpec),
    collectDistinct: (target: string) => aggregate('collect', target, true, listSpec),
    min: (ref: string) => aggregate('min', ref, false, nullableSpec),
    max: (ref: string) => aggregate('max', ref, false, nullableSpec),
    sum: (ref: string) => aggregate('sum', ref, false, () => 'number'),
    avg: (ref: string) => aggregate('avg', ref, false, () => 'number?'),
    prop: (ref: string) => {
      const prop = scope.prop(ref);
      return pending({ kind: 'prop', prop: { variable: prop.variable, property: prop.property } }, prop.spec);
    },
  } as AggregateBuilder<Bindings>;
}
