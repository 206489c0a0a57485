import type { RDSClient } from '@aws-sdk/client-rds';
import type { CollectContext } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';

/** Every page of one Marker-paged RDS Describe operation in the scope's region. */
export function rdsPages<T extends { Marker?: string | undefined }>(
  ctx: CollectContext<AwsScopeContext>,
  operation: string,
  send: (rds: RDSClient, marker: string | undefined, signal: AbortSignal) => Promise<T>,
): AsyncIterable<T> {
  return streamWith(ctx.context.clients.rds(ctx.context.region), (rds) =>
    paginate(
      ctx,
      `rds:${operation}`,
      (marker) => send(rds, marker, requestSignal(ctx.signal)),
      (page) => page.Marker,
    ),
  );
}
