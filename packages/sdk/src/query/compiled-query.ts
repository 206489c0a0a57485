import type { Row } from '@skygraph/core';
import type { ColumnSpec } from './column-spec.ts';

/** A column of a compiled query: its name in the result rows and its type. */
export interface ColumnInfo {
  readonly name: string;
  readonly spec: ColumnSpec;
}

declare const rowType: unique symbol;

/**
 * A query ready to run: Cypher text with every value as a parameter.
 * `R` is the type of its result rows (a phantom: it exists only for the
 * compiler).
 */
export interface CompiledQuery<R extends Row = Row> {
  readonly cypher: string;
  readonly params: Readonly<Record<string, unknown>>;
  readonly columns: readonly ColumnInfo[];
  /** Named parameters the caller must supply when running it (from `param('name')`). */
  readonly placeholders: readonly string[];
  readonly [rowType]?: R;
}

/** The row type of a compiled query. */
export type RowOf<Q> = Q extends CompiledQuery<infer R> ? R : never;

/** Anything that can run a read query: a `GraphStore` or a `SkygraphClient`. */
export interface Queryable {
  read<T extends Row = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
}
