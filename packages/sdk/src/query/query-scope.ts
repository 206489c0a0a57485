import type { AnyNodeSchema, PropSpec, RelSpec } from '@skygraph/core';
import { BOOKKEEPING_PROPERTIES, relationshipsOf } from '@skygraph/core';
import type { LinkNode, PropNode } from './ast.ts';
import type { ColumnSpec } from './column-spec.ts';
import { nullableSpec } from './column-spec.ts';
import { assertName } from './identifiers.ts';
import { QueryError } from './query-error.ts';

const BOOKKEEPING: Readonly<Record<string, PropSpec>> = BOOKKEEPING_PROPERTIES;

interface RuntimeBinding {
  readonly schema: AnyNodeSchema;
  readonly optional: boolean;
}

/** What a link option says before it is checked against the schemas. */
export type LinkOption =
  | { from: string; rel: string; hops?: readonly [number, number] }
  | { to: string; rel: string; hops?: readonly [number, number] }
  | { owner: string };

/**
 * The runtime side of the builder's type checks: the same rules, applied to
 * the schemas' data, so JavaScript callers and casts get a clear error too.
 */
export class QueryScope {
  readonly #model: ReadonlyMap<string, AnyNodeSchema>;
  readonly #bindings: ReadonlyMap<string, RuntimeBinding>;

  constructor(
    model: ReadonlyMap<string, AnyNodeSchema>,
    bindings: ReadonlyMap<string, RuntimeBinding> = new Map(),
  ) {
    this.#model = model;
    this.#bindings = bindings;
  }

  schema(label: string): AnyNodeSchema {
    const schema = this.#model.get(label);
    if (!schema) {
      throw new QueryError(
        `unknown label "${label}": the graph model has ${[...this.#model.keys()].join(', ')}`,
      );
    }
    return schema;
  }

  binding(variable: string): RuntimeBinding {
    const binding = this.#bindings.get(variable);
    if (!binding) {
      const bound = [...this.#bindings.keys()];
      throw new QueryError(
        `variable "${variable}" is not bound${bound.length > 0 ? ` (bound: ${bound.join(', ')})` : ''}`,
      );
    }
    return binding;
  }

  bind(variable: string, schema: AnyNodeSchema, optional: boolean): QueryScope {
    assertName(variable, 'variable');
    if (this.#bindings.has(variable)) throw new QueryError(`variable "${variable}" is already bound`);
    return new QueryScope(this.#model, new Map([...this.#bindings, [variable, { schema, optional }]]));
  }

  /** Resolves `var.property` to the node and the property's spec (nullable if the variable is optional). */
  prop(ref: string): PropNode & { spec: ColumnSpec } {
    if (typeof ref !== 'string')
      throw new QueryError(`expected a "variable.property" reference, got ${typeof ref}`);
    const dot = ref.indexOf('.');
    if (dot < 0) throw new QueryError(`"${ref}" is not a "variable.property" reference`);
    const variable = ref.slice(0, dot);
    const property = ref.slice(dot + 1);
    const { schema, optional } = this.binding(variable);
    // Own keys only: `__proto__` or `constructor` are not properties of any schema.
    const own = (record: Record<string, PropSpec>) =>
      Object.hasOwn(record, property) ? record[property] : undefined;
    const spec =
      own(schema.properties as Record<string, PropSpec>) ??
      own(schema.computed as Record<string, PropSpec>) ??
      own(BOOKKEEPING as Record<string, PropSpec>);
    if (spec === undefined) {
      throw new QueryError(
        `${schema.label} has no property "${property}" (in "${ref}"); it has ${[...Object.keys(schema.properties), ...Object.keys(schema.computed)].join(', ')}`,
      );
    }
    return { variable, property, spec: optional ? nullableSpec(spec) : spec };
  }

  /** Checks a link of a new node of `schema` against the relationships the schemas declare. */
  link(schema: AnyNodeSchema, option: LinkOption): LinkNode {
    if ('owner' in option) {
      const owner = this.binding(option.owner).schema;
      if (!schema.scope || !labelsOf(owner).includes(schema.scope.owner.label)) {
        throw new QueryError(
          schema.scope
            ? `${schema.label} is owned by ${schema.scope.owner.label}, not by ${owner.label} ("${option.owner}")`
            : `${schema.label} has no scope owner`,
        );
      }
      return { other: option.owner, type: schema.scope.rel, direction: 'out' };
    }
    const outward = 'from' in option;
    const other = outward ? option.from : option.to;
    const otherSchema = this.binding(other).schema;
    // (start)-[:rel]->(end)
    const [start, end] = outward ? [otherSchema, schema] : [schema, otherSchema];
    if (!declares(start, end, option.rel)) {
      throw new QueryError(
        `no relationship (:${start.label})-[:${option.rel}]->(:${end.label}) is declared by either schema`,
      );
    }
    const hops = option.hops;
    if (hops !== undefined) {
      const [min, max] = hops;
      if (!Number.isSafeInteger(min) || !Number.isSafeInteger(max) || min < 0 || max < min || max > 20) {
        throw new QueryError(`hops must be integers with 0 <= min <= max <= 20, got [${min}, ${max}]`);
      }
    }
    return {
      other,
      type: option.rel,
      direction: outward ? 'out' : 'in',
      ...(hops === undefined ? {} : { hops: [hops[0], hops[1]] as const }),
    };
  }

  /** Checks `(start)-[:rel]->(end)` for an EXISTS predicate. */
  assertRelationship(start: AnyNodeSchema, end: AnyNodeSchema, rel: string): void {
    if (!declares(start, end, rel)) {
      throw new QueryError(
        `no relationship (:${start.label})-[:${rel}]->(:${end.label}) is declared by either schema`,
      );
    }
  }
}

function labelsOf(schema: AnyNodeSchema): readonly string[] {
  return [schema.label, ...schema.extraLabels];
}

/** Whether `(start)-[:type]->(end)` is declared: by start (out), by end (in), or as end's scope relationship. */
function declares(start: AnyNodeSchema, end: AnyNodeSchema, type: string): boolean {
  const fits = (rel: RelSpec, direction: 'out' | 'in', other: AnyNodeSchema) =>
    rel.type === type && rel.direction === direction && labelsOf(other).includes(rel.target.label);
  if (relationshipsOf(start).some(([, rel]) => fits(rel, 'out', end))) return true;
  if (relationshipsOf(end).some(([, rel]) => fits(rel, 'in', start))) return true;
  return end.scope !== null && end.scope.rel === type && labelsOf(start).includes(end.scope.owner.label);
}
