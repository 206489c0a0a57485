import { GoogleApiError, invalidArgument } from '@skygraph/core/emulator-kit';

interface Term {
  field: string;
  value: string;
  negate: boolean;
}

/** OR of AND-groups. */
export type CrmQuery = Term[][];

/** Values of a field for one resource; `undefined` means the field is not searchable. */
export type FieldValues = (field: string) => string[] | undefined;

/**
 * Resource Manager's search/filter syntax: `field:value` or `field=value`
 * terms, case-insensitive, `*` suffix wildcard, `NOT`/`-` negation and
 * `AND`/`OR`. Terms without an operator are joined with `implicitJoin`
 * (v3 projects.search documents OR, folders.search and v1 filters AND).
 */
export function parseCrmQuery(text: string | null, implicitJoin: 'AND' | 'OR'): CrmQuery {
  if (text === null || text.trim() === '') return [];
  const tokenPattern = /\s*((?:[^\s"()]|"(?:[^"\\]|\\.)*")+|[()])/y;
  const tokens: string[] = [];
  let pos = 0;
  while (pos < text.length) {
    tokenPattern.lastIndex = pos;
    const match = tokenPattern.exec(text);
    if (!match) {
      if (text.slice(pos).trim() === '') break;
      throw new GoogleApiError(invalidArgument(`Invalid query: ${text}`, 'badRequest'));
    }
    tokens.push(match[1] ?? '');
    pos = tokenPattern.lastIndex;
  }
  const groups: CrmQuery = [[]];
  let pendingJoin: 'AND' | 'OR' | undefined;
  let negateNext = false;
  let sawTerm = false;
  for (const token of tokens) {
    const upper = token.toUpperCase();
    if (token === '(' || token === ')') {
      throw new GoogleApiError(
        invalidArgument(`Parenthesised queries are not supported by the emulator: ${text}`),
      );
    }
    if (upper === 'AND' || upper === 'OR') {
      pendingJoin = upper;
      continue;
    }
    if (upper === 'NOT') {
      negateNext = true;
      continue;
    }
    let body = token;
    let negate = negateNext;
    negateNext = false;
    if (body.startsWith('-')) {
      negate = true;
      body = body.slice(1);
    }
    const match = /^([A-Za-z][\w.]*)\s*[:=]\s*(.*)$/s.exec(body);
    if (!match) throw new GoogleApiError(invalidArgument(`Invalid query term '${token}' in: ${text}`));
    const rawValue = match[2] ?? '';
    const value = rawValue.replace(/^\\?"|\\?"$/g, '').replace(/\\(.)/g, '$1');
    const join = pendingJoin ?? implicitJoin;
    pendingJoin = undefined;
    if (sawTerm && join === 'OR') groups.push([]);
    groups[groups.length - 1]?.push({
      field: (match[1] ?? '').toLowerCase(),
      value: value.toLowerCase(),
      negate,
    });
    sawTerm = true;
  }
  return groups.filter((group) => group.length > 0);
}

function valueMatches(pattern: string, values: string[]): boolean {
  if (pattern === '*') return values.some((value) => value !== '');
  if (pattern.endsWith('*')) {
    const prefix = pattern.slice(0, -1);
    return values.some((value) => value.toLowerCase().startsWith(prefix));
  }
  return values.some((value) => value.toLowerCase() === pattern);
}

export function matchesCrmQuery(query: CrmQuery, fieldValues: FieldValues): boolean {
  if (query.length === 0) return true;
  return query.some((group) =>
    group.every((term) => {
      const values = fieldValues(term.field);
      if (values === undefined) {
        throw new GoogleApiError(invalidArgument(`Unsupported field in query: '${term.field}'`));
      }
      return valueMatches(term.value, values) !== term.negate;
    }),
  );
}
