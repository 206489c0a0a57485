import { QueryError } from './query-error.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Cypher keywords that cannot be used unquoted as a variable or alias. */
const RESERVED = new Set(
  [
    'all',
    'and',
    'as',
    'asc',
    'ascending',
    'by',
    'call',
    'case',
    'contains',
    'count',
    'create',
    'delete',
    'desc',
    'descending',
    'detach',
    'distinct',
    'else',
    'end',
    'ends',
    'exists',
    'false',
    'foreach',
    'in',
    'is',
    'limit',
    'load',
    'match',
    'merge',
    'not',
    'null',
    'on',
    'optional',
    'or',
    'order',
    'remove',
    'return',
    'set',
    'skip',
    'starts',
    'then',
    'true',
    'union',
    'unwind',
    'when',
    'where',
    'with',
    'xor',
    'yield',
  ].map((w) => w.toLowerCase()),
);

/** Checks a variable, alias or parameter name: a plain identifier that is not a Cypher keyword. */
export function assertName(name: string, what: string): string {
  if (typeof name !== 'string' || !IDENTIFIER.test(name)) {
    throw new QueryError(
      `${what} "${String(name)}" is not a valid name (letters, digits and _, not first a digit)`,
    );
  }
  if (RESERVED.has(name.toLowerCase())) {
    throw new QueryError(`${what} "${name}" is a Cypher keyword; choose another name`);
  }
  return name;
}

/** Whether a string is a plain identifier. */
export function isIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}
