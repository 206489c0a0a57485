import { GetEbsEncryptionByDefaultCommand, type GetEbsEncryptionByDefaultResult } from '@aws-sdk/client-ec2';
import { defineCollector, load } from '@skygraph/core';
import { withClient } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { EBSDefaultEncryption } from '../../schema/account-settings.ts';
import type { Where } from '../where.ts';

/** The region's EBS encryption by default setting as one node. */
export function transformEbsDefaultEncryption(page: GetEbsEncryptionByDefaultResult, where: Where) {
  return [
    load(EBSDefaultEncryption, [
      {
        id: `${where.accountId}:${where.region}`,
        account_id: where.accountId,
        enabled: page.EbsEncryptionByDefault,
        sse_type: page.SseType,
        region: where.region,
      },
    ]),
  ] as const;
}

/** Whether new EBS volumes are encrypted by default in a region (EC2 GetEbsEncryptionByDefault, one request). */
export const ebsDefaultEncryptionCollector = defineCollector<
  AwsScopeContext,
  GetEbsEncryptionByDefaultResult
>({
  name: 'ec2:ebs-default-encryption',
  schemas: [EBSDefaultEncryption],
  async *fetch(ctx) {
    yield await withClient(ctx.context.clients.ec2(ctx.context.region), (ec2) =>
      ctx.call('ec2:GetEbsEncryptionByDefault', () =>
        ec2.send(new GetEbsEncryptionByDefaultCommand({}), { abortSignal: requestSignal(ctx.signal) }),
      ),
    );
  },
  transform: (page, ctx) => transformEbsDefaultEncryption(page, ctx.context),
});
