import { SkygraphError } from '../errors/skygraph-error.ts';
import { assertIdentifier } from './identifier.ts';

/**
 * The bookkeeping property with a fingerprint of what a write sets on a node:
 * its collected properties, its labels and the writer (see `fingerprint` in
 * sync/schema-writer.ts). Where it matches, a write only moves lastupdated,
 * and a tracked write (change log) compares values one by one only where it
 * differs, which keeps an unchanged re-sync cheap.
 */
export const HASH_PROPERTY = 'skygraph_hash';

/** The property types a schema can declare; a trailing `?` makes a property nullable. */
export type PropType = 'string' | 'number' | 'boolean' | 'string[]' | 'number[]';
export type PropSpec = PropType | `${PropType}?`;

/** The properties the loader manages on every node (no schema may declare them), with their types. */
export const BOOKKEEPING_PROPERTIES = {
  firstseen: 'number?',
  lastupdated: 'number?',
  [HASH_PROPERTY]: 'string?',
} as const satisfies Record<string, PropSpec>;

interface PropTypeMap {
  string: string;
  number: number;
  boolean: boolean;
  'string[]': string[];
  'number[]': number[];
}

/** The TypeScript type of one declared property. */
export type PropValue<S extends PropSpec> = S extends `${infer T extends PropType}?`
  ? PropTypeMap[T] | null | undefined
  : S extends PropType
    ? PropTypeMap[S]
    : never;

type RequiredKeys<P extends Record<string, PropSpec>> = {
  [K in keyof P]: P[K] extends `${string}?` ? never : K;
}[keyof P];
type OptionalKeys<P extends Record<string, PropSpec>> = Exclude<keyof P, RequiredKeys<P>>;

/** The property object a schema's properties describe. */
export type PropsOf<P extends Record<string, PropSpec>> = {
  [K in RequiredKeys<P>]: PropValue<P[K]>;
} & {
  [K in OptionalKeys<P>]?: PropValue<P[K]>;
};

/** A node a relationship points at: its label and the property matched. */
export interface NodeRef {
  readonly label: string;
  readonly key: string;
}

/** The scope ("sub-resource") relationship: `(owner)-[:rel]->(n)`. */
export interface ScopeRelSpec {
  readonly owner: NodeRef;
  readonly rel: string;
}

/** Another relationship of a node, matched by the target's key. */
export interface RelSpec {
  readonly type: string;
  /** `out`: `(n)-[:type]->(target)`; `in`: `(n)<-[:type]-(target)`. */
  readonly direction: 'out' | 'in';
  readonly target: NodeRef;
  /** Match targets only among the nodes of the same scope owner (for keys that are unique per account only). */
  readonly sameScope?: boolean;
  /** Properties a target must share with the loaded node besides the key (e.g. `region`). */
  readonly alsoMatch?: readonly string[];
  readonly properties?: Readonly<Record<string, PropSpec>>;
  readonly description?: string;
}

/** A relationship target in a row: the target's key, or the key and the relationship's properties. */
export type RelTarget = string | { key: string; props?: Record<string, unknown> };

export interface NodeSchema<
  L extends string = string,
  P extends Record<string, PropSpec> = Record<string, PropSpec>,
  K extends keyof P & string = keyof P & string,
  R extends Record<string, RelSpec> = Record<string, RelSpec>,
  LL extends string = string,
> {
  readonly kind: 'node';
  readonly label: L;
  /**
   * Further labels every node gets: Cartography's standard, ontology and
   * compatibility labels (the legacy ones included).
   */
  readonly extraLabels: readonly string[];
  /**
   * Cartography's compatibility labels: the names this type had before its
   * current label (`EC2Instance` for `AWSEC2Instance`). Nodes written under
   * one of them by an earlier version get the current label at the next sync,
   * and the query builder accepts them as aliases.
   */
  readonly legacyLabels: readonly LL[];
  readonly key: K;
  readonly properties: P;
  readonly scope: ScopeRelSpec | null;
  readonly relationships: R;
  /** Properties analysis jobs set (e.g. `exposed_internet`): typed for queries, never written by the loader. */
  readonly computed: Readonly<Record<string, PropSpec>>;
  readonly description: string;
}

/** Any node schema, whatever its type parameters. */
// biome-ignore lint/suspicious/noExplicitAny: the widest schema type, used only as a constraint
export type AnyNodeSchema = NodeSchema<string, any, any, any, string>;

/** The properties of a node of schema S, as stored (with the bookkeeping properties). */
export type NodeProps<S extends AnyNodeSchema> = PropsOf<S['properties']> &
  Partial<PropsOf<S['computed']>> & {
    firstseen?: number;
    lastupdated?: number;
    skygraph_hash?: string;
  };

/** One row to load into schema S: its properties plus a field per relationship. */
export type NodeRow<S extends AnyNodeSchema> = PropsOf<S['properties']> & {
  [R in keyof S['relationships']]?: RelTarget | readonly RelTarget[] | null;
};

/** A ref to the node of a schema, by its key, for use as a relationship target or scope owner. */
export function refOf(schema: AnyNodeSchema, key: string = schema.key): NodeRef {
  return { label: schema.label, key };
}

/**
 * Declares a node schema. Labels, the key and property names are validated
 * here, once, so generated Cypher can splice them safely.
 *
 * @example
 * const AWSAccount = defineNode({
 *   label: 'AWSAccount',
 *   key: 'id',
 *   properties: { id: 'string', name: 'string?', inscope: 'boolean?' },
 * });
 */
export function defineNode<
  const L extends string,
  const P extends Record<string, PropSpec>,
  const K extends keyof P & string,
  const R extends Record<string, RelSpec> = Record<never, RelSpec>,
  const C extends Record<string, PropSpec> = Record<never, PropSpec>,
  const LL extends string = never,
>(input: {
  label: L;
  key: K;
  properties: P;
  extraLabels?: readonly string[];
  /** See {@link NodeSchema.legacyLabels}; they are extra labels too. */
  legacyLabels?: readonly LL[];
  scope?: ScopeRelSpec | null;
  relationships?: R;
  /** Properties analysis jobs set; see {@link NodeSchema.computed}. */
  computed?: C;
  description?: string;
}): NodeSchema<L, P, K, R, LL> & { readonly computed: C } {
  assertIdentifier(input.label, 'label');
  const legacyLabels = input.legacyLabels ?? [];
  const extraLabels = [...new Set([...(input.extraLabels ?? []), ...legacyLabels])];
  for (const extra of extraLabels) assertIdentifier(extra, 'label');
  if (extraLabels.includes(input.label)) {
    throw new SkygraphError('SCHEMA_INVALID', `${input.label}: its own label is listed as an extra one`);
  }
  for (const name of Object.keys(input.properties)) assertIdentifier(name, `property of ${input.label}`);
  if (!(input.key in input.properties)) {
    throw new SkygraphError(
      'SCHEMA_INVALID',
      `${input.label}: key "${input.key}" is not a declared property`,
    );
  }
  if (String(input.properties[input.key]).endsWith('?')) {
    throw new SkygraphError('SCHEMA_INVALID', `${input.label}: key "${input.key}" cannot be nullable`);
  }
  for (const reserved of Object.keys(BOOKKEEPING_PROPERTIES)) {
    if (reserved in input.properties) {
      throw new SkygraphError('SCHEMA_INVALID', `${input.label}: "${reserved}" is managed by the loader`);
    }
  }
  if (input.scope) {
    assertIdentifier(input.scope.owner.label, 'scope owner label');
    assertIdentifier(input.scope.owner.key, 'scope owner key');
    assertIdentifier(input.scope.rel, 'scope relationship type');
  }
  const computed = input.computed ?? ({} as C);
  for (const name of Object.keys(computed)) {
    assertIdentifier(name, `computed property of ${input.label}`);
    if (name in input.properties) {
      throw new SkygraphError('SCHEMA_INVALID', `${input.label}: "${name}" is both loaded and computed`);
    }
  }
  const relationships = input.relationships ?? ({} as R);
  for (const [field, rel] of Object.entries(relationships)) {
    if (field in input.properties) {
      throw new SkygraphError(
        'SCHEMA_INVALID',
        `${input.label}: relationship field "${field}" shadows a property`,
      );
    }
    assertIdentifier(rel.type, `relationship type of ${input.label}.${field}`);
    assertIdentifier(rel.target.label, `target label of ${input.label}.${field}`);
    assertIdentifier(rel.target.key, `target key of ${input.label}.${field}`);
    for (const name of Object.keys(rel.properties ?? {})) assertIdentifier(name, `property of ${rel.type}`);
  }
  return Object.freeze({
    kind: 'node',
    label: input.label,
    extraLabels: Object.freeze(extraLabels),
    legacyLabels: Object.freeze([...legacyLabels]),
    key: input.key,
    properties: input.properties,
    scope: input.scope ?? null,
    relationships,
    computed,
    description: input.description ?? '',
  });
}

/** Declares a relationship of a node schema (a typed helper for the `relationships` map). */
export function defineRel<const T extends string>(
  type: T,
  target: NodeRef,
  options: {
    direction?: 'out' | 'in';
    sameScope?: boolean;
    alsoMatch?: readonly string[];
    properties?: Record<string, PropSpec>;
    description?: string;
  } = {},
): RelSpec & { type: T } {
  return {
    type,
    target,
    direction: options.direction ?? 'out',
    ...(options.sameScope === undefined ? {} : { sameScope: options.sameScope }),
    ...(options.alsoMatch === undefined ? {} : { alsoMatch: options.alsoMatch }),
    ...(options.properties === undefined ? {} : { properties: options.properties }),
    ...(options.description === undefined ? {} : { description: options.description }),
  };
}

/** The relationships of a schema as `[field, spec]` pairs. */
export function relationshipsOf(schema: AnyNodeSchema): [string, RelSpec][] {
  return Object.entries(schema.relationships as Record<string, RelSpec>);
}
