import { AwsApiError } from './api-error.ts';
import type {
  AwsDbCluster,
  AwsDbInstance,
  AwsDbSubnetGroup,
  AwsRegionResources,
  AwsTag,
} from './estate-types.ts';
import { emptyRegion } from './generate-region.ts';
import { markerPage } from './query-paging.ts';
import { RDS_SNAPSHOT_OPERATIONS } from './rds-snapshots-handler.ts';
import { type RequestContext, structListParam, subList } from './request-context.ts';
import { el, list, stringList, wrap } from './xml.ts';

const EMPTY = emptyRegion();
export const regionOf = (ctx: RequestContext): AwsRegionResources => ctx.account.regions[ctx.region] ?? EMPTY;
export const PAGING = {
  sizeParam: 'MaxRecords',
  min: 20,
  max: 100,
  defaultSize: 100,
  errorCode: 'InvalidParameterValue',
};

export const tagList = (tags: readonly AwsTag[]) =>
  list('TagList', 'Tag', tags, (t) => el('Key', t.key) + el('Value', t.value));
const vpcSecurityGroups = (ids: readonly string[]) =>
  list(
    'VpcSecurityGroups',
    'VpcSecurityGroupMembership',
    ids,
    (id) => el('VpcSecurityGroupId', id) + el('Status', 'active'),
  );

/** `Filters.Filter.N.Name` / `Filters.Filter.N.Values.Value.M`, checked against the names an operation supports. */
export function applyFilters<T>(
  ctx: RequestContext,
  items: readonly T[],
  table: Record<string, (t: T) => string | undefined>,
): readonly T[] {
  const filters = structListParam(ctx.params, 'Filters').map((f) => {
    const name = f.get('Name') ?? '';
    const get = table[name];
    if (!get) throw new AwsApiError('InvalidParameterValue', `Unrecognized filter name: ${name}`);
    return { get, values: subList(f, 'Values') };
  });
  return filters.length === 0
    ? items
    : items.filter((i) => filters.every((f) => f.values.includes(f.get(i) ?? '')));
}

function subnetGroupBody(g: AwsDbSubnetGroup): string {
  return (
    el('DBSubnetGroupName', g.dbSubnetGroupName) +
    el('DBSubnetGroupDescription', g.description) +
    el('VpcId', g.vpcId) +
    el('SubnetGroupStatus', g.status) +
    list(
      'Subnets',
      'Subnet',
      g.subnets,
      (s) =>
        el('SubnetIdentifier', s.subnetIdentifier) +
        wrap('SubnetAvailabilityZone', el('Name', s.availabilityZone)) +
        '<SubnetOutpost/>' +
        el('SubnetStatus', s.status),
    )
  );
}

function renderInstance(db: AwsDbInstance, groups: Map<string, AwsDbSubnetGroup>): string {
  const group = groups.get(db.dbSubnetGroupName);
  const family = db.engine.startsWith('aurora')
    ? `default.${db.engine}15`
    : `default.${db.engine}${db.engineVersion.split('.')[0]}`;
  return (
    el('DBInstanceIdentifier', db.dbInstanceIdentifier) +
    el('DBInstanceClass', db.dbInstanceClass) +
    el('Engine', db.engine) +
    el('DBInstanceStatus', db.dbInstanceStatus) +
    el('MasterUsername', db.masterUsername) +
    el('DBName', db.dbName) +
    wrap(
      'Endpoint',
      el('Address', db.endpoint.address) +
        el('Port', db.endpoint.port) +
        el('HostedZoneId', db.endpoint.hostedZoneId),
    ) +
    el('AllocatedStorage', db.allocatedStorage) +
    el('InstanceCreateTime', db.instanceCreateTime) +
    el('PreferredBackupWindow', '03:00-03:30') +
    el('BackupRetentionPeriod', db.backupRetentionPeriod) +
    '<DBSecurityGroups/>' +
    vpcSecurityGroups(db.vpcSecurityGroupIds) +
    list(
      'DBParameterGroups',
      'DBParameterGroup',
      [family],
      (n) => el('DBParameterGroupName', n) + el('ParameterApplyStatus', 'in-sync'),
    ) +
    el('AvailabilityZone', db.availabilityZone) +
    (group ? wrap('DBSubnetGroup', subnetGroupBody(group)) : '') +
    el('PreferredMaintenanceWindow', 'sun:05:00-sun:05:30') +
    '<PendingModifiedValues/>' +
    el('MultiAZ', db.multiAz) +
    el('EngineVersion', db.engineVersion) +
    el('AutoMinorVersionUpgrade', db.autoMinorVersionUpgrade) +
    '<ReadReplicaDBInstanceIdentifiers/>' +
    el(
      'LicenseModel',
      db.engine === 'mysql' || db.engine === 'mariadb' ? 'general-public-license' : 'postgresql-license',
    ) +
    '<OptionGroupMemberships/>' +
    el('PubliclyAccessible', db.publiclyAccessible) +
    el('StorageType', db.storageType) +
    el('DbInstancePort', 0) +
    el('DBClusterIdentifier', db.dbClusterIdentifier) +
    el('StorageEncrypted', db.storageEncrypted) +
    el('KmsKeyId', db.kmsKeyId) +
    el('DbiResourceId', db.dbiResourceId) +
    el('CACertificateIdentifier', db.caCertificateIdentifier) +
    '<DomainMemberships/>' +
    el('CopyTagsToSnapshot', false) +
    el('MonitoringInterval', 0) +
    el('DBInstanceArn', db.dbInstanceArn) +
    el('IAMDatabaseAuthenticationEnabled', db.iamDatabaseAuthenticationEnabled) +
    el('PerformanceInsightsEnabled', false) +
    el('DeletionProtection', db.deletionProtection) +
    '<AssociatedRoles/>' +
    tagList(db.tags) +
    el('CustomerOwnedIpEnabled', false) +
    el('NetworkType', 'IPV4') +
    el('BackupTarget', 'region') +
    wrap('CertificateDetails', el('CAIdentifier', db.caCertificateIdentifier))
  );
}

function describeDbInstances(ctx: RequestContext): string {
  const region = regionOf(ctx);
  const id = ctx.params.get('DBInstanceIdentifier');
  let items: readonly AwsDbInstance[] = region.dbInstances;
  if (id) {
    items = items.filter((d) => d.dbInstanceIdentifier === id || d.dbInstanceArn === id);
    if (items.length === 0) throw new AwsApiError('DBInstanceNotFound', `DBInstance ${id} not found.`, 404);
  }
  items = applyFilters(ctx, items, {
    'db-instance-id': (d) => d.dbInstanceIdentifier,
    'db-cluster-id': (d) => d.dbClusterIdentifier,
    'dbi-resource-id': (d) => d.dbiResourceId,
    engine: (d) => d.engine,
  });
  const groups = new Map(region.dbSubnetGroups.map((g) => [g.dbSubnetGroupName, g]));
  const page = markerPage(ctx, items, PAGING);
  return (
    list('DBInstances', 'DBInstance', page.items, (d) => renderInstance(d, groups)) +
    el('Marker', page.nextMarker)
  );
}

function renderCluster(c: AwsDbCluster): string {
  return (
    el('AllocatedStorage', 1) +
    stringList('AvailabilityZones', 'AvailabilityZone', c.availabilityZones) +
    el('BackupRetentionPeriod', c.backupRetentionPeriod) +
    el('DatabaseName', c.databaseName) +
    el('DBClusterIdentifier', c.dbClusterIdentifier) +
    el('DBClusterParameterGroup', `default.${c.engine}15`) +
    el('DBSubnetGroup', c.dbSubnetGroupName) +
    el('Status', c.status) +
    el('Endpoint', c.endpoint) +
    el('ReaderEndpoint', c.readerEndpoint) +
    el('MultiAZ', c.multiAz) +
    el('Engine', c.engine) +
    el('EngineVersion', c.engineVersion) +
    el('Port', c.port) +
    el('MasterUsername', c.masterUsername) +
    el('PreferredBackupWindow', '03:00-03:30') +
    el('PreferredMaintenanceWindow', 'sun:05:00-sun:05:30') +
    '<ReadReplicaIdentifiers/>' +
    list(
      'DBClusterMembers',
      'DBClusterMember',
      c.members,
      (m) =>
        el('DBInstanceIdentifier', m.dbInstanceIdentifier) +
        el('IsClusterWriter', m.isClusterWriter) +
        el('DBClusterParameterGroupStatus', 'in-sync') +
        el('PromotionTier', 1),
    ) +
    vpcSecurityGroups(c.vpcSecurityGroupIds) +
    el('HostedZoneId', c.hostedZoneId) +
    el('StorageEncrypted', c.storageEncrypted) +
    el('KmsKeyId', c.kmsKeyId) +
    el('DbClusterResourceId', c.dbClusterResourceId) +
    el('DBClusterArn', c.dbClusterArn) +
    '<AssociatedRoles/>' +
    el('IAMDatabaseAuthenticationEnabled', c.iamDatabaseAuthenticationEnabled) +
    el('ClusterCreateTime', c.clusterCreateTime) +
    el('EngineMode', c.engineMode) +
    el('DeletionProtection', c.deletionProtection) +
    el('HttpEndpointEnabled', false) +
    el('CopyTagsToSnapshot', false) +
    el('CrossAccountClone', false) +
    el('PubliclyAccessible', c.publiclyAccessible) +
    tagList(c.tags) +
    el('NetworkType', 'IPV4')
  );
}

function describeDbClusters(ctx: RequestContext): string {
  const id = ctx.params.get('DBClusterIdentifier');
  let items: readonly AwsDbCluster[] = regionOf(ctx).dbClusters;
  if (id) {
    items = items.filter((c) => c.dbClusterIdentifier === id || c.dbClusterArn === id);
    if (items.length === 0)
      throw new AwsApiError('DBClusterNotFoundFault', `DBCluster ${id} not found.`, 404);
  }
  items = applyFilters(ctx, items, {
    'db-cluster-id': (c) => c.dbClusterIdentifier,
    'db-cluster-resource-id': (c) => c.dbClusterResourceId,
    engine: (c) => c.engine,
  });
  const page = markerPage(ctx, items, PAGING);
  return list('DBClusters', 'DBCluster', page.items, renderCluster) + el('Marker', page.nextMarker);
}

function describeDbSubnetGroups(ctx: RequestContext): string {
  const name = ctx.params.get('DBSubnetGroupName');
  let items: readonly AwsDbSubnetGroup[] = regionOf(ctx).dbSubnetGroups;
  if (name) {
    items = items.filter((g) => g.dbSubnetGroupName === name);
    if (items.length === 0)
      throw new AwsApiError('DBSubnetGroupNotFoundFault', `DB subnet group '${name}' not found.`, 404);
  }
  const page = markerPage(ctx, items, PAGING);
  return (
    list(
      'DBSubnetGroups',
      'DBSubnetGroup',
      page.items,
      (g) =>
        subnetGroupBody(g) +
        el('DBSubnetGroupArn', g.dbSubnetGroupArn) +
        stringList('SupportedNetworkTypes', 'member', ['IPV4']),
    ) + el('Marker', page.nextMarker)
  );
}

const OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeDBInstances: describeDbInstances,
  DescribeDBClusters: describeDbClusters,
  DescribeDBSubnetGroups: describeDbSubnetGroups,
};

export const RDS_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

export function handleRds(ctx: RequestContext): string {
  const op = OPERATIONS[ctx.operation] ?? RDS_SNAPSHOT_OPERATIONS[ctx.operation];
  if (!op)
    throw new AwsApiError(
      'InvalidAction',
      `Could not find operation ${ctx.operation} for version 2014-10-31`,
    );
  return op(ctx);
}
