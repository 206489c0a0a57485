import type { CollectContext, PlanContext } from '@skygraph/core';

/** A list response of a Google REST API. */
export interface PagedResponse {
  nextPageToken?: string | null;
}

/**
 * Streams the pages of a Google list call, each request through `ctx.call`
 * (counted, retried). Only the current page is held in memory.
 */
export async function* paginate<T extends PagedResponse>(
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
