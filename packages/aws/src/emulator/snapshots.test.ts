import {
  DescribeImageAttributeCommand,
  DescribeImagesCommand,
  DescribeSnapshotAttributeCommand,
  DescribeSnapshotsCommand,
  EC2Client,
  paginateDescribeSnapshots,
} from '@aws-sdk/client-ec2';
import {
  DescribeDBSnapshotAttributesCommand,
  DescribeDBSnapshotsCommand,
  paginateDescribeDBSnapshots,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsAccount } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf, type TestCredentials } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;
let memberCredentials: TestCredentials;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 91,
    scale: { accounts: 3, regionsPerAccount: 2, resourcesPerRegion: 10 },
  });
  memberCredentials = await assumeAuditRole(emulator, member().id);
});
afterAll(() => emulator.close());

const account = (i: number): AwsAccount => {
  const a = emulator.estate.accounts[i];
  if (!a) throw new Error(`no account ${i}`);
  return a;
};
const hub = () => account(0);
const member = () => account(1);
const region = (a: AwsAccount) => {
  const r = a.regions['us-east-1'];
  if (!r) throw new Error('no us-east-1');
  return r;
};
const ec2 = (credentials?: TestCredentials) =>
  new EC2Client(clientConfig(emulator, credentials ? { credentials } : {}));
const rds = (credentials?: TestCredentials) =>
  new RDSClient(clientConfig(emulator, credentials ? { credentials } : {}));

describe('EC2 snapshots and images emulation', () => {
  it('pages the account’s own snapshots with MaxResults and NextToken', async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeSnapshots(
      { client: ec2(), pageSize: 5 },
      { OwnerIds: ['self'] },
    )) {
      pages++;
      ids.push(...(page.Snapshots ?? []).map((s) => s.SnapshotId ?? ''));
    }
    const model = region(hub()).snapshots;
    expect(ids).toEqual(model.map((s) => s.snapshotId));
    expect(pages).toBe(Math.ceil(model.length / 5));
    const [first] = model;
    const one = await ec2().send(new DescribeSnapshotsCommand({ SnapshotIds: [first?.snapshotId ?? ''] }));
    expect(one.Snapshots?.[0]).toMatchObject({
      SnapshotId: first?.snapshotId,
      OwnerId: hub().id,
      VolumeId: first?.volumeId,
      VolumeSize: first?.volumeSize,
      State: 'completed',
      Progress: '100%',
      Encrypted: first?.encrypted,
    });
    expect(one.Snapshots?.[0]?.StartTime).toBeInstanceOf(Date);
  });

  it('answers createVolumePermission with group all and the account ids', async () => {
    const snapshots = region(hub()).snapshots;
    const open = snapshots.find((s) => s.sharing.public);
    const shared = snapshots.find((s) => s.sharing.accountIds.length > 0);
    const attr = (SnapshotId = '') =>
      ec2().send(new DescribeSnapshotAttributeCommand({ SnapshotId, Attribute: 'createVolumePermission' }));
    expect((await attr(open?.snapshotId)).CreateVolumePermissions).toEqual([{ Group: 'all' }]);
    expect((await attr(shared?.snapshotId)).CreateVolumePermissions).toEqual(
      shared?.sharing.accountIds.map((UserId) => ({ UserId })),
    );
    const missing = await rejectionOf(attr('snap-0123456789abcdef0'));
    expect(missing.name).toBe('InvalidSnapshot.NotFound');
  });

  it('lists public and shared snapshots of other accounts without an owner, never with Owner=self', async () => {
    const publicOfHub = region(hub()).snapshots.filter((s) => s.sharing.public);
    const all = await ec2(memberCredentials).send(
      new DescribeSnapshotsCommand({ RestorableByUserIds: ['all'] }),
    );
    const publicIds = (all.Snapshots ?? []).filter((s) => s.OwnerId === hub().id).map((s) => s.SnapshotId);
    expect(publicIds).toEqual(publicOfHub.map((s) => s.snapshotId));
    const own = await ec2(memberCredentials).send(new DescribeSnapshotsCommand({ OwnerIds: ['self'] }));
    expect(new Set(own.Snapshots?.map((s) => s.OwnerId))).toEqual(new Set([member().id]));
  });

  it('describes the account’s AMIs with isPublic, and their launchPermission', async () => {
    const model = region(hub()).images;
    const out = await ec2().send(new DescribeImagesCommand({ Owners: ['self'] }));
    expect(out.Images?.map((i) => i.ImageId)).toEqual(model.map((i) => i.imageId));
    const open = model.find((i) => i.sharing.public);
    expect(out.Images?.find((i) => i.ImageId === open?.imageId)).toMatchObject({
      Public: true,
      OwnerId: hub().id,
      ImageType: 'machine',
      RootDeviceType: 'ebs',
    });
    const shared = model.find((i) => i.sharing.accountIds.length > 0);
    const attr = await ec2().send(
      new DescribeImageAttributeCommand({ ImageId: shared?.imageId, Attribute: 'launchPermission' }),
    );
    expect(attr.LaunchPermissions).toEqual(shared?.sharing.accountIds.map((UserId) => ({ UserId })));
    const bad = await rejectionOf(
      ec2().send(
        new DescribeImageAttributeCommand({
          ImageId: 'ami-0123456789abcdef0',
          Attribute: 'launchPermission',
        }),
      ),
    );
    expect(bad.name).toBe('InvalidAMIID.NotFound');
  });
});

describe('RDS snapshots emulation', () => {
  it('pages DescribeDBSnapshots with MaxRecords and Marker', async () => {
    const model = region(hub()).dbSnapshots;
    const ids: string[] = [];
    for await (const page of paginateDescribeDBSnapshots({ client: rds(), pageSize: 20 }, {})) {
      ids.push(...(page.DBSnapshots ?? []).map((s) => s.DBSnapshotIdentifier ?? ''));
    }
    expect(ids).toEqual(model.map((s) => s.dbSnapshotIdentifier));
    const manual = await rds().send(new DescribeDBSnapshotsCommand({ SnapshotType: 'manual' }));
    expect(manual.DBSnapshots?.every((s) => s.SnapshotType === 'manual')).toBe(true);
    const missing = await rejectionOf(
      rds().send(new DescribeDBSnapshotsCommand({ DBSnapshotIdentifier: 'nope' })),
    );
    expect(missing.name).toBe('DBSnapshotNotFoundFault');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
  });

  it('answers the restore attribute with all and account ids', async () => {
    const model = region(hub()).dbSnapshots;
    const open = model.find((s) => s.sharing.public);
    const out = await rds().send(
      new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: open?.dbSnapshotIdentifier }),
    );
    expect(out.DBSnapshotAttributesResult).toEqual({
      DBSnapshotIdentifier: open?.dbSnapshotIdentifier,
      DBSnapshotAttributes: [{ AttributeName: 'restore', AttributeValues: ['all'] }],
    });
    const shared = await rds(memberCredentials).send(
      new DescribeDBSnapshotsCommand({ SnapshotType: 'public' }),
    );
    expect(shared.DBSnapshots?.map((s) => s.DBSnapshotArn)).toContain(open?.dbSnapshotArn);
  });
});
