import { AwsApiError } from './api-error.ts';
import type { AwsDbSnapshot } from './estate-snapshot-types.ts';
import { markerPage } from './query-paging.ts';
import { applyFilters, PAGING, regionOf, tagList } from './rds-handler.ts';
import type { RequestContext } from './request-context.ts';
import { el, list, stringList, wrap } from './xml.ts';

/**
 * RDS's DB snapshot operations: DescribeDBSnapshots and
 * DescribeDBSnapshotAttributes (the `restore` attribute a manual snapshot is
 * shared through: account ids, or `all` for a public snapshot).
 */

const notFound = (id: string) => new AwsApiError('DBSnapshotNotFound', `DBSnapshot ${id} not found.`, 404);

/**
 * The snapshots a DescribeDBSnapshots request lists: the caller's own, plus
 * (when asked with IncludeShared / IncludePublic or SnapshotType `shared` /
 * `public`) manual snapshots of the estate's other accounts in the region
 * shared with it or public.
 */
function candidates(ctx: RequestContext): AwsDbSnapshot[] {
  const type = ctx.params.get('SnapshotType') ?? '';
  const me = ctx.account.id;
  const shared = type === 'shared' || ctx.params.get('IncludeShared') === 'true';
  const publicOnes = type === 'public' || ctx.params.get('IncludePublic') === 'true';
  const own = type === 'shared' || type === 'public' ? [] : regionOf(ctx).dbSnapshots;
  const others: AwsDbSnapshot[] = [];
  if (shared || publicOnes) {
    for (const account of ctx.estate.accounts) {
      if (account.id === me) continue;
      for (const s of account.regions[ctx.region]?.dbSnapshots ?? []) {
        const isShared = s.sharing.accountIds.includes(me);
        if ((shared && isShared) || (publicOnes && s.sharing.public)) others.push(s);
      }
    }
  }
  return [...(type === '' ? own : own.filter((s) => s.snapshotType === type)), ...others];
}

function renderSnapshot(s: AwsDbSnapshot): string {
  return (
    el('DBSnapshotIdentifier', s.dbSnapshotIdentifier) +
    el('DBInstanceIdentifier', s.dbInstanceIdentifier) +
    el('SnapshotCreateTime', s.snapshotCreateTime) +
    el('Engine', s.engine) +
    el('AllocatedStorage', s.allocatedStorage) +
    el('Status', 'available') +
    el('Port', s.port) +
    el('AvailabilityZone', s.availabilityZone) +
    el('VpcId', s.vpcId) +
    el('InstanceCreateTime', s.instanceCreateTime) +
    el('MasterUsername', s.masterUsername) +
    el('EngineVersion', s.engineVersion) +
    el('LicenseModel', s.licenseModel) +
    el('SnapshotType', s.snapshotType) +
    el('OptionGroupName', `default:${s.engine}-${s.engineVersion.split('.')[0]}`) +
    el('PercentProgress', 100) +
    el('StorageType', s.storageType) +
    el('Encrypted', s.encrypted) +
    el('KmsKeyId', s.kmsKeyId) +
    el('DBSnapshotArn', s.dbSnapshotArn) +
    el('IAMDatabaseAuthenticationEnabled', s.iamDatabaseAuthenticationEnabled) +
    '<ProcessorFeatures/>' +
    el('DbiResourceId', s.dbiResourceId) +
    tagList(s.tags) +
    el('OriginalSnapshotCreateTime', s.snapshotCreateTime) +
    el('SnapshotTarget', 'region') +
    el('DedicatedLogVolume', false) +
    el('MultiTenant', false)
  );
}

function describeDbSnapshots(ctx: RequestContext): string {
  const id = ctx.params.get('DBSnapshotIdentifier');
  const instance = ctx.params.get('DBInstanceIdentifier');
  if (id && instance) {
    throw new AwsApiError(
      'InvalidParameterCombination',
      'Cannot specify both DBSnapshotIdentifier and DBInstanceIdentifier.',
    );
  }
  let items: readonly AwsDbSnapshot[] = candidates(ctx);
  if (id) {
    items = items.filter((s) => s.dbSnapshotIdentifier === id || s.dbSnapshotArn === id);
    if (items.length === 0) throw notFound(id);
  }
  if (instance) items = items.filter((s) => s.dbInstanceIdentifier === instance);
  const dbiResourceId = ctx.params.get('DbiResourceId');
  if (dbiResourceId) items = items.filter((s) => s.dbiResourceId === dbiResourceId);
  items = applyFilters(ctx, items, {
    'db-instance-id': (s) => s.dbInstanceIdentifier,
    'db-snapshot-id': (s) => s.dbSnapshotIdentifier,
    'dbi-resource-id': (s) => s.dbiResourceId,
    'snapshot-type': (s) => s.snapshotType,
    engine: (s) => s.engine,
  });
  const page = markerPage(ctx, items, PAGING);
  return list('DBSnapshots', 'DBSnapshot', page.items, renderSnapshot) + el('Marker', page.nextMarker);
}

function describeDbSnapshotAttributes(ctx: RequestContext): string {
  const id = ctx.params.get('DBSnapshotIdentifier') ?? '';
  if (!id) throw new AwsApiError('InvalidParameterValue', 'DBSnapshotIdentifier is required.');
  // Only the owner reads the attributes.
  const s = regionOf(ctx).dbSnapshots.find((x) => x.dbSnapshotIdentifier === id || x.dbSnapshotArn === id);
  if (!s) throw notFound(id);
  const restore = [...(s.sharing.public ? ['all'] : []), ...s.sharing.accountIds];
  return wrap(
    'DBSnapshotAttributesResult',
    el('DBSnapshotIdentifier', s.dbSnapshotIdentifier) +
      list(
        'DBSnapshotAttributes',
        'DBSnapshotAttribute',
        [restore],
        (values) => el('AttributeName', 'restore') + stringList('AttributeValues', 'AttributeValue', values),
      ),
  );
}

/** The operations this module adds to the RDS handler's dispatch. */
export const RDS_SNAPSHOT_OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeDBSnapshots: describeDbSnapshots,
  DescribeDBSnapshotAttributes: describeDbSnapshotAttributes,
};
