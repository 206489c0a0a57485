import { type IAMClient, ListUsersCommand } from '@aws-sdk/client-iam';
import type { CollectContext } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';

/** IAM ListUsers, page by page (up to 1,000 users a page). */
export function listUsersPages(ctx: CollectContext<AwsScopeContext>, iam: IAMClient) {
  return paginate(
    ctx,
    'iam:ListUsers',
    (Marker) =>
      iam.send(new ListUsersCommand({ MaxItems: 1000, Marker }), { abortSignal: requestSignal(ctx.signal) }),
    (p) => (p.IsTruncated ? p.Marker : undefined),
  );
}
