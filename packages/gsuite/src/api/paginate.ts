import type { CollectContext, PlanContext } from '@skygraph/core';

/**
 * Streams the pages of a Directory API list call, each request through
 * `ctx.call` (counted, retried); only the current page is held.
 */
export async function* paginate<T extends { nextPageToken?: string | null }>(
  ctx: Pick<CollectContext | PlanContext, 'call'>,
  operation: string,
  request: (pageToken: string | undefined) => Promise<{ data: T }>,
): AsyncGenerator<T> {
  let pageToken: string | undefined;
  do {
    const token = pageToken;
    const { data } = await ctx.call(operation, () => request(token));
    yield data;
    pageToken = data.nextPageToken ?? undefined;
  } while (pageToken);
}
