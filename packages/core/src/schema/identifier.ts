import { SkygraphError } from '../errors/skygraph-error.ts';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Labels, relationship types and property names are spliced into Cypher, so
 * they must come from schemas and be plain identifiers; values never are.
 */
export function assertIdentifier(name: string, what: string): string {
  if (!IDENTIFIER.test(name)) {
    throw new SkygraphError(
      'SCHEMA_INVALID',
      `${what} "${name}" is not a valid identifier (letters, digits, _)`,
    );
  }
  return name;
}
