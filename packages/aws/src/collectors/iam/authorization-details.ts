import {
  type EntityType,
  GetAccountAuthorizationDetailsCommand,
  type GetAccountAuthorizationDetailsCommandOutput,
} from '@aws-sdk/client-iam';
import type { CollectContext } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';

/** A page of GetAccountAuthorizationDetails. */
export type AuthorizationDetailsPage = Pick<
  GetAccountAuthorizationDetailsCommandOutput,
  'UserDetailList' | 'GroupDetailList' | 'RoleDetailList' | 'Policies'
>;

/**
 * Streams GetAccountAuthorizationDetails for some entity types. One call
 * returns users, groups, roles and policies with their documents, the way
 * IAM intends auditors to read an account; filtering by type lets the
 * collectors load policies, groups, users and roles in that order.
 */
export function authorizationDetails(
  ctx: CollectContext<AwsScopeContext>,
  filter: EntityType[],
): AsyncIterable<GetAccountAuthorizationDetailsCommandOutput> {
  return streamWith(ctx.context.clients.iam(ctx.context.region), (iam) =>
    paginate(
      ctx,
      'iam:GetAccountAuthorizationDetails',
      (Marker) =>
        iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: filter, MaxItems: 100, Marker }), {
          abortSignal: requestSignal(ctx.signal),
        }),
      (page) => (page.IsTruncated ? page.Marker : undefined),
    ),
  );
}
