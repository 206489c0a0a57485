import type { AnyNodeSchema } from '@skygraph/core';
import type { Bind, GraphModel, ModelOf } from './model-types.ts';
import type { QueryBuilder } from './query-builder.ts';
import { QueryBuilderImpl } from './query-builder.ts';
import { QueryError } from './query-error.ts';
import { QueryScope } from './query-scope.ts';

/** No variables bound yet. */
// biome-ignore lint/complexity/noBannedTypes: the empty binding set and the empty row start as {}
export type Empty = {};

/** A graph model to build queries over: its schemas by label. */
export interface Graph<M extends GraphModel> {
  /** The schemas, by label. */
  readonly model: M;
  /** Starts a query with `MATCH (variable:Label)`. */
  match<V extends string, L extends keyof M & string>(
    variable: V,
    label: L,
  ): QueryBuilder<M, Bind<Empty, V, M[L], false>, Empty>;
}

/**
 * Makes a query builder over node schemas. The labels, properties and
 * relationships the schemas declare are all a query can use.
 *
 * @example
 * const graph = createGraph([...awsSchemas, ...gcpSchemas]);
 * graph.match('b', 'AWSS3Bucket').where('b.anonymous_access', '=', true).return('b.name');
 */
export function createGraph<const S extends readonly AnyNodeSchema[]>(schemas: S): Graph<ModelOf<S>> {
  const byLabel = new Map<string, AnyNodeSchema>();
  for (const schema of schemas) {
    const existing = byLabel.get(schema.label);
    if (existing && existing !== schema) {
      throw new QueryError(`two different schemas are labelled ${schema.label}`);
    }
    byLabel.set(schema.label, schema);
  }
  const scope = new QueryScope(byLabel);
  const model = Object.freeze(Object.fromEntries(byLabel)) as ModelOf<S>;
  return Object.freeze({
    model,
    match: (variable: string, label: string) =>
      new QueryBuilderImpl(scope).match(variable, label) as unknown as QueryBuilder<ModelOf<S>, never, Empty>,
  }) as unknown as Graph<ModelOf<S>>;
}
