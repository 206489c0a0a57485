import type { PropSpec, PropType } from '@skygraph/core';

/**
 * The type of a result column: a schema property type (a trailing `?` allows
 * null), or `json` for anything else (whole nodes, maps, mixed lists).
 */
export type ColumnSpec = PropSpec | 'json' | 'json?';

interface ValueTypeMap {
  string: string;
  number: number;
  boolean: boolean;
  'string[]': string[];
  'number[]': number[];
}

/** The JS type a column of spec S holds in a result row (stores return null for missing values). */
export type ColumnValue<S extends ColumnSpec> = S extends 'json' | 'json?'
  ? unknown
  : S extends `${infer T extends PropType}?`
    ? ValueTypeMap[T] | null
    : S extends PropType
      ? ValueTypeMap[S]
      : never;

/** A row typed by a record of column specs. */
export type RowOfColumns<C extends Record<string, ColumnSpec>> = {
  -readonly [K in keyof C]: C[K] extends ColumnSpec ? ColumnValue<C[K]> : never;
};

const BASE_TYPES = new Set(['string', 'number', 'boolean', 'string[]', 'number[]', 'json']);

/** Whether `spec` is a valid column spec (for specs that come from files). */
export function isColumnSpec(spec: unknown): spec is ColumnSpec {
  return typeof spec === 'string' && BASE_TYPES.has(spec.endsWith('?') ? spec.slice(0, -1) : spec);
}

/** Makes a spec nullable (`string` -> `string?`). */
export function nullableSpec(spec: ColumnSpec): ColumnSpec {
  return (spec.endsWith('?') ? spec : `${spec}?`) as ColumnSpec;
}

/**
 * Whether a value a store returned fits a column spec. Integers and floats
 * are both `number`; a `json` column takes anything.
 */
export function valueMatchesSpec(spec: ColumnSpec, value: unknown): boolean {
  const nullable = spec.endsWith('?');
  const base = nullable ? spec.slice(0, -1) : spec;
  if (value === null || value === undefined) return nullable || base === 'json';
  switch (base) {
    case 'json':
      return true;
    case 'string':
      return typeof value === 'string';
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'string[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'string');
    case 'number[]':
      return Array.isArray(value) && value.every((v) => typeof v === 'number');
    default:
      return false;
  }
}
