import { AwsApiError } from './api-error.ts';
import { PAGE, resources, select, tagSet } from './ec2-handler.ts';
import type { AwsEbsSnapshot, AwsImage, AwsSharing } from './estate-snapshot-types.ts';
import { listParam, type RequestContext } from './request-context.ts';
import { el, list, wrap } from './xml.ts';

/**
 * EC2's snapshot and AMI operations: DescribeSnapshots, DescribeImages and
 * the sharing attributes (createVolumePermission, launchPermission).
 * Without an owner filter AWS lists everything the caller may use: its own,
 * those shared with its account and the public ones of every account, in
 * the request's region.
 */

interface Owned<T> {
  ownerId: string;
  item: T;
}

/** May `accountId` use a resource shared this way (besides its owner)? */
const sharedWith = (sharing: AwsSharing, accountId: string) =>
  sharing.public || sharing.accountIds.includes(accountId);

/**
 * The resources of `pick` the caller may see in the request's region: its
 * own (the only ones when `ownOnly`), then the shared and public ones of the
 * estate's other accounts.
 */
function visible<T extends { sharing: AwsSharing }>(
  ctx: RequestContext,
  pick: (r: ReturnType<typeof resources>) => readonly T[],
  ownOnly: boolean,
): Owned<T>[] {
  const me = ctx.account.id;
  const out = pick(resources(ctx)).map((item) => ({ ownerId: me, item }));
  if (ownOnly) return out;
  for (const account of ctx.estate.accounts) {
    const region = account.regions[ctx.region];
    if (account.id === me || !region) continue;
    for (const item of pick(region))
      if (sharedWith(item.sharing, me)) out.push({ ownerId: account.id, item });
  }
  return out;
}

/** `Owner.N` (`self`, `amazon`, `aws-marketplace` or account ids): whose resources to list. */
function ownerTest(ctx: RequestContext): { ownOnly: boolean; test: (ownerId: string) => boolean } {
  const owners = listParam(ctx.params, 'Owner');
  const me = ctx.account.id;
  if (owners.length === 0) return { ownOnly: false, test: () => true };
  const ids = new Set(owners.map((o) => (o === 'self' ? me : o)));
  return { ownOnly: ids.size === 1 && ids.has(me), test: (ownerId) => ids.has(ownerId) };
}

/** `RestorableBy.N` / `ExecutableBy.N`: `all` for the public ones, `self` or an account id for those it may use. */
function usableBy(ctx: RequestContext, param: string): (o: Owned<{ sharing: AwsSharing }>) => boolean {
  const users = listParam(ctx.params, param);
  const me = ctx.account.id;
  if (users.length === 0) return () => true;
  return (o) =>
    users.some((u) =>
      u === 'all'
        ? o.item.sharing.public
        : u === 'self'
          ? o.ownerId === me || sharedWith(o.item.sharing, me)
          : sharedWith(o.item.sharing, u),
    );
}

function visibleOwned<T extends { sharing: AwsSharing }>(
  ctx: RequestContext,
  pick: (r: ReturnType<typeof resources>) => readonly T[],
  usersParam: string,
): Owned<T>[] {
  const owners = ownerTest(ctx);
  const usable = usableBy(ctx, usersParam);
  return visible(ctx, pick, owners.ownOnly).filter((o) => owners.test(o.ownerId) && usable(o));
}

function describeSnapshots(ctx: RequestContext): string {
  const { items, nextToken } = select<Owned<AwsEbsSnapshot>>(ctx, {
    items: visibleOwned(ctx, (r) => r.snapshots, 'RestorableBy'),
    idParam: 'SnapshotId',
    idOf: (o) => o.item.snapshotId,
    notFoundCode: 'InvalidSnapshot.NotFound',
    notFoundMessage: (id) => `The snapshot '${id}' does not exist.`,
    tagsOf: (o) => o.item.tags,
    maxResults: PAGE,
    filters: {
      'snapshot-id': (o) => o.item.snapshotId,
      'volume-id': (o) => o.item.volumeId,
      'volume-size': (o) => String(o.item.volumeSize),
      status: (o) => o.item.state,
      'owner-id': (o) => o.ownerId,
      encrypted: (o) => String(o.item.encrypted),
      description: (o) => o.item.description,
      'start-time': (o) => o.item.startTime,
      progress: (o) => (o.item.state === 'completed' ? '100%' : '0%'),
      'storage-tier': (o) => o.item.storageTier,
    },
  });
  return (
    list('snapshotSet', 'item', items, ({ ownerId, item: s }) => {
      return (
        el('snapshotId', s.snapshotId) +
        el('volumeId', s.volumeId) +
        el('status', s.state) +
        el('startTime', s.startTime) +
        el('progress', s.state === 'completed' ? '100%' : '0%') +
        el('ownerId', ownerId) +
        el('volumeSize', s.volumeSize) +
        el('description', s.description) +
        el('encrypted', s.encrypted) +
        el('kmsKeyId', s.kmsKeyId) +
        tagSet(s.tags) +
        el('storageTier', s.storageTier)
      );
    }) + el('nextToken', nextToken)
  );
}

function renderImage({ ownerId, item: i }: Owned<AwsImage>): string {
  return (
    el('imageId', i.imageId) +
    el('imageLocation', `${ownerId}/${i.name}`) +
    el('imageState', i.state) +
    el('imageOwnerId', ownerId) +
    el('creationDate', i.creationDate) +
    el('isPublic', i.sharing.public) +
    el('architecture', i.architecture) +
    el('imageType', 'machine') +
    el('platform', i.platform) +
    el('platformDetails', i.platformDetails) +
    el('usageOperation', i.usageOperation) +
    el('name', i.name) +
    el('description', i.description) +
    el('rootDeviceType', 'ebs') +
    el('rootDeviceName', i.rootDeviceName) +
    list(
      'blockDeviceMapping',
      'item',
      [i],
      (b) =>
        el('deviceName', b.rootDeviceName) +
        wrap(
          'ebs',
          el('snapshotId', b.rootSnapshotId) +
            el('volumeSize', b.rootVolumeSize) +
            el('deleteOnTermination', true) +
            el('volumeType', 'gp3') +
            el('encrypted', b.encrypted),
        ),
    ) +
    el('virtualizationType', 'hvm') +
    tagSet(i.tags) +
    el('hypervisor', 'xen') +
    el('enaSupport', true) +
    el('sriovNetSupport', 'simple') +
    el('bootMode', i.bootMode) +
    el('imdsSupport', i.imdsSupport)
  );
}

function describeImages(ctx: RequestContext): string {
  const { items, nextToken } = select<Owned<AwsImage>>(ctx, {
    items: visibleOwned(ctx, (r) => r.images, 'ExecutableBy'),
    idParam: 'ImageId',
    idOf: (o) => o.item.imageId,
    notFoundCode: 'InvalidAMIID.NotFound',
    notFoundMessage: (id) => `The image id '[${id}]' does not exist`,
    tagsOf: (o) => o.item.tags,
    maxResults: PAGE,
    filters: {
      'image-id': (o) => o.item.imageId,
      name: (o) => o.item.name,
      description: (o) => o.item.description,
      state: (o) => o.item.state,
      'owner-id': (o) => o.ownerId,
      'is-public': (o) => String(o.item.sharing.public),
      architecture: (o) => o.item.architecture,
      platform: (o) => o.item.platform,
      'image-type': () => 'machine',
      'root-device-type': () => 'ebs',
      'block-device-mapping.snapshot-id': (o) => o.item.rootSnapshotId,
      'block-device-mapping.encrypted': (o) => String(o.item.encrypted),
    },
  });
  return list('imagesSet', 'item', items, renderImage) + el('nextToken', nextToken);
}

/** Only the owner reads a resource's attributes; AWS answers anyone else as if it did not exist. */
function owned<T>(items: readonly T[], id: string, idOf: (t: T) => string, notFound: () => AwsApiError): T {
  const found = items.find((i) => idOf(i) === id);
  if (!found) throw notFound();
  return found;
}

const permissions = (name: string, sharing: AwsSharing) =>
  list(
    name,
    'item',
    [...(sharing.public ? [{ group: 'all' }] : []), ...sharing.accountIds.map((userId) => ({ userId }))],
    (p) => ('group' in p ? el('group', p.group) : el('userId', p.userId)),
  );

const invalidAttribute = (attribute: string) =>
  new AwsApiError('InvalidParameterValue', `Value (${attribute}) for parameter attribute is invalid.`);

function describeSnapshotAttribute(ctx: RequestContext): string {
  const id = ctx.params.get('SnapshotId') ?? '';
  const attribute = ctx.params.get('Attribute') ?? '';
  const s = owned(
    resources(ctx).snapshots,
    id,
    (x) => x.snapshotId,
    () => new AwsApiError('InvalidSnapshot.NotFound', `The snapshot '${id}' does not exist.`),
  );
  const body: Record<string, () => string> = {
    createVolumePermission: () => permissions('createVolumePermission', s.sharing),
    productCodes: () => '<productCodes/>',
  };
  const render = body[attribute];
  if (!render) throw invalidAttribute(attribute);
  return el('snapshotId', s.snapshotId) + render();
}

function describeImageAttribute(ctx: RequestContext): string {
  const id = ctx.params.get('ImageId') ?? '';
  const attribute = ctx.params.get('Attribute') ?? '';
  const i = owned(
    resources(ctx).images,
    id,
    (x) => x.imageId,
    () => new AwsApiError('InvalidAMIID.NotFound', `The image id '[${id}]' does not exist`),
  );
  const value = (name: string, v: string | undefined) =>
    v === undefined ? `<${name}/>` : wrap(name, el('value', v));
  const body: Record<string, () => string> = {
    launchPermission: () => permissions('launchPermission', i.sharing),
    description: () => value('description', i.description),
    bootMode: () => value('bootMode', i.bootMode),
    imdsSupport: () => value('imdsSupport', i.imdsSupport),
    productCodes: () => '<productCodes/>',
  };
  const render = body[attribute];
  if (!render) throw invalidAttribute(attribute);
  return el('imageId', i.imageId) + render();
}

/** The operations this module adds to the EC2 handler's dispatch. */
export const EC2_IMAGE_OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeSnapshots: describeSnapshots,
  DescribeSnapshotAttribute: describeSnapshotAttribute,
  DescribeImages: describeImages,
  DescribeImageAttribute: describeImageAttribute,
};
