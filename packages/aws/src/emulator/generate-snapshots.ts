import type { AwsDbSnapshot, AwsEbsSnapshot, AwsImage, AwsSharing } from './estate-snapshot-types.ts';
import type { AwsRegionResources, AwsTag } from './estate-types.ts';
import { ec2Id } from './ids.ts';
import type { Rng } from './random.ts';

export interface SnapshotsGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** The region's volumes and DB instances, which the snapshots are taken of. */
  resources: Pick<AwsRegionResources, 'volumes' | 'dbInstances' | 'dbSubnetGroups'>;
  counts: { snapshots: number; images: number; dbSnapshots: number };
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
  /** The account outside the organisation seeded resources are shared with. */
  externalAccountId: string | undefined;
  /** An account of the organisation (the backup account) the safe twins are shared with. */
  peerAccountId: string | undefined;
}

export type GeneratedSnapshots = Pick<AwsRegionResources, 'snapshots' | 'images' | 'dbSnapshots'>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
const PRIVATE: AwsSharing = { public: false, accountIds: [] };
const shareWith = (accountId: string | undefined): AwsSharing => ({
  public: false,
  accountIds: accountId ? [accountId] : [],
});
const PUBLIC: AwsSharing = { public: true, accountIds: [] };
const nameTag = (value: string): AwsTag[] => [{ key: 'Name', value }];

/**
 * The EBS snapshots, AMIs and RDS snapshots of one region: backups of the
 * region's volumes (encrypted as their volume is), golden AMIs, an automated
 * snapshot of every DB instance and manual ones of some. Where
 * misconfigurations are seeded: a public EBS snapshot, an unencrypted one, one
 * shared with an account outside the organisation, a public AMI, an AMI shared
 * outside, a public RDS snapshot and one shared outside; the safe twins are
 * shared with an account of the organisation.
 */
export function generateSnapshots(input: SnapshotsGenerationInput): GeneratedSnapshots {
  const { rng, accountName } = input;
  const at = (daysAgo: number) => iso(input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000);
  const snapshots: AwsEbsSnapshot[] = [];
  const volumes = input.resources.volumes;

  const snapshot = (name: string, fields: Partial<AwsEbsSnapshot> = {}): AwsEbsSnapshot => {
    const volume = volumes.length > 0 ? rng.pick(volumes) : undefined;
    const s: AwsEbsSnapshot = {
      snapshotId: ec2Id(rng, 'snap'),
      volumeId: volume?.volumeId ?? 'vol-ffffffff',
      volumeSize: volume?.size ?? 8,
      description: `${name} backup`,
      state: 'completed',
      startTime: at(rng.int(1, 400)),
      encrypted: volume?.encrypted ?? true,
      ...(volume?.kmsKeyId ? { kmsKeyId: volume.kmsKeyId } : {}),
      storageTier: 'standard',
      sharing: PRIVATE,
      tags: nameTag(name),
      ...fields,
    };
    if (!s.encrypted) delete s.kmsKeyId;
    snapshots.push(s);
    return s;
  };
  for (let i = 0; i < input.counts.snapshots; i++) snapshot(`${accountName}-backup-${i + 1}`);

  const images: AwsImage[] = [];
  const image = (name: string, sharing: AwsSharing, fields: Partial<AwsImage> = {}): AwsImage => {
    const root = snapshot(`${name}-root`, {
      volumeSize: 8,
      description: `Created by CreateImage for ${name}`,
      sharing,
    });
    const windows = rng.chance(0.2);
    const img: AwsImage = {
      imageId: ec2Id(rng, 'ami'),
      name,
      description: `${accountName} golden image`,
      creationDate: root.startTime,
      state: 'available',
      architecture: rng.chance(0.3) ? 'arm64' : 'x86_64',
      ...(windows ? { platform: 'windows' as const } : {}),
      platformDetails: windows ? 'Windows' : 'Linux/UNIX',
      usageOperation: windows ? 'RunInstances:0002' : 'RunInstances',
      rootDeviceName: windows ? '/dev/sda1' : '/dev/xvda',
      rootSnapshotId: root.snapshotId,
      rootVolumeSize: root.volumeSize,
      encrypted: root.encrypted,
      bootMode: 'uefi-preferred',
      ...(rng.chance(0.5) ? { imdsSupport: 'v2.0' as const } : {}),
      sharing,
      tags: nameTag(name),
      ...fields,
    };
    images.push(img);
    return img;
  };
  for (let i = 0; i < input.counts.images; i++) image(`${accountName}-base-${i + 1}`, PRIVATE);

  const dbSnapshots = dbSnapshotsOf(input, at);

  if (input.misconfigurations) {
    snapshot(`${accountName}-public-export`, { sharing: PUBLIC });
    snapshot(`${accountName}-unencrypted-copy`, { encrypted: false });
    snapshot(`${accountName}-vendor-share`, { sharing: shareWith(input.externalAccountId) });
    snapshot(`${accountName}-dr-share`, { sharing: shareWith(input.peerAccountId) });
    image(`${accountName}-public-ami`, PUBLIC);
    image(`${accountName}-vendor-ami`, shareWith(input.externalAccountId));
    image(`${accountName}-shared-ami`, shareWith(input.peerAccountId));
    const db = input.resources.dbInstances.find((d) => !d.engine.startsWith('aurora'));
    if (db) {
      const manual = (suffix: string, sharing: AwsSharing) =>
        dbSnapshots.push(
          dbSnapshot(input, db, `${db.dbInstanceIdentifier}-${suffix}`, 'manual', at(3), sharing),
        );
      manual('public-copy', PUBLIC);
      manual('vendor-copy', shareWith(input.externalAccountId));
      manual('dr-copy', shareWith(input.peerAccountId));
    }
  }
  return { snapshots, images, dbSnapshots };
}

type DbInstance = SnapshotsGenerationInput['resources']['dbInstances'][number];

function dbSnapshot(
  input: SnapshotsGenerationInput,
  db: DbInstance,
  identifier: string,
  snapshotType: AwsDbSnapshot['snapshotType'],
  createTime: string,
  sharing: AwsSharing,
): AwsDbSnapshot {
  const group = input.resources.dbSubnetGroups.find((g) => g.dbSubnetGroupName === db.dbSubnetGroupName);
  return {
    dbSnapshotIdentifier: identifier,
    dbSnapshotArn: `arn:aws:rds:${input.region}:${input.accountId}:snapshot:${identifier}`,
    dbInstanceIdentifier: db.dbInstanceIdentifier,
    dbiResourceId: db.dbiResourceId,
    snapshotType,
    snapshotCreateTime: createTime,
    instanceCreateTime: db.instanceCreateTime,
    engine: db.engine,
    engineVersion: db.engineVersion,
    allocatedStorage: db.allocatedStorage,
    storageType: db.storageType,
    port: db.endpoint.port,
    availabilityZone: db.availabilityZone,
    vpcId: group?.vpcId ?? '',
    masterUsername: db.masterUsername,
    licenseModel:
      db.engine === 'mysql' || db.engine === 'mariadb' ? 'general-public-license' : 'postgresql-license',
    encrypted: db.storageEncrypted,
    ...(db.kmsKeyId ? { kmsKeyId: db.kmsKeyId } : {}),
    iamDatabaseAuthenticationEnabled: db.iamDatabaseAuthenticationEnabled,
    sharing,
    tags: db.tags,
  };
}

/** An automated snapshot of every (non-Aurora) DB instance, and manual ones of the first few. */
function dbSnapshotsOf(input: SnapshotsGenerationInput, at: (daysAgo: number) => string): AwsDbSnapshot[] {
  // Aurora instances are backed up through their cluster (cluster snapshots), not DB snapshots.
  const instances = input.resources.dbInstances.filter((d) => !d.engine.startsWith('aurora'));
  const out: AwsDbSnapshot[] = [];
  for (const db of instances) {
    const created = at(1);
    const stamp = created.slice(0, 16).replace(/[T:]/g, '-');
    out.push(dbSnapshot(input, db, `rds:${db.dbInstanceIdentifier}-${stamp}`, 'automated', created, PRIVATE));
  }
  for (let i = 0; i < input.counts.dbSnapshots && instances.length > 0; i++) {
    const db = instances[i % instances.length] as DbInstance;
    out.push(
      dbSnapshot(input, db, `${db.dbInstanceIdentifier}-manual-${i + 1}`, 'manual', at(30 + i), PRIVATE),
    );
  }
  return out;
}
