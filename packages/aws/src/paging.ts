import type { CollectContext } from '@skygraph/core';

/** Anything that can run an API request through the runner (a collect or plan context). */
export type ApiCaller = Pick<CollectContext, 'call'>;

/**
 * Streams the pages of a token-paged AWS API, each request through the
 * runner (retries, counting). `send` gets the previous page's token.
 *
 * @example
 * for await (const page of paginate(ctx, 'ec2:DescribeVpcs', (NextToken) => ec2.send(new DescribeVpcsCommand({ NextToken })), (p) => p.NextToken)) ...
 */
export async function* paginate<T>(
  caller: ApiCaller,
  operation: string,
  send: (token: string | undefined) => Promise<T>,
  nextToken: (page: T) => string | undefined,
): AsyncIterable<T> {
  let token: string | undefined;
  const seen = new Set<string>();
  do {
    const current = token;
    const page = await caller.call(operation, () => send(current));
    yield page;
    token = nextToken(page) || undefined;
    // A service that hands back a token it already gave would loop forever.
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
}

/**
 * A signal for one SDK request that follows the run's signal. The SDK adds an
 * abort listener to the signal of every request in flight; giving each its
 * own keeps the run's signal from collecting hundreds of listeners.
 */
export function requestSignal(signal: AbortSignal): AbortSignal {
  return AbortSignal.any([signal]);
}
