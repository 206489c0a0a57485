import {
  type DBSnapshot,
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  type RDSClient,
} from '@aws-sdk/client-rds';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { RDSSnapshot } from '../../schema/snapshots.ts';
import { restoreSharing, type Shared, sharingProperties, withSharing } from '../sharing.ts';
import { isoDate, partitionOf, type Where } from '../where.ts';

/** Snapshot rows of one DescribeDBSnapshots page with who may restore each. */
export function transformDbSnapshots(page: readonly Shared<DBSnapshot>[], where: Where) {
  const rows: NodeRow<typeof RDSSnapshot>[] = [];
  const instanceArn = (id: string) =>
    `arn:${partitionOf(where.region)}:rds:${where.region}:${where.accountId}:db:${id}`;
  for (const { item: s, sharing } of page) {
    if (!s.DBSnapshotArn || !s.DBSnapshotIdentifier) continue;
    rows.push({
      id: s.DBSnapshotArn,
      arn: s.DBSnapshotArn,
      db_snapshot_identifier: s.DBSnapshotIdentifier,
      db_instance_identifier: s.DBInstanceIdentifier,
      snapshot_create_time: isoDate(s.SnapshotCreateTime),
      engine: s.Engine,
      engine_version: s.EngineVersion,
      allocated_storage: s.AllocatedStorage,
      status: s.Status,
      port: s.Port,
      availability_zone: s.AvailabilityZone,
      vpc_id: s.VpcId,
      instance_create_time: isoDate(s.InstanceCreateTime),
      master_username: s.MasterUsername,
      license_model: s.LicenseModel,
      snapshot_type: s.SnapshotType,
      iops: s.Iops,
      option_group_name: s.OptionGroupName,
      percent_progress: s.PercentProgress,
      source_region: s.SourceRegion,
      source_db_snapshot_identifier: s.SourceDBSnapshotIdentifier,
      storage_type: s.StorageType,
      tde_credential_arn: s.TdeCredentialArn,
      encrypted: s.Encrypted,
      kms_key_id: s.KmsKeyId,
      timezone: s.Timezone,
      iam_database_authentication_enabled: s.IAMDatabaseAuthenticationEnabled,
      processor_features: s.ProcessorFeatures?.length ? JSON.stringify(s.ProcessorFeatures) : undefined,
      dbi_resource_id: s.DbiResourceId,
      original_snapshot_create_time: isoDate(s.OriginalSnapshotCreateTime),
      snapshot_database_time: isoDate(s.SnapshotDatabaseTime),
      snapshot_target: s.SnapshotTarget,
      storage_throughput: s.StorageThroughput,
      ...sharingProperties(sharing),
      region: where.region,
      instance: s.DBInstanceIdentifier ? instanceArn(s.DBInstanceIdentifier) : undefined,
    });
  }
  return [load(RDSSnapshot, rows)];
}

/** Only manual snapshots can be shared; the others are private without asking. */
const UNSHARED = { ispublic: false, shared_with_accounts: [] };

function dbSnapshotPages(ctx: CollectContext<AwsScopeContext>, rds: RDSClient) {
  const pages = paginate(
    ctx,
    'rds:DescribeDBSnapshots',
    (Marker) =>
      rds.send(new DescribeDBSnapshotsCommand({ MaxRecords: 100, Marker }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.Marker,
  );
  return withSharing(ctx, pages, (p) => p.DBSnapshots ?? [], {
    operation: 'rds:DescribeDBSnapshotAttributes',
    idOf: (s) => s.DBSnapshotIdentifier,
    known: (s) => (s.SnapshotType === 'manual' ? undefined : UNSHARED),
    read: async (DBSnapshotIdentifier, abortSignal) => {
      const out = await rds.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier }), {
        abortSignal,
      });
      const attributes = out.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [];
      return restoreSharing(attributes.find((a) => a.AttributeName === 'restore')?.AttributeValues);
    },
  });
}

/**
 * The DB snapshots of a region, linked to the instance they were taken of,
 * with who may restore the manual ones (RDS DescribeDBSnapshots, then
 * DescribeDBSnapshotAttributes per manual snapshot).
 */
export const dbSnapshotsCollector = defineCollector<AwsScopeContext, Shared<DBSnapshot>[]>({
  name: 'rds:snapshots',
  schemas: [RDSSnapshot],
  fetch: (ctx) => streamWith(ctx.context.clients.rds(ctx.context.region), (rds) => dbSnapshotPages(ctx, rds)),
  transform: (page, ctx) => transformDbSnapshots(page, ctx.context),
});
