import type { ColumnSpec } from './column-spec.ts';

/**
 * The query as data. Identifiers in it (variables, labels, relationship
 * types, properties, aliases) were validated when the builder added them;
 * values never appear in it as text, only as {@link ValueNode}s that the
 * compiler turns into parameters.
 */

/** A literal value (becomes a generated parameter) or a named placeholder the caller supplies. */
export type ValueNode = { readonly kind: 'value'; readonly value: unknown } | ParamNode;

export interface ParamNode {
  readonly kind: 'param';
  readonly name: string;
}

export interface PropNode {
  readonly variable: string;
  readonly property: string;
}

export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type StringOp = 'contains' | 'starts with' | 'ends with' | '=~';
export type ValueOp = ComparisonOp | StringOp | 'in' | 'includes';
export type NullOp = 'is null' | 'is not null';

/** `(from)-[:type*min..max]->(to)`: the node at `to` may be anonymous with a label. */
export interface LinkNode {
  /** The variable the new node links to. */
  readonly other: string;
  readonly type: string;
  /** `out`: `(other)-[:type]->(new)`; `in`: `(new)-[:type]->(other)`. */
  readonly direction: 'out' | 'in';
  readonly hops?: readonly [number, number];
}

export type Expr =
  | { readonly kind: 'compare'; readonly left: PropNode; readonly op: ValueOp; readonly right: ValueNode }
  | {
      readonly kind: 'compare-props';
      readonly left: PropNode;
      readonly op: ComparisonOp;
      readonly right: PropNode;
    }
  | { readonly kind: 'null-check'; readonly prop: PropNode; readonly op: NullOp }
  | { readonly kind: 'and' | 'or'; readonly items: readonly Expr[] }
  | { readonly kind: 'not'; readonly item: Expr }
  | {
      readonly kind: 'exists';
      readonly variable: string;
      readonly label: string;
      readonly type: string;
      /** `out`: `(variable)-[:type]->(:label)`; `in`: `(variable)<-[:type]-(:label)`. */
      readonly direction: 'out' | 'in';
    };

export interface MatchClause {
  readonly kind: 'match';
  readonly optional: boolean;
  readonly variable: string;
  readonly label: string;
  readonly link?: LinkNode;
  readonly where: readonly Expr[];
}

export type AggregateFn = 'count' | 'collect' | 'min' | 'max' | 'sum' | 'avg';

export type ReturnExpr =
  | { readonly kind: 'prop'; readonly prop: PropNode }
  | { readonly kind: 'node'; readonly variable: string }
  | {
      readonly kind: 'aggregate';
      readonly fn: AggregateFn;
      readonly distinct: boolean;
      /** null: `count(*)`. */
      readonly arg:
        | { readonly kind: 'prop'; readonly prop: PropNode }
        | { readonly kind: 'node'; readonly variable: string }
        | null;
    };

export interface ReturnItem {
  readonly expr: ReturnExpr;
  readonly alias: string;
  readonly spec: ColumnSpec;
}

export interface OrderItem {
  readonly column: string;
  readonly direction: 'asc' | 'desc';
}

/** A whole query. */
export interface QueryAst {
  readonly clauses: readonly MatchClause[];
  readonly returns: readonly ReturnItem[];
  readonly distinct: boolean;
  /** Conditions on returned columns (compiled as `WITH ... WHERE`). */
  readonly having: readonly {
    readonly column: string;
    readonly op: ValueOp | NullOp;
    readonly value?: ValueNode;
  }[];
  readonly orderBy: readonly OrderItem[];
  readonly skip?: number;
  readonly limit?: number;
}

export const EMPTY_QUERY: QueryAst = Object.freeze({
  clauses: [],
  returns: [],
  distinct: false,
  having: [],
  orderBy: [],
});
