import { CatalogueError } from './catalogue-error.ts';
import { type CatalogueQuery, SEVERITIES, type Severity, validateQuery } from './define-query.ts';
import { type TagExpression, tagPredicate } from './tag-expression.ts';

/** Which queries to take: all conditions given must hold. */
export interface QuerySelector {
  /** These queries, in this order (unknown names are an error). */
  readonly names?: readonly string[];
  readonly tags?: TagExpression;
  readonly provider?: string | readonly string[];
  readonly group?: string | readonly string[];
  /** Findings at least this severe (excludes non-findings). */
  readonly minSeverity?: Severity;
  /** Only findings (true) or only non-findings (false). */
  readonly findings?: boolean;
}

/** A set of annotated queries, addressable by name and selectable by tags. */
export interface Catalogue {
  readonly queries: readonly CatalogueQuery[];
  /** The query with this name; an unknown name throws, suggesting close names. */
  get(name: string): CatalogueQuery;
  has(name: string): boolean;
  select(selector?: QuerySelector): CatalogueQuery[];
  /** Every tag, with how many queries carry it. */
  tags(): { tag: string; count: number }[];
  /** A catalogue with these queries added (a query with an existing name replaces it). */
  with(queries: readonly CatalogueQuery[]): Catalogue;
}

/**
 * Makes a catalogue. Names must be unique.
 *
 * @example
 * const mine = createCatalogue([...builtinQueries, defineQuery({ ... })]);
 * mine.select({ tags: { allOf: ['aws', 'security'], noneOf: ['drift'] } });
 */
export function createCatalogue(queries: readonly CatalogueQuery[]): Catalogue {
  const byName = new Map<string, CatalogueQuery>();
  for (const query of queries) {
    if (byName.has(query.name)) throw new CatalogueError(`query "${query.name}" is defined twice`);
    byName.set(query.name, Object.isFrozen(query) ? query : validateQuery(query));
  }
  const all = Object.freeze([...byName.values()]);
  const catalogue: Catalogue = {
    queries: all,
    has: (name) => byName.has(name),
    get(name) {
      const query = byName.get(name);
      if (!query) {
        const close = suggest(name, [...byName.keys()]);
        throw new CatalogueError(
          `no query named "${name}" in the catalogue${close.length > 0 ? `; did you mean ${close.join(', ')}?` : ''}`,
        );
      }
      return query;
    },
    select(selector = {}) {
      let selected = selector.names ? selector.names.map((name) => catalogue.get(name)) : [...all];
      if (selector.tags !== undefined) {
        const matches = tagPredicate(selector.tags);
        selected = selected.filter((q) => matches(q.tags));
      }
      const providers = list(selector.provider);
      if (providers) selected = selected.filter((q) => providers.includes(q.provider));
      const groups = list(selector.group);
      if (groups) selected = selected.filter((q) => groups.includes(q.group));
      if (selector.findings !== undefined)
        selected = selected.filter((q) => (q.severity !== null) === selector.findings);
      if (selector.minSeverity !== undefined) {
        const rank = SEVERITIES.indexOf(selector.minSeverity);
        if (rank < 0) throw new CatalogueError(`minSeverity: "${selector.minSeverity}" is not a severity`);
        selected = selected.filter((q) => q.severity !== null && SEVERITIES.indexOf(q.severity) <= rank);
      }
      return selected;
    },
    tags() {
      const counts = new Map<string, number>();
      for (const q of all) for (const tag of q.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1);
      return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => a.tag.localeCompare(b.tag));
    },
    with(added) {
      const names = new Set(added.map((q) => q.name));
      return createCatalogue([...all.filter((q) => !names.has(q.name)), ...added]);
    },
  };
  return Object.freeze(catalogue);
}

function list(value: string | readonly string[] | undefined): readonly string[] | undefined {
  return value === undefined ? undefined : typeof value === 'string' ? [value] : value;
}

/** Names within a small edit distance, or sharing the typed text. */
function suggest(name: string, names: readonly string[]): string[] {
  return names
    .map((candidate) => ({ candidate, distance: distance(name, candidate) }))
    .filter((c) => c.distance <= Math.max(2, Math.floor(name.length / 4)) || c.candidate.includes(name))
    .sort((a, b) => a.distance - b.distance)
    .slice(0, 3)
    .map((c) => c.candidate);
}

function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] ?? 0) + 1,
        (current[j - 1] ?? 0) + 1,
        (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}
