import { CatalogueError } from './catalogue-error.ts';

/**
 * Which tags a query must have: every tag of `allOf`, at least one of
 * `anyOf` (when given), none of `noneOf`.
 */
export interface TagFilter {
  readonly allOf?: readonly string[];
  readonly anyOf?: readonly string[];
  readonly noneOf?: readonly string[];
}

/**
 * A tag selection: a {@link TagFilter}, a list of them (all must hold), or
 * the text form: terms separated by commas must all hold, `a|b` is either,
 * `!a` is not. `"aws,security|networking,!drift"` = aws AND (security OR
 * networking) AND NOT drift.
 */
export type TagExpression = TagFilter | readonly TagFilter[] | string;

/** Turns a tag expression into a predicate over a query's tags. */
export function tagPredicate(expression: TagExpression): (tags: readonly string[]) => boolean {
  const filters = typeof expression === 'string' ? parseTagExpression(expression) : toFilters(expression);
  return (tags) => {
    const set = new Set(tags);
    return filters.every(
      (f) =>
        (f.allOf ?? []).every((t) => set.has(t)) &&
        ((f.anyOf ?? []).length === 0 || (f.anyOf ?? []).some((t) => set.has(t))) &&
        !(f.noneOf ?? []).some((t) => set.has(t)),
    );
  };
}

function toFilters(expression: TagFilter | readonly TagFilter[]): readonly TagFilter[] {
  const filters: readonly TagFilter[] = Array.isArray(expression) ? expression : [expression as TagFilter];
  for (const filter of filters) {
    for (const key of Object.keys(filter)) {
      if (key !== 'allOf' && key !== 'anyOf' && key !== 'noneOf') {
        throw new CatalogueError(`tag filter: unknown key "${key}" (use allOf, anyOf, noneOf)`);
      }
    }
    for (const list of [filter.allOf, filter.anyOf, filter.noneOf]) {
      if (list !== undefined && (!Array.isArray(list) || list.some((t) => typeof t !== 'string'))) {
        throw new CatalogueError('tag filter: allOf, anyOf and noneOf take lists of tags');
      }
    }
  }
  return filters;
}

/** Parses the text form of a tag expression. */
export function parseTagExpression(text: string): TagFilter[] {
  const filters: TagFilter[] = [];
  for (const raw of text.split(',')) {
    const term = raw.trim();
    if (term === '') continue;
    if (term.startsWith('!')) {
      const tag = term.slice(1).trim();
      if (tag === '' || tag.includes('|'))
        throw new CatalogueError(`tag expression "${text}": "!" takes one tag`);
      filters.push({ noneOf: [tag] });
    } else if (term.includes('|')) {
      const tags = term.split('|').map((t) => t.trim());
      if (tags.some((t) => t === '' || t.startsWith('!'))) {
        throw new CatalogueError(`tag expression "${text}": "${term}" must list tags separated by |`);
      }
      filters.push({ anyOf: tags });
    } else {
      filters.push({ allOf: [term] });
    }
  }
  return filters;
}
