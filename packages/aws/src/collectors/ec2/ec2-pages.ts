import type { EC2Client } from '@aws-sdk/client-ec2';
import type { CollectContext } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';

/** Every page of one paged EC2 Describe operation in the scope's region. */
export function ec2Pages<T extends { NextToken?: string | undefined }>(
  ctx: CollectContext<AwsScopeContext>,
  operation: string,
  send: (ec2: EC2Client, token: string | undefined, signal: AbortSignal) => Promise<T>,
): AsyncIterable<T> {
  return streamWith(ctx.context.clients.ec2(ctx.context.region), (ec2) =>
    paginate(
      ctx,
      `ec2:${operation}`,
      (token) => send(ec2, token, requestSignal(ctx.signal)),
      (page) => page.NextToken,
    ),
  );
}
