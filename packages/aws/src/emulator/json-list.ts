import { AwsApiError } from './api-error.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import type { RequestContext } from './request-context.ts';

type Json = Record<string, unknown>;

/** A string member of a JSON request, undefined when absent or not a string. */
export function jsonString(input: Json, name: string): string | undefined {
  const v = input[name];
  return typeof v === 'string' ? v : undefined;
}

/** A list-of-strings member of a JSON request (`[]` when absent). */
export function jsonStrings(input: Json, name: string): string[] {
  const v = input[name];
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

/** A required string member, refused as the JSON services refuse a missing one. */
export function requiredString(input: Json, name: string, code = 'InvalidParameterException'): string {
  const v = jsonString(input, name);
  if (v === undefined || v === '') throw new AwsApiError(code, `${name} must be specified.`);
  return v;
}

/** How a service pages with `nextToken`/`maxResults`: the range and default of maxResults. */
export interface TokenPaging {
  max: number;
  fallback: number;
  /** The error code of an invalid maxResults or nextToken (`InvalidParameterException`). */
  code?: string;
}

/**
 * One page of `items` as the services paging with `nextToken` and
 * `maxResults` answer: the page, and the token of the next one while there is more.
 */
export function tokenPage<T>(
  ctx: RequestContext,
  input: Json,
  items: readonly T[],
  paging: TokenPaging,
): { items: T[]; nextToken?: string } {
  const code = paging.code ?? 'InvalidParameterException';
  const limit = input.maxResults;
  if (
    limit !== undefined &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > paging.max)
  ) {
    throw new AwsApiError(code, `maxResults must be between 1 and ${paging.max}.`);
  }
  const start = decodeToken(
    ctx.operation,
    jsonString(input, 'nextToken'),
    () => new AwsApiError(code, 'Invalid NextToken provided.'),
  );
  const page = pageOf(items, start, typeof limit === 'number' ? limit : paging.fallback);
  return {
    items: page.items,
    ...(page.next !== undefined ? { nextToken: encodeToken(ctx.operation, page.next) } : {}),
  };
}

/** Epoch seconds, as the JSON protocols carry timestamps. */
export const epochSeconds = (iso: string): number => new Date(iso).getTime() / 1000;
