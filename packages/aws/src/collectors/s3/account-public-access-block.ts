import { GetPublicAccessBlockCommand, type PublicAccessBlockConfiguration } from '@aws-sdk/client-s3-control';
import { defineCollector, load } from '@skygraph/core';
import { withClient } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { S3AccountPublicAccessBlock } from '../../schema/s3-account-public-access-block.ts';
import type { Where } from '../where.ts';

/** What S3 Control answered: the configuration, or none when the account has not set one. */
export interface AccountPublicAccessBlockPage {
  configuration: PublicAccessBlockConfiguration | undefined;
}

/** One row keyed `<account>:<region>` when the account has the configuration, none otherwise (as Cartography). */
export function transformAccountPublicAccessBlock(page: AccountPublicAccessBlockPage, where: Where) {
  const c = page.configuration;
  const rows = c
    ? [
        {
          id: `${where.accountId}:${where.region}`,
          account_id: where.accountId,
          region: where.region,
          block_public_acls: c.BlockPublicAcls,
          ignore_public_acls: c.IgnorePublicAcls,
          block_public_policy: c.BlockPublicPolicy,
          restrict_public_buckets: c.RestrictPublicBuckets,
        },
      ]
    : [];
  return [load(S3AccountPublicAccessBlock, rows)] as const;
}

/**
 * The account's S3 Block Public Access settings, read in each synced region
 * as Cartography reads them (S3 Control GetPublicAccessBlock, one request).
 * `NoSuchPublicAccessBlockConfiguration` means the account has none.
 */
export const accountPublicAccessBlockCollector = defineCollector<
  AwsScopeContext,
  AccountPublicAccessBlockPage
>({
  name: 's3:account-public-access-block',
  schemas: [S3AccountPublicAccessBlock],
  async *fetch(ctx) {
    const { accountId, region } = ctx.context;
    yield await withClient(ctx.context.clients.s3Control(region), async (s3control) => {
      try {
        const out = await ctx.call('s3control:GetPublicAccessBlock', () =>
          s3control.send(new GetPublicAccessBlockCommand({ AccountId: accountId }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        );
        return { configuration: out.PublicAccessBlockConfiguration };
      } catch (error) {
        if ((error as Error).name === 'NoSuchPublicAccessBlockConfiguration')
          return { configuration: undefined };
        throw error;
      }
    });
  },
  transform: (page, ctx) => transformAccountPublicAccessBlock(page, ctx.context),
});
