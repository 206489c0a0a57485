export type { AggregateFn, ComparisonOp, Expr, NullOp, QueryAst, StringOp, ValueOp } from './ast.ts';
export {
  type ColumnSpec,
  type ColumnValue,
  isColumnSpec,
  type RowOfColumns,
  valueMatchesSpec,
} from './column-spec.ts';
export { compileQuery } from './compile.ts';
export type { ColumnInfo, CompiledQuery, Queryable, RowOf } from './compiled-query.ts';
export { createGraph, type Empty, type Graph } from './create-graph.ts';
export type { ExistsPattern, Expression, ExpressionBuilder } from './expression-builder.ts';
export type {
  Bind,
  Binding,
  Bindings,
  GraphModel,
  LinkTo,
  ModelOf,
  NodeValue,
  PropRef,
  RefValue,
  RelBetween,
} from './model-types.ts';
export type { OpValue } from './operator-types.ts';
export { type ParamRef, param } from './param.ts';
export type { QueryBuilder } from './query-builder.ts';
export { QueryError } from './query-error.ts';
export { runCompiled } from './run-compiled.ts';
export { awsSchemas, gcpSchemas, graph, gsuiteSchemas } from './schema-graph.ts';
export type { AggregateBuilder, Aliased, Pending, Selection, SelectionsRow } from './selection.ts';
