import type { Row } from '@skygraph/core';
import type { Expr, MatchClause, NullOp, QueryAst, ValueOp } from './ast.ts';
import { EMPTY_QUERY } from './ast.ts';
import { compileQuery } from './compile.ts';
import type { CompiledQuery, Queryable } from './compiled-query.ts';
import type { Expression, ExpressionBuilder } from './expression-builder.ts';
import { comparison, createExpressionBuilder, VALUE_OPS, valueNode } from './expression-builder.ts';
import type {
  Bind,
  Bindings,
  FreshVar,
  GraphModel,
  LinkTo,
  PropRef,
  RefValue,
  Simplify,
} from './model-types.ts';
import type { OpValue } from './operator-types.ts';
import { QueryError } from './query-error.ts';
import type { LinkOption, QueryScope } from './query-scope.ts';
import { runCompiled } from './run-compiled.ts';
import type { Selection, SelectionsRow } from './selection.ts';
import { resolveSelection } from './selection.ts';

/**
 * An immutable Cypher query over a graph model: each call returns a new
 * builder. Labels, relationship types and `var.property` references are
 * checked against the schemas by the compiler, and `return(...)` grows the
 * row type. Values always become parameters.
 *
 * @example
 * const q = graph
 *   .match('a', 'AWSAccount')
 *   .match('i', 'AWSEC2Instance', { owner: 'a' })
 *   .where('i.exposed_internet', '=', true)
 *   .return('a.name as account', 'i.instanceid', 'i.publicdnsname')
 *   .orderBy('account');
 * const rows = await q.run(client); // { account: string | null; instanceid: string; publicdnsname: string | null }[]
 */
export interface QueryBuilder<M extends GraphModel, B extends Bindings, R extends Row> {
  /** `MATCH (v:Label)`, optionally linked to a bound variable (see {@link LinkTo}). */
  match<V extends string, L extends keyof M & string>(
    variable: FreshVar<V, B>,
    label: L,
    link?: LinkTo<B, M[L], M>,
  ): QueryBuilder<M, Bind<B, V, M[L], false>, R>;
  /** `OPTIONAL MATCH`: the variable's properties (and the node) may be null in rows. */
  optionalMatch<V extends string, L extends keyof M & string>(
    variable: FreshVar<V, B>,
    label: L,
    link: LinkTo<B, M[L], M>,
  ): QueryBuilder<M, Bind<B, V, M[L], true>, R>;
  /**
   * A condition (several are ANDed). It applies where the last variable it
   * names is bound: on an `optionalMatch` variable it narrows that optional
   * match (rows stay, with nulls); on required variables it filters rows.
   */
  where<P extends PropRef<B>, O extends ValueOp>(
    ref: P,
    op: O,
    value: OpValue<O, RefValue<B, P>>,
  ): QueryBuilder<M, B, R>;
  where<P extends PropRef<B>>(ref: P, op: NullOp): QueryBuilder<M, B, R>;
  where(build: (eb: ExpressionBuilder<M, B>) => Expression): QueryBuilder<M, B, R>;
  /** Adds result columns. */
  return<const S extends readonly Selection<B>[]>(
    ...selections: S
  ): QueryBuilder<M, B, Simplify<R & SelectionsRow<B, S>>>;
  /** `RETURN DISTINCT`. */
  distinct(): QueryBuilder<M, B, R>;
  /** A condition on a returned column, e.g. an aggregate: `having('groups', '>', 3)`. */
  having<C extends keyof R & string, O extends ValueOp>(
    column: C,
    op: O,
    value: OpValue<O, R[C]>,
  ): QueryBuilder<M, B, R>;
  having<C extends keyof R & string>(column: C, op: NullOp): QueryBuilder<M, B, R>;
  orderBy(column: keyof R & string, direction?: 'asc' | 'desc'): QueryBuilder<M, B, R>;
  skip(count: number): QueryBuilder<M, B, R>;
  limit(count: number): QueryBuilder<M, B, R>;
  /** The Cypher text, parameters and column types. */
  compile(): CompiledQuery<R>;
  /** Runs the query on a store or client; `params` supplies the `param()` placeholders. */
  run(target: Queryable, params?: Record<string, unknown>): Promise<R[]>;
  /** The query as data. */
  toAst(): QueryAst;
}

/** The builder's implementation; {@link QueryBuilder} is its typed face. */
export class QueryBuilderImpl {
  readonly #scope: QueryScope;
  readonly #ast: QueryAst;

  constructor(scope: QueryScope, ast: QueryAst = EMPTY_QUERY) {
    this.#scope = scope;
    this.#ast = ast;
  }

  #next(ast: Partial<QueryAst>, scope: QueryScope = this.#scope): QueryBuilderImpl {
    return new QueryBuilderImpl(scope, Object.freeze({ ...this.#ast, ...ast }));
  }

  #assertOpen(what: string): void {
    if (this.#ast.returns.length > 0) throw new QueryError(`${what} must come before return()`);
  }

  match(variable: string, label: string, link?: LinkOption): QueryBuilderImpl {
    return this.#match(false, variable, label, link);
  }

  optionalMatch(variable: string, label: string, link: LinkOption): QueryBuilderImpl {
    if (this.#ast.clauses.length === 0) throw new QueryError('a query cannot start with optionalMatch()');
    return this.#match(true, variable, label, link);
  }

  #match(optional: boolean, variable: string, label: string, link: LinkOption | undefined): QueryBuilderImpl {
    this.#assertOpen('match()');
    const schema = this.#scope.schema(label);
    const linkNode = link === undefined ? undefined : this.#scope.link(schema, link);
    const scope = this.#scope.bind(variable, schema, optional);
    const clause: MatchClause = {
      kind: 'match',
      optional,
      variable,
      label: schema.label,
      ...(linkNode ? { link: linkNode } : {}),
      where: [],
    };
    return this.#next({ clauses: [...this.#ast.clauses, clause] }, scope);
  }

  where(first: unknown, op?: string, value?: unknown): QueryBuilderImpl {
    this.#assertOpen('where()');
    if (this.#ast.clauses.length === 0) throw new QueryError('where() needs a match() first');
    let expr: Expr;
    if (typeof first === 'function') {
      const built = first(createExpressionBuilder(this.#scope)) as Expression | undefined;
      if (!built?.expr) throw new QueryError('a where((eb) => ...) callback must return a condition');
      expr = built.expr;
    } else {
      expr = comparison(this.#scope, first as string, op ?? '', value);
    }
    // The condition goes where its last variable is bound: about an optional variable it narrows
    // that OPTIONAL MATCH (Cypher's rule); about required ones it filters rows, whatever came after.
    const used = variablesOf(expr);
    let at = this.#ast.clauses.length - 1;
    while (at > 0 && !used.has((this.#ast.clauses[at] as MatchClause).variable)) at -= 1;
    const clauses = this.#ast.clauses.map((clause, i) =>
      i === at ? { ...clause, where: [...clause.where, expr] } : clause,
    );
    return this.#next({ clauses });
  }

  return(...selections: unknown[]): QueryBuilderImpl {
    if (this.#ast.clauses.length === 0) throw new QueryError('return() needs a match() first');
    const items = selections.map((s) => resolveSelection(this.#scope, s));
    const returns = [...this.#ast.returns, ...items];
    const seen = new Set<string>();
    for (const item of returns) {
      if (seen.has(item.alias)) {
        throw new QueryError(`two columns are named "${item.alias}"; name one with "x.prop as other_name"`);
      }
      seen.add(item.alias);
    }
    return this.#next({ returns });
  }

  distinct(): QueryBuilderImpl {
    return this.#next({ distinct: true });
  }

  having(column: string, op: string, value?: unknown): QueryBuilderImpl {
    this.#assertColumn(column, 'having()');
    if (op === 'is null' || op === 'is not null') {
      return this.#next({ having: [...this.#ast.having, { column, op }] });
    }
    if (!VALUE_OPS.has(op)) throw new QueryError(`unknown operator "${op}"`);
    return this.#next({
      having: [...this.#ast.having, { column, op: op as ValueOp, value: valueNode(value, op) }],
    });
  }

  orderBy(column: string, direction: 'asc' | 'desc' = 'asc'): QueryBuilderImpl {
    this.#assertColumn(column, 'orderBy()');
    if (direction !== 'asc' && direction !== 'desc')
      throw new QueryError(`orderBy(): direction must be asc or desc`);
    return this.#next({ orderBy: [...this.#ast.orderBy, { column, direction }] });
  }

  skip(count: number): QueryBuilderImpl {
    return this.#next({ skip: count_(count, 'skip') });
  }

  limit(count: number): QueryBuilderImpl {
    return this.#next({ limit: count_(count, 'limit') });
  }

  #assertColumn(column: string, what: string): void {
    if (!this.#ast.returns.some((item) => item.alias === column)) {
      const names = this.#ast.returns.map((item) => item.alias);
      throw new QueryError(
        `${what}: "${column}" is not a returned column${names.length > 0 ? ` (columns: ${names.join(', ')})` : ''}`,
      );
    }
  }

  compile(): CompiledQuery {
    if (this.#ast.returns.length === 0) throw new QueryError('the query returns nothing: add return(...)');
    return compileQuery(this.#ast);
  }

  run(target: Queryable, params: Record<string, unknown> = {}): Promise<Row[]> {
    return runCompiled(target, this.compile(), params);
  }

  toAst(): QueryAst {
    return this.#ast;
  }
}

function count_(value: number, what: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new QueryError(`${what}() takes a non-negative integer, got ${value}`);
  }
  return value;
}

/** The variables a condition names. */
function variablesOf(expr: Expr): Set<string> {
  switch (expr.kind) {
    case 'compare':
      return new Set([expr.left.variable]);
    case 'compare-props':
      return new Set([expr.left.variable, expr.right.variable]);
    case 'null-check':
      return new Set([expr.prop.variable]);
    case 'exists':
      return new Set([expr.variable]);
    case 'not':
      return variablesOf(expr.item);
    case 'and':
    case 'or':
      return new Set(expr.items.flatMap((item) => [...variablesOf(item)]));
  }
}
