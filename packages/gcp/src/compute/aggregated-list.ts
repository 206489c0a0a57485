import { CollectError } from '@skygraph/core';

/** The shape every Compute `aggregatedList` response shares. */
export interface AggregatedPage<T> {
  items?: Record<string, (T & { warning?: { code?: string | null } | null }) | undefined> | null;
  unreachables?: string[] | null;
  warning?: { code?: string | null } | null;
}

/** The entries of every scope (zone or region) of one aggregated page. */
export function aggregatedItems<T, K extends keyof T>(
  page: AggregatedPage<T>,
  field: K,
): Array<ItemOf<T[K]>> {
  const out: Array<ItemOf<T[K]>> = [];
  for (const scoped of Object.values(page.items ?? {})) {
    const list = scoped?.[field];
    if (Array.isArray(list)) out.push(...(list as Array<ItemOf<T[K]>>));
  }
  return out;
}

type ItemOf<L> = NonNullable<L> extends ReadonlyArray<infer I> ? I : never;

/**
 * Zones or regions an aggregated page could not report (anything but the
 * benign NO_RESULTS_ON_PAGE warning, or `unreachables`): their resources are
 * missing from the answer, so the scope must not clean up as if they were gone.
 */
export function incompleteScopes<T>(page: AggregatedPage<T>): string[] {
  const scopes: string[] = [...(page.unreachables ?? [])];
  for (const [scope, scoped] of Object.entries(page.items ?? {})) {
    const code = scoped?.warning?.code;
    if (code && code !== 'NO_RESULTS_ON_PAGE') scopes.push(`${scope} (${code})`);
  }
  const pageCode = page.warning?.code;
  if (pageCode && pageCode !== 'NO_RESULTS_ON_PAGE') scopes.push(`page (${pageCode})`);
  return scopes;
}

/**
 * Streams an aggregated list and, after loading what it did return, fails
 * the collector when some zone or region was unreachable: the scope keeps
 * its previous data instead of deleting what it could not see.
 */
export async function* checkedAggregated<T, P extends AggregatedPage<T>>(
  operation: string,
  pages: AsyncIterable<P>,
): AsyncGenerator<P> {
  const missing: string[] = [];
  for await (const page of pages) {
    missing.push(...incompleteScopes(page));
    yield page;
  }
  if (missing.length > 0) {
    throw new CollectError(
      'transient',
      `${operation} could not reach ${missing.join(', ')}; what it returned was loaded, nothing was cleaned up`,
    );
  }
}
