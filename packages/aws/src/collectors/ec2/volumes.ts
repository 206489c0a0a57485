import { DescribeVolumesCommand, type DescribeVolumesCommandOutput } from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { EBSVolume } from '../../schema/volume.ts';
import { isoDate, present, type Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeVolumesCommandOutput, 'Volumes'>;

/** Volume rows of one DescribeVolumes page. */
export function transformVolumes(page: Page, where: Where) {
  const rows: NodeRow<typeof EBSVolume>[] = [];
  for (const v of page.Volumes ?? []) {
    if (!v.VolumeId) continue;
    const attachments = v.Attachments ?? [];
    rows.push({
      id: v.VolumeId,
      arn: `arn:aws:ec2:${where.region}:${where.accountId}:volume/${v.VolumeId}`,
      volumeid: v.VolumeId,
      availabilityzone: v.AvailabilityZone,
      createtime: isoDate(v.CreateTime),
      encrypted: v.Encrypted,
      kmskeyid: v.KmsKeyId,
      size: v.Size,
      state: v.State,
      snapshotid: v.SnapshotId || undefined,
      iops: v.Iops,
      throughput: v.Throughput,
      type: v.VolumeType,
      outpostarn: v.OutpostArn,
      fastrestored: v.FastRestored,
      multiattachenabled: v.MultiAttachEnabled,
      deleteontermination: attachments[0]?.DeleteOnTermination,
      region: where.region,
      instances: present(attachments.map((a) => a.InstanceId)),
      snapshot: v.SnapshotId || undefined,
    });
  }
  return [load(EBSVolume, rows)];
}

/** EBS volumes of a region, linked to the instances they are attached to (EC2 DescribeVolumes). */
export const volumesCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:volumes',
  schemas: [EBSVolume],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeVolumes', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeVolumesCommand({ MaxResults: 500, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformVolumes(page, ctx.context),
});
