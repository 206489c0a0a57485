import type { NullOp, StringOp, ValueOp } from './ast.ts';
import type { ParamRef } from './param.ts';

type Scalar<V> = Exclude<V, null | undefined>;

/**
 * The value an operator takes for a property of value type V: `=` takes a
 * V, `in` a list of V, `includes` an element of a list property, string
 * operators a string (only on string properties); any of them a `param()`.
 */
export type OpValue<O extends ValueOp, V> =
  | ParamRef
  | (O extends '=' | '<>'
      ? Scalar<V>
      : O extends '<' | '<=' | '>' | '>='
        ? Extract<Scalar<V>, number | string>
        : O extends 'in'
          ? readonly Scalar<V>[]
          : O extends 'includes'
            ? Scalar<V> extends readonly (infer E)[]
              ? E
              : never
            : O extends StringOp
              ? Scalar<V> extends string
                ? string
                : never
              : never);

export type { NullOp, ValueOp };
