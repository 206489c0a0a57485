import { DescribeDBClustersCommand, type DescribeDBClustersCommandOutput } from '@aws-sdk/client-rds';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { RDSCluster } from '../../schema/rds.ts';
import { isoDate, present, type Where } from '../where.ts';
import { rdsPages } from './rds-pages.ts';

type Page = Pick<DescribeDBClustersCommandOutput, 'DBClusters'>;

/** The ARN of a DB cluster from its identifier. */
export function clusterArn(where: Where, identifier: string): string {
  return `arn:aws:rds:${where.region}:${where.accountId}:cluster:${identifier}`;
}

/** DB cluster rows of one DescribeDBClusters page. */
export function transformClusters(page: Page, where: Where) {
  const rows: NodeRow<typeof RDSCluster>[] = [];
  for (const c of page.DBClusters ?? []) {
    if (!c.DBClusterIdentifier) continue;
    const arn = c.DBClusterArn ?? clusterArn(where, c.DBClusterIdentifier);
    rows.push({
      id: arn,
      arn,
      db_cluster_identifier: c.DBClusterIdentifier,
      db_cluster_resource_id: c.DbClusterResourceId,
      engine: c.Engine,
      engine_version: c.EngineVersion,
      engine_mode: c.EngineMode,
      status: c.Status,
      endpoint: c.Endpoint,
      reader_endpoint: c.ReaderEndpoint,
      port: c.Port,
      hosted_zone_id: c.HostedZoneId,
      master_username: c.MasterUsername,
      database_name: c.DatabaseName,
      db_subnet_group: c.DBSubnetGroup,
      availability_zones: present(c.AvailabilityZones),
      multi_az: c.MultiAZ,
      storage_encrypted: c.StorageEncrypted,
      kms_key_id: c.KmsKeyId,
      iam_database_authentication_enabled: c.IAMDatabaseAuthenticationEnabled,
      publicly_accessible: c.PubliclyAccessible,
      backup_retention_period: c.BackupRetentionPeriod,
      deletion_protection: c.DeletionProtection,
      cluster_create_time: isoDate(c.ClusterCreateTime),
      region: where.region,
      securityGroups: present((c.VpcSecurityGroups ?? []).map((g) => g.VpcSecurityGroupId)),
    });
  }
  return [load(RDSCluster, rows)];
}

/** DB clusters of a region (RDS DescribeDBClusters). */
export const dbClustersCollector = defineCollector<AwsScopeContext, Page>({
  name: 'rds:clusters',
  schemas: [RDSCluster],
  fetch: (ctx) =>
    rdsPages(ctx, 'DescribeDBClusters', (rds, Marker, abortSignal) =>
      rds.send(new DescribeDBClustersCommand({ MaxRecords: 100, Marker }), { abortSignal }),
    ),
  transform: (page, ctx) => transformClusters(page, ctx.context),
});
