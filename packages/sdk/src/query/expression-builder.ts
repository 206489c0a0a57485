import type { ComparisonOp, Expr, NullOp, ValueNode, ValueOp } from './ast.ts';
import type { Bindings, GraphModel, PropRef, RefValue, RelBetween } from './model-types.ts';
import type { OpValue } from './operator-types.ts';
import { isParamRef } from './param.ts';
import { QueryError } from './query-error.ts';
import type { QueryScope } from './query-scope.ts';

declare const exprBrand: unique symbol;

/** A boolean condition, made by an {@link ExpressionBuilder}. */
export interface Expression {
  readonly expr: Expr;
  readonly [exprBrand]?: true;
}

/** `{ from: 'k', rel, node }`: `(k)-[:rel]->(:node)`; `{ to: 'k', rel, node }`: `(:node)-[:rel]->(k)`. */
export type ExistsPattern<M extends GraphModel, B extends Bindings> =
  | {
      [V in keyof B & string]: {
        [L in keyof M & string]: { from: V; rel: RelBetween<B[V]['schema'], M[L], M>; node: L };
      }[keyof M & string];
    }[keyof B & string]
  | {
      [V in keyof B & string]: {
        [L in keyof M & string]: { to: V; rel: RelBetween<M[L], B[V]['schema'], M>; node: L };
      }[keyof M & string];
    }[keyof B & string];

/**
 * Builds conditions for `where`: call it to compare a property, combine with
 * `and` / `or` / `not`, test relationships with `exists`.
 *
 * @example
 * q.where((eb) => eb.or([eb('i.state', '=', 'running'), eb('i.state', 'is null')]))
 */
export interface ExpressionBuilder<M extends GraphModel, B extends Bindings> {
  <R extends PropRef<B>, O extends ValueOp>(ref: R, op: O, value: OpValue<O, RefValue<B, R>>): Expression;
  <R extends PropRef<B>>(ref: R, op: NullOp): Expression;
  /** Compares two properties: `eb.refs('a.id', '=', 'b.owner_id')`. */
  refs(left: PropRef<B>, op: ComparisonOp, right: PropRef<B>): Expression;
  and(items: readonly Expression[]): Expression;
  or(items: readonly Expression[]): Expression;
  not(item: Expression): Expression;
  /** Whether a bound node has a relationship to some node with a label. */
  exists(pattern: ExistsPattern<M, B>): Expression;
}

/** The operators that take a value. */
export const VALUE_OPS: ReadonlySet<string> = new Set([
  '=',
  '<>',
  '<',
  '<=',
  '>',
  '>=',
  'in',
  'includes',
  'contains',
  'starts with',
  'ends with',
  '=~',
]);
const NULL_OPS = new Set(['is null', 'is not null']);
const COMPARISONS = new Set(['=', '<>', '<', '<=', '>', '>=']);

/** Turns a value argument into a node: placeholders stay named, anything else becomes a parameter. */
export function valueNode(value: unknown, op: string): ValueNode {
  if (isParamRef(value)) return { kind: 'param', name: value.name };
  if (value === undefined) throw new QueryError(`operator "${op}" needs a value`);
  if (op === 'in' && !Array.isArray(value)) {
    throw new QueryError('operator "in" needs a list of values');
  }
  return { kind: 'value', value };
}

/** One comparison, checked against the scope. */
export function comparison(scope: QueryScope, ref: string, op: string, value?: unknown): Expr {
  const left = scope.prop(ref);
  if (NULL_OPS.has(op)) {
    return {
      kind: 'null-check',
      prop: { variable: left.variable, property: left.property },
      op: op as NullOp,
    };
  }
  if (!VALUE_OPS.has(op)) throw new QueryError(`unknown operator "${op}"`);
  return {
    kind: 'compare',
    left: { variable: left.variable, property: left.property },
    op: op as ValueOp,
    right: valueNode(value, op),
  };
}

export function createExpressionBuilder<M extends GraphModel, B extends Bindings>(
  scope: QueryScope,
): ExpressionBuilder<M, B> {
  const wrap = (expr: Expr): Expression => ({ expr });
  const call = (ref: string, op: string, value?: unknown) => wrap(comparison(scope, ref, op, value));
  const unwrap = (items: readonly Expression[]) => {
    if (!Array.isArray(items)) throw new QueryError('and/or take a list of conditions');
    return items.map((item) => item.expr);
  };
  return Object.assign(call, {
    refs(left: string, op: ComparisonOp, right: string): Expression {
      if (!COMPARISONS.has(op)) throw new QueryError(`operator "${op}" cannot compare two properties`);
      const l = scope.prop(left);
      const r = scope.prop(right);
      return wrap({
        kind: 'compare-props',
        left: { variable: l.variable, property: l.property },
        op,
        right: { variable: r.variable, property: r.property },
      });
    },
    and: (items: readonly Expression[]) => wrap({ kind: 'and', items: unwrap(items) }),
    or: (items: readonly Expression[]) => wrap({ kind: 'or', items: unwrap(items) }),
    not: (item: Expression) => wrap({ kind: 'not', item: item.expr }),
    exists(pattern: { from: string; rel: string; node: string } | { to: string; rel: string; node: string }) {
      const node = scope.schema(pattern.node);
      if ('from' in pattern) {
        scope.assertRelationship(scope.binding(pattern.from).schema, node, pattern.rel);
        return wrap({
          kind: 'exists',
          variable: pattern.from,
          label: node.label,
          type: pattern.rel,
          direction: 'out',
        });
      }
      scope.assertRelationship(node, scope.binding(pattern.to).schema, pattern.rel);
      return wrap({
        kind: 'exists',
        variable: pattern.to,
        label: node.label,
        type: pattern.rel,
        direction: 'in',
      });
    },
  }) as unknown as ExpressionBuilder<M, B>;
}
