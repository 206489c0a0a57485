import type { ParamNode } from './ast.ts';
import { assertName } from './identifiers.ts';
import { QueryError } from './query-error.ts';

/** A named parameter whose value is given when the query runs. */
export interface ParamRef<N extends string = string> extends ParamNode {
  readonly name: N;
}

/**
 * A placeholder for a value supplied at run time, compiled to `$name`
 * (e.g. a catalogue query's parameter with a default).
 *
 * @example
 * graph.match('i', 'AWSEC2Instance').where('i.launchtime', '<', param('cutoff'))
 */
export function param<const N extends string>(name: N): ParamRef<N> {
  assertName(name, 'parameter');
  if (/^p\d+$/.test(name) || name.startsWith('scope_')) {
    throw new QueryError(`parameter "${name}" is reserved (p<n> and scope_* are generated names)`);
  }
  const ref: ParamRef<N> = Object.freeze({ kind: 'param', name });
  created.add(ref);
  return ref;
}

// Only refs made by param() count: a value that merely looks like one stays a value.
const created = new WeakSet<object>();

export function isParamRef(value: unknown): value is ParamRef {
  return typeof value === 'object' && value !== null && created.has(value);
}
