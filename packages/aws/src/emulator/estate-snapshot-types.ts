import type { AwsTag } from './estate-types.ts';

/**
 * Who may use a snapshot or image besides its owner: the
 * `createVolumePermission` of an EBS snapshot, the `launchPermission` of an
 * AMI, the `restore` attribute of an RDS snapshot.
 */
export interface AwsSharing {
  /** Shared with everyone (group `all`, or `all` among the restore values). */
  public: boolean;
  /** The other accounts it is shared with. */
  accountIds: string[];
}

// ---------------------------------------------------------------- EC2 snapshots and images

export interface AwsEbsSnapshot {
  snapshotId: string;
  /** The volume it was taken of (`vol-ffffffff` for a copied snapshot, as AWS shows it). */
  volumeId: string;
  volumeSize: number;
  description: string;
  state: 'pending' | 'completed' | 'error' | 'recoverable' | 'recovering';
  startTime: string;
  encrypted: boolean;
  kmsKeyId?: string;
  storageTier: 'standard' | 'archive';
  sharing: AwsSharing;
  tags: AwsTag[];
}

export interface AwsImage {
  imageId: string;
  name: string;
  description?: string;
  creationDate: string;
  state: 'available' | 'pending' | 'failed' | 'deregistered';
  architecture: 'x86_64' | 'arm64';
  /** `windows` for Windows AMIs; absent otherwise. */
  platform?: 'windows';
  platformDetails: string;
  usageOperation: string;
  rootDeviceName: string;
  /** The snapshot behind the root device. */
  rootSnapshotId: string;
  rootVolumeSize: number;
  encrypted: boolean;
  bootMode?: 'legacy-bios' | 'uefi' | 'uefi-preferred';
  /** `v2.0` when the AMI requires IMDSv2 on its instances. */
  imdsSupport?: 'v2.0';
  sharing: AwsSharing;
  tags: AwsTag[];
}

// ---------------------------------------------------------------- RDS snapshots

export interface AwsDbSnapshot {
  dbSnapshotIdentifier: string;
  dbSnapshotArn: string;
  dbInstanceIdentifier: string;
  dbiResourceId: string;
  snapshotType: 'manual' | 'automated';
  snapshotCreateTime: string;
  instanceCreateTime: string;
  engine: string;
  engineVersion: string;
  allocatedStorage: number;
  storageType: string;
  port: number;
  availabilityZone: string;
  vpcId: string;
  masterUsername: string;
  licenseModel: string;
  encrypted: boolean;
  kmsKeyId?: string;
  iamDatabaseAuthenticationEnabled: boolean;
  /** The `restore` attribute (manual snapshots only: automated ones cannot be shared). */
  sharing: AwsSharing;
  tags: AwsTag[];
}
