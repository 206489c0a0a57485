import { QueryError } from '../query/query-error.ts';

/**
 * The SDK's guard against Cypher that writes. It is the second line of
 * defence, there to refuse early with a clear message: the stores run the
 * read path read-only by construction (a Neo4j read transaction, which the
 * server refuses to write in; an embedded transaction that is always rolled
 * back). It tokenises the query as the engines do — strings, escaped names,
 * comments, every line terminator — and looks at the words the engine would
 * see as keywords, not at the text.
 */
export function assertReadOnlyCypher(cypher: string): void {
  const found = writeIn(tokenize(cypher));
  if (found) {
    throw new QueryError(
      `the SDK only reads the graph; this query writes (${found}). Writes belong to \`collect\`.`,
    );
  }
}

/** Keywords that start a clause that changes the graph, the schema or the database. */
const WRITE_KEYWORDS = new Set([
  'CREATE',
  'MERGE',
  'SET',
  'DELETE',
  'DETACH',
  'REMOVE',
  'DROP',
  'FOREACH',
  'LOAD',
  'ALTER',
  'GRANT',
  'DENY',
  'REVOKE',
  'RENAME',
  'INSERT',
  'START',
  'STOP',
  'TERMINATE',
  'ENABLE',
  'DEALLOCATE',
  'REALLOCATE',
]);

/**
 * Procedures a read may call: Neo4j's schema listings and Grafeo's
 * algorithms (which only read). Anything else — `apoc.*`, `db.create*`,
 * `dbms.*`, a user procedure — may write and is refused.
 */
const READ_PROCEDURES = [
  /^db\.(labels|relationshiptypes|propertykeys|indexes|constraints|schema\.\w+)$/,
  /^grafeo\.\w+(\.\w+)*$/,
];

type Token = { kind: 'word'; text: string } | { kind: 'punct'; text: string } | { kind: 'other' };

/**
 * Characters that end a line, for `//` comments: every one an engine might
 * honour (ending a comment too early only makes the guard stricter).
 */
const LINE_END = new Set(['\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029']);
const SPACE = /[\s\u0085\u00a0\u1680\u180e\u2000-\u200b\u2028\u2029\u202f\u205f\u3000\ufeff]/u;
const WORD = /[\p{L}\p{N}_\p{Mn}\p{Mc}\p{Pc}]/u;
const NUMBER = /^(?:0x[0-9a-f_]+|0o[0-7_]+|[0-9][0-9_]*(?:\.[0-9][0-9_]*)?(?:e[+-]?[0-9]+)?)/i;

function tokenize(cypher: string): Token[] {
  const tokens: Token[] = [];
  const chars = [...cypher];
  let i = 0;
  while (i < chars.length) {
    const c = chars[i] as string;
    const next = chars[i + 1];
    if (SPACE.test(c)) {
      i += 1;
    } else if (c === '/' && next === '/') {
      while (i < chars.length && !LINE_END.has(chars[i] as string)) i += 1;
    } else if (c === '/' && next === '*') {
      i += 2;
      while (i < chars.length && !(chars[i] === '*' && chars[i + 1] === '/')) i += 1;
      i += 2;
    } else if (c === "'" || c === '"') {
      i += 1;
      while (i < chars.length && chars[i] !== c) i += chars[i] === '\\' ? 2 : 1;
      i += 1;
      tokens.push({ kind: 'other' });
    } else if (c === '`') {
      // An escaped name; a doubled backtick is a backtick inside it.
      i += 1;
      for (;;) {
        while (i < chars.length && chars[i] !== '`') i += 1;
        if (chars[i + 1] === '`') i += 2;
        else break;
      }
      i += 1;
      tokens.push({ kind: 'other' });
    } else if (c === '$') {
      // A parameter: its name is not a keyword.
      i += 1;
      while (i < chars.length && WORD.test(chars[i] as string)) i += 1;
      tokens.push({ kind: 'other' });
    } else if (/[0-9]/.test(c)) {
      // A number ends where the engine's number ends: `1DELETE` is `1` then `DELETE`.
      const number = NUMBER.exec(chars.slice(i, i + 64).join(''));
      i += Math.max(1, [...(number?.[0] ?? c)].length);
      tokens.push({ kind: 'other' });
    } else if (WORD.test(c)) {
      let text = '';
      while (i < chars.length && WORD.test(chars[i] as string)) text += chars[i++];
      tokens.push({ kind: 'word', text });
    } else {
      tokens.push({ kind: 'punct', text: c });
      i += 1;
    }
  }
  return tokens;
}

/** The first write the tokens hold, named for the message; undefined for a read. */
function writeIn(tokens: Token[]): string | undefined {
  for (let t = 0; t < tokens.length; t++) {
    const token = tokens[t] as Token;
    if (token.kind !== 'word') continue;
    const before = tokens[t - 1];
    const after = tokens[t + 1];
    // `n.set`, `(n:Delete)`, `[:CREATE]`, `{set: 1}` are names, not clauses.
    if (before?.kind === 'punct' && (before.text === '.' || before.text === ':')) continue;
    if (after?.kind === 'punct' && after.text === ':' && tokens[t + 2]?.kind !== 'punct') {
      // A map key (`{merge: 1}`); `SET:` cannot start a clause either way.
      continue;
    }
    const word = token.text.toUpperCase();
    if (WRITE_KEYWORDS.has(word)) return word;
    if (word === 'IN' && after?.kind === 'word' && after.text.toUpperCase() === 'TRANSACTIONS')
      return 'IN TRANSACTIONS';
    if (word === 'CALL') {
      // `CALL {` and `CALL (x) {` are subqueries, checked token by token like the rest.
      if (after?.kind === 'punct' && (after.text === '{' || after.text === '(')) continue;
      const name = procedureName(tokens, t + 1);
      if (!READ_PROCEDURES.some((allowed) => allowed.test(name.toLowerCase()))) {
        return `CALL ${name || 'of a procedure it cannot name'}`;
      }
    }
  }
  return undefined;
}

/** The dotted name starting at token `start` (`apoc.create.node`); empty when a part is not a plain word. */
function procedureName(tokens: Token[], start: number): string {
  const parts: string[] = [];
  let t = start;
  for (;;) {
    const token = tokens[t];
    if (token?.kind !== 'word') return '';
    parts.push(token.text);
    const dot = tokens[t + 1];
    if (dot?.kind !== 'punct' || dot.text !== '.') break;
    t += 2;
  }
  return parts.join('.');
}
