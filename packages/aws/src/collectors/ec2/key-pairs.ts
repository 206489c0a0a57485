import { DescribeKeyPairsCommand, type DescribeKeyPairsCommandOutput } from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { requestSignal } from '../../paging.ts';
import { EC2KeyPair } from '../../schema/key-pair.ts';
import { isoDate, partitionOf, type Where } from '../where.ts';

type Page = Pick<DescribeKeyPairsCommandOutput, 'KeyPairs'>;

/** The ARN skygraph (like Cartography) keys a key pair by. */
export function keyPairArn(where: Where, keyName: string): string {
  return `arn:${partitionOf(where.region)}:ec2:${where.region}:${where.accountId}:key-pair/${keyName}`;
}

/**
 * Key pair rows. AWS-generated keys have SHA-1 fingerprints (20 bytes),
 * imported ones MD5 (16 bytes): the length tells them apart.
 */
export function transformKeyPairs(page: Page, where: Where) {
  const rows: NodeRow<typeof EC2KeyPair>[] = [];
  for (const k of page.KeyPairs ?? []) {
    if (!k.KeyName) continue;
    const fingerprint = k.KeyFingerprint;
    const bytes = fingerprint?.includes(':') ? fingerprint.split(':').length : undefined;
    rows.push({
      id: keyPairArn(where, k.KeyName),
      arn: keyPairArn(where, k.KeyName),
      keyname: k.KeyName,
      keypairid: k.KeyPairId,
      keyfingerprint: fingerprint,
      keytype: k.KeyType,
      user_uploaded: bytes === undefined ? undefined : bytes === 16,
      createtime: isoDate(k.CreateTime),
      region: where.region,
    });
  }
  return [load(EC2KeyPair, rows)];
}

/** Key pairs of a region (EC2 DescribeKeyPairs; not paged). */
export const keyPairsCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:key-pairs',
  schemas: [EC2KeyPair],
  async *fetch(ctx) {
    const ec2 = ctx.context.clients.ec2(ctx.context.region);
    try {
      yield await ctx.call('ec2:DescribeKeyPairs', () =>
        ec2.send(new DescribeKeyPairsCommand({}), { abortSignal: requestSignal(ctx.signal) }),
      );
    } finally {
      ec2.destroy();
    }
  },
  transform: (page, ctx) => transformKeyPairs(page, ctx.context),
});
