import { ConfigError } from '@skygraph/core';
import { matchesAny } from './glob.ts';

/** Which queries to take: by name (globs) or by tag; a query matching either is taken. */
export interface QuerySelection {
  readonly names?: readonly string[];
  readonly tags?: readonly string[];
}

/**
 * The queries of a catalogue a selection names, in catalogue order. An
 * empty selection takes nothing; a name without a glob that matches no query
 * is a configuration error (a typo would otherwise silently watch nothing).
 */
export function selectQueries<Q extends { readonly name: string; readonly tags?: readonly string[] }>(
  catalogue: readonly Q[],
  selection: QuerySelection,
): Q[] {
  const names = selection.names ?? [];
  const tags = selection.tags ?? [];
  const unknown = names.filter((name) => !/[*?]/.test(name) && !catalogue.some((q) => q.name === name));
  if (unknown.length > 0) {
    throw new ConfigError(
      `unknown quer${unknown.length === 1 ? 'y' : 'ies'} ${unknown.map((n) => `"${n}"`).join(', ')}; known: ${catalogue
        .map((q) => q.name)
        .join(', ')}`,
    );
  }
  return catalogue.filter(
    (query) => matchesAny(names, query.name) || (query.tags ?? []).some((tag) => tags.includes(tag)),
  );
}
