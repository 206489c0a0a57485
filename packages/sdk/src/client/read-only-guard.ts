import { QueryError } from '../query/query-error.ts';

/** Clauses and procedures that change the graph. */
const WRITES =
  /(?<![\w.$:])(CREATE|MERGE|SET|DELETE|DETACH|REMOVE|DROP|FOREACH|LOAD\s+CSV|IN\s+TRANSACTIONS|CALL\s+(?:apoc\.(?:create|merge|refactor|periodic|do|nodes\.delete|trigger|cypher\.(?:doIt|runWrite))|db\.(?:create|index\.fulltext\.create)|dbms\.)\w*)\b/i;

/**
 * Refuses Cypher that would write. The stores are opened for reading (Neo4j
 * read sessions, the embedded store read-only), so this is a second line of
 * defence that also gives the user a clear message instead of a driver error.
 */
export function assertReadOnlyCypher(cypher: string): void {
  const match = WRITES.exec(stripLiterals(cypher));
  if (match) {
    throw new QueryError(
      `the SDK only reads the graph; this query writes (${(match[1] ?? '').toUpperCase()}). Writes belong to \`collect\`.`,
    );
  }
}

/** Removes string literals, quoted names and comments, so their content cannot look like a clause. */
function stripLiterals(cypher: string): string {
  let out = '';
  let i = 0;
  while (i < cypher.length) {
    const c = cypher[i] as string;
    const next = cypher[i + 1];
    if (c === '/' && next === '/') {
      const end = cypher.indexOf('\n', i);
      i = end < 0 ? cypher.length : end;
    } else if (c === '/' && next === '*') {
      const end = cypher.indexOf('*/', i + 2);
      i = end < 0 ? cypher.length : end + 2;
      out += ' ';
    } else if (c === "'" || c === '"' || c === '`') {
      let j = i + 1;
      while (j < cypher.length && cypher[j] !== c) j += cypher[j] === '\\' && c !== '`' ? 2 : 1;
      i = j + 1;
      out += ' ';
    } else {
      out += c;
      i += 1;
    }
  }
  return out;
}
