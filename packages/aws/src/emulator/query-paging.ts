import { AwsApiError } from './api-error.ts';
import { decodeToken, encodeToken, intParam, pageOf } from './paging.ts';
import type { RequestContext } from './request-context.ts';

/**
 * Marker paging of the ELB, ELBv2 and RDS Query APIs: `sizeParam` (PageSize or
 * MaxRecords) within bounds, an opaque `Marker`, and `NextMarker`/`Marker` out.
 */
export function markerPage<T>(
  ctx: RequestContext,
  items: readonly T[],
  options: { sizeParam: string; min: number; max: number; defaultSize: number; errorCode: string },
): { items: T[]; nextMarker: string | undefined } {
  const error = (m: string) => new AwsApiError(options.errorCode, m);
  const size =
    intParam(ctx.params.get(options.sizeParam) ?? undefined, options.sizeParam, error) ?? options.defaultSize;
  if (size < options.min || size > options.max) {
    throw error(`${options.sizeParam} must be between ${options.min} and ${options.max}.`);
  }
  const start = decodeToken(ctx.operation, ctx.params.get('Marker') ?? undefined, () =>
    error('Invalid marker.'),
  );
  const page = pageOf(items, start, size);
  return {
    items: page.items,
    nextMarker: page.next === undefined ? undefined : encodeToken(ctx.operation, page.next),
  };
}
