import {
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  type EC2Client,
  type Snapshot,
} from '@aws-sdk/client-ec2';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { EBSSnapshot } from '../../schema/snapshots.ts';
import { permissionSharing, type Shared, sharingProperties, withSharing } from '../sharing.ts';
import { isoDate, type Where } from '../where.ts';

/** Snapshot rows of one page of the account's snapshots with their sharing. */
export function transformSnapshots(page: readonly Shared<Snapshot>[], where: Where) {
  const rows: NodeRow<typeof EBSSnapshot>[] = [];
  for (const { item: s, sharing } of page) {
    if (!s.SnapshotId) continue;
    rows.push({
      id: s.SnapshotId,
      snapshotid: s.SnapshotId,
      description: s.Description || undefined,
      ownerid: s.OwnerId,
      encrypted: s.Encrypted,
      progress: s.Progress,
      starttime: isoDate(s.StartTime),
      state: s.State,
      statemessage: s.StateMessage,
      volumeid: s.VolumeId,
      volumesize: s.VolumeSize,
      outpostarn: s.OutpostArn,
      dataencryptionkeyid: s.DataEncryptionKeyId,
      kmskeyid: s.KmsKeyId,
      ...sharingProperties(sharing),
      region: where.region,
    });
  }
  return [load(EBSSnapshot, rows)];
}

function snapshotPages(ctx: CollectContext<AwsScopeContext>, ec2: EC2Client) {
  const pages = paginate(
    ctx,
    'ec2:DescribeSnapshots',
    (NextToken) =>
      ec2.send(new DescribeSnapshotsCommand({ OwnerIds: ['self'], MaxResults: 1000, NextToken }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextToken,
  );
  return withSharing(ctx, pages, (p) => p.Snapshots ?? [], {
    operation: 'ec2:DescribeSnapshotAttribute',
    idOf: (s) => s.SnapshotId,
    read: async (SnapshotId, abortSignal) => {
      const out = await ec2.send(
        new DescribeSnapshotAttributeCommand({ SnapshotId, Attribute: 'createVolumePermission' }),
        { abortSignal },
      );
      return permissionSharing(out.CreateVolumePermissions);
    },
  });
}

/**
 * The EBS snapshots the account owns in a region, public or shared with
 * other accounts (EC2 DescribeSnapshots OwnerIds=self, then
 * DescribeSnapshotAttribute createVolumePermission per snapshot).
 */
export const snapshotsCollector = defineCollector<AwsScopeContext, Shared<Snapshot>[]>({
  name: 'ec2:snapshots',
  schemas: [EBSSnapshot],
  fetch: (ctx) => streamWith(ctx.context.clients.ec2(ctx.context.region), (ec2) => snapshotPages(ctx, ec2)),
  transform: (page, ctx) => transformSnapshots(page, ctx.context),
});
