import { DescribeDBInstancesCommand, type DescribeDBInstancesCommandOutput } from '@aws-sdk/client-rds';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { RDSInstance } from '../../schema/rds.ts';
import { isoDate, present, type Where } from '../where.ts';
import { clusterArn } from './clusters.ts';
import { rdsPages } from './rds-pages.ts';
import { subnetGroupArn } from './subnet-groups.ts';

type Page = Pick<DescribeDBInstancesCommandOutput, 'DBInstances'>;

/** A replica source is an identifier in the same region, or an ARN across regions. */
function instanceArn(where: Where, identifierOrArn: string): string {
  return identifierOrArn.startsWith('arn:')
    ? identifierOrArn
    : `arn:aws:rds:${where.region}:${where.accountId}:db:${identifierOrArn}`;
}

/** DB instance rows of one DescribeDBInstances page. */
export function transformDbInstances(page: Page, where: Where) {
  const rows: NodeRow<typeof RDSInstance>[] = [];
  for (const db of page.DBInstances ?? []) {
    if (!db.DBInstanceIdentifier) continue;
    const arn = db.DBInstanceArn ?? instanceArn(where, db.DBInstanceIdentifier);
    const subnetGroup = db.DBSubnetGroup;
    const source = db.ReadReplicaSourceDBInstanceIdentifier;
    rows.push({
      id: arn,
      arn,
      db_instance_identifier: db.DBInstanceIdentifier,
      dbi_resource_id: db.DbiResourceId,
      db_instance_class: db.DBInstanceClass,
      engine: db.Engine,
      engine_version: db.EngineVersion,
      db_instance_status: db.DBInstanceStatus,
      master_username: db.MasterUsername,
      db_name: db.DBName,
      endpoint_address: db.Endpoint?.Address,
      endpoint_port: db.Endpoint?.Port,
      endpoint_hostedzoneid: db.Endpoint?.HostedZoneId,
      db_instance_port: db.DbInstancePort || db.Endpoint?.Port,
      allocated_storage: db.AllocatedStorage,
      storage_type: db.StorageType,
      instance_create_time: isoDate(db.InstanceCreateTime),
      availability_zone: db.AvailabilityZone,
      multi_az: db.MultiAZ,
      publicly_accessible: db.PubliclyAccessible,
      storage_encrypted: db.StorageEncrypted,
      kms_key_id: db.KmsKeyId,
      iam_database_authentication_enabled: db.IAMDatabaseAuthenticationEnabled,
      db_cluster_identifier: db.DBClusterIdentifier,
      read_replica_source_db_instance_identifier: source,
      backup_retention_period: db.BackupRetentionPeriod,
      preferred_backup_window: db.PreferredBackupWindow,
      preferred_maintenance_window: db.PreferredMaintenanceWindow,
      deletion_protection: db.DeletionProtection,
      auto_minor_version_upgrade: db.AutoMinorVersionUpgrade,
      ca_certificate_identifier: db.CACertificateIdentifier,
      performance_insights_enabled: db.PerformanceInsightsEnabled,
      enhanced_monitoring_resource_arn: db.EnhancedMonitoringResourceArn,
      monitoring_role_arn: db.MonitoringRoleArn,
      region: where.region,
      securityGroups: present((db.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId)),
      subnetGroup: subnetGroup?.DBSubnetGroupName
        ? (subnetGroup.DBSubnetGroupArn ?? subnetGroupArn(where, subnetGroup.DBSubnetGroupName))
        : undefined,
      cluster: db.DBClusterIdentifier ? clusterArn(where, db.DBClusterIdentifier) : undefined,
      readReplicaOf: source ? instanceArn(where, source) : undefined,
    });
  }
  return [load(RDSInstance, rows)];
}

/** DB instances of a region (RDS DescribeDBInstances). */
export const dbInstancesCollector = defineCollector<AwsScopeContext, Page>({
  name: 'rds:instances',
  schemas: [RDSInstance],
  fetch: (ctx) =>
    rdsPages(ctx, 'DescribeDBInstances', (rds, Marker, abortSignal) =>
      rds.send(new DescribeDBInstancesCommand({ MaxRecords: 100, Marker }), { abortSignal }),
    ),
  transform: (page, ctx) => transformDbInstances(page, ctx.context),
});
