import type { AnyNodeSchema, BOOKKEEPING_PROPERTIES, NodeProps, PropSpec } from '@skygraph/core';
import type { ColumnSpec, ColumnValue } from './column-spec.ts';

/**
 * Type-level view of the graph: what the compiler knows about labels,
 * properties and relationships. Everything here is computed from the node
 * schemas' own types, so a schema change is a compile error in every query
 * that no longer fits it.
 */

/** Node schemas by label. */
export type GraphModel = Record<string, AnyNodeSchema>;

/**
 * A schema under one of its legacy labels, for queries written against the
 * type's earlier label: the same properties and relationships, its current
 * label kept as `aliasOf`.
 */
export type LegacyAlias<S extends AnyNodeSchema, A extends string> = Omit<S, 'label' | 'legacyLabels'> & {
  readonly label: A;
  readonly legacyLabels: readonly never[];
  readonly aliasOf: S['label'];
};

/** The current label of a legacy alias; never for a schema under its own label. */
type AliasedLabelOf<S extends AnyNodeSchema> = S extends { aliasOf: infer A extends string } ? A : never;

/** The model of a list of schemas: `{ [label]: schema }`. */
export type ModelOf<Schemas extends readonly AnyNodeSchema[]> = {
  [S in Schemas[number] as S['label']]: S;
};

/** Properties every loaded node has besides its schema's. */
export type BookkeepingProps = typeof BOOKKEEPING_PROPERTIES;

/** The declared keys of a record type, without its string index signature. */
type DeclaredOnly<T> = { [K in keyof T as string extends K ? never : K]: T[K] };

/** The property specs of a schema: loaded, computed by analysis, and bookkeeping. */
export type PropSpecsOf<S extends AnyNodeSchema> = S['properties'] &
  DeclaredOnly<S['computed']> &
  BookkeepingProps;

/** The property names of a schema, bookkeeping included. */
export type PropNameOf<S extends AnyNodeSchema> = keyof PropSpecsOf<S> & string;

/** What a query variable is bound to: a schema, and whether an OPTIONAL MATCH bound it. */
export interface Binding {
  readonly schema: AnyNodeSchema;
  readonly optional: boolean;
}

/** Variables bound so far. */
export type Bindings = Record<string, Binding>;

/** Flattens an intersection for readable hovers and errors. */
export type Simplify<T> = { [K in keyof T]: T[K] } & {};

/** Adds a variable to the bindings. */
export type Bind<B extends Bindings, V extends string, S extends AnyNodeSchema, O extends boolean> = Simplify<
  B & { [K in V]: { schema: S; optional: O } }
>;

/** A variable name that is not bound yet (binding one twice is a compile error). */
export type FreshVar<V extends string, B extends Bindings> = V extends keyof B ? never : V;

/** `var.property` for every bound variable and each of its properties, e.g. `'i.publicdnsname'`. */
export type PropRef<B extends Bindings> = {
  [V in keyof B & string]: `${V}.${PropNameOf<B[V]['schema']>}`;
}[keyof B & string];

/** The spec of the property a reference names, made nullable when its variable is optional. */
export type RefSpec<B extends Bindings, R extends string> = R extends `${infer V}.${infer P}`
  ? V extends keyof B
    ? P extends keyof PropSpecsOf<B[V]['schema']>
      ? PropSpecsOf<B[V]['schema']>[P] extends infer S extends PropSpec
        ? B[V]['optional'] extends true
          ? S extends `${string}?`
            ? S
            : `${S}?`
          : S
        : never
      : never
    : never
  : never;

/** The value a property reference holds in a result row. */
export type RefValue<B extends Bindings, R extends string> =
  RefSpec<B, R> extends infer S extends ColumnSpec ? ColumnValue<S> : never;

/** A whole node as a result value: its properties plus its labels. */
export type NodeValue<S extends AnyNodeSchema> = NodeProps<S> & { readonly _labels: string[] };

type RelSpecsOf<S extends AnyNodeSchema> = S['relationships'][keyof S['relationships']];

type ExtraLabelsOf<S extends AnyNodeSchema> = S['extraLabels'][number];

/**
 * Whether a relationship target (a label) can be a node of schema S. A
 * target that is some schema's own label fits only that schema; any other
 * target (an extra label such as AWSPrincipal) fits schemas that carry it,
 * or whose extra labels the type does not know. A target label the type
 * does not know (string) fits everything: the runtime check decides.
 */
type TargetFits<TargetLabel, S extends AnyNodeSchema, M extends GraphModel> = string extends TargetLabel
  ? true
  : TargetLabel extends S['label'] | AliasedLabelOf<S>
    ? true
    : TargetLabel extends keyof M
      ? false
      : string extends ExtraLabelsOf<S>
        ? true
        : TargetLabel extends ExtraLabelsOf<S>
          ? true
          : false;

/** Types T declared on A as `(A)-[:T]->(target)` where the target can be N. */
type OutgoingOf<A extends AnyNodeSchema, N extends AnyNodeSchema, M extends GraphModel> =
  RelSpecsOf<A> extends infer R
    ? R extends { type: infer T extends string; direction: infer D; target: { label: infer L } }
      ? 'out' extends D
        ? TargetFits<L, N, M> extends true
          ? T
          : never
        : never
      : never
    : never;

/** Types T declared on N as `(N)<-[:T]-(target)` where the target can be A. */
type IncomingOf<N extends AnyNodeSchema, A extends AnyNodeSchema, M extends GraphModel> =
  RelSpecsOf<N> extends infer R
    ? R extends { type: infer T extends string; direction: infer D; target: { label: infer L } }
      ? 'in' extends D
        ? TargetFits<L, A, M> extends true
          ? T
          : never
        : never
      : never
    : never;

/** Relationship types the schemas declare for `(A)-[:T]->(N)`, from either end. */
export type RelBetween<A extends AnyNodeSchema, N extends AnyNodeSchema, M extends GraphModel = GraphModel> =
  | OutgoingOf<A, N, M>
  | IncomingOf<N, A, M>;

type ScopeOwnerLabel<S extends AnyNodeSchema> =
  NonNullable<S['scope']> extends { owner: { label: infer L } } ? L : never;

/** Bound variables that can own N through N's scope relationship (`(owner)-[:RESOURCE]->(n)`). */
export type OwnerVars<B extends Bindings, N extends AnyNodeSchema, M extends GraphModel = GraphModel> = {
  [V in keyof B & string]: TargetFits<ScopeOwnerLabel<N>, B[V]['schema'], M> extends true ? V : never;
}[keyof B & string];

/** Variable-length hops: `[min, max]`. */
export type Hops = readonly [number, number];

/**
 * How a newly matched node N links to a bound variable:
 * `{ from: 'i', rel: 'T' }` is `(i)-[:T]->(n)`, `{ to: 'i', rel: 'T' }` is
 * `(n)-[:T]->(i)`, `{ owner: 'a' }` is N's scope relationship `(a)-[:RESOURCE]->(n)`.
 */
export type LinkTo<B extends Bindings, N extends AnyNodeSchema, M extends GraphModel = GraphModel> =
  | { [V in keyof B & string]: { from: V; rel: RelBetween<B[V]['schema'], N, M>; hops?: Hops } }[keyof B &
      string]
  | { [V in keyof B & string]: { to: V; rel: RelBetween<N, B[V]['schema'], M>; hops?: Hops } }[keyof B &
      string]
  | { owner: OwnerVars<B, N, M> };
