import type { AwsApiError } from './api-error.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import type { RequestContext } from './request-context.ts';

/** How a REST operation pages: its query parameters, the page size range, and its validation error. */
export interface RestPaging {
  /** The query parameter of the continuation token (`Marker`, `nextToken`). */
  token: string;
  /** The query parameter of the page size (`MaxItems`, `maxResults`). */
  size: string;
  min?: number;
  max: number;
  /** The page size when none is asked for. */
  fallback: number;
  /** The service's error for an invalid parameter (Lambda InvalidParameterValueException, EKS InvalidParameterException). */
  invalid: (message: string) => AwsApiError;
}

/** One page of `items` as a REST service pages it from the URL query; `next` is the token of the next page. */
export function restPage<T>(
  ctx: RequestContext,
  items: readonly T[],
  paging: RestPaging,
): { page: T[]; next?: string } {
  const query = ctx.params;
  const rawSize = query.get(paging.size);
  let size = paging.fallback;
  if (rawSize !== null) {
    const n = Number(rawSize);
    if (!Number.isInteger(n) || n < (paging.min ?? 1) || n > paging.max) {
      throw paging.invalid(
        `1 validation error detected: Value '${rawSize}' at '${paging.size}' failed to satisfy constraint: Member must have value between ${paging.min ?? 1} and ${paging.max}`,
      );
    }
    size = n;
  }
  const start = decodeToken(ctx.operation, query.get(paging.token) ?? undefined, () =>
    paging.invalid(`Invalid ${paging.token}: the token is not valid for this request.`),
  );
  const { items: page, next } = pageOf(items, start, size);
  return next === undefined ? { page } : { page, next: encodeToken(ctx.operation, next) };
}

/** The decoded path segments of a REST request (`/2015-03-31/functions/my-fn/policy` -> ['2015-03-31', 'functions', 'my-fn', 'policy']). */
export function pathSegments(url: URL): string[] {
  return url.pathname
    .split('/')
    .filter((s) => s !== '')
    .map((s) => decodeURIComponent(s));
}
