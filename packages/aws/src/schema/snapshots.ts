import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';
import { RDSInstance } from './rds.ts';

/**
 * Who else may use a snapshot or image, beyond Cartography's `ispublic`:
 * the other accounts its createVolumePermission (EBS snapshot),
 * launchPermission (AMI) or `restore` attribute (RDS snapshot) names. Unset,
 * like `ispublic`, when the attribute could not be read.
 */
const SHARING_PROPERTIES = {
  /** Account ids the resource is shared with (not counting a public `all`). */
  shared_with_accounts: 'string[]?',
} as const;

/** An EBS snapshot the account owns, keyed by its id (`snap-...`), with who it is shared with. */
export const EBSSnapshot = defineNode({
  label: 'AWSEBSSnapshot',
  extraLabels: ['Snapshot'],
  legacyLabels: ['EBSSnapshot'],
  key: 'id',
  properties: {
    id: 'string',
    snapshotid: 'string',
    description: 'string?',
    ownerid: 'string?',
    /** createVolumePermission has group `all`: any AWS account can create a volume from it. */
    ispublic: 'boolean?',
    encrypted: 'boolean?',
    /** A percentage, e.g. `100%`. */
    progress: 'string?',
    starttime: 'string?',
    state: 'string?',
    statemessage: 'string?',
    volumeid: 'string?',
    volumesize: 'number?',
    outpostarn: 'string?',
    dataencryptionkeyid: 'string?',
    kmskeyid: 'string?',
    ...SHARING_PROPERTIES,
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'An EBS snapshot the account owns, with its sharing (EC2 DescribeSnapshots, DescribeSnapshotAttribute createVolumePermission).',
});

/** An AMI the account owns, keyed `<image id>|<region>` as Cartography keys it (AMI ids are unique per region). */
export const EC2Image = defineNode({
  label: 'AWSEC2Image',
  legacyLabels: ['EC2Image'],
  key: 'id',
  properties: {
    id: 'string',
    imageid: 'string',
    name: 'string?',
    creationdate: 'string?',
    architecture: 'string?',
    location: 'string?',
    type: 'string?',
    /** The image has public launch permissions. */
    ispublic: 'boolean?',
    platform: 'string?',
    platform_details: 'string?',
    usageoperation: 'string?',
    state: 'string?',
    description: 'string?',
    enasupport: 'boolean?',
    hypervisor: 'string?',
    rootdevicename: 'string?',
    rootdevicetype: 'string?',
    virtualizationtype: 'string?',
    sriov_net_support: 'string?',
    bootmode: 'string?',
    /** The owner's account id. */
    owner: 'string?',
    image_owner_alias: 'string?',
    kernel_id: 'string?',
    ramdisk_id: 'string?',
    ...SHARING_PROPERTIES,
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'An AMI the account owns, with its sharing (EC2 DescribeImages Owners=self, DescribeImageAttribute launchPermission).',
});

/** An RDS DB snapshot, keyed by its ARN, with who may restore it. */
export const RDSSnapshot = defineNode({
  label: 'AWSRDSSnapshot',
  extraLabels: ['Snapshot'],
  legacyLabels: ['RDSSnapshot'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    db_snapshot_identifier: 'string',
    /** The `restore` attribute holds `all`: any AWS account can restore it (manual snapshots only). */
    ispublic: 'boolean?',
    db_instance_identifier: 'string?',
    snapshot_create_time: 'string?',
    engine: 'string?',
    engine_version: 'string?',
    allocated_storage: 'number?',
    status: 'string?',
    port: 'number?',
    availability_zone: 'string?',
    vpc_id: 'string?',
    instance_create_time: 'string?',
    master_username: 'string?',
    license_model: 'string?',
    /** `manual`, `automated`, `awsbackup`, ... */
    snapshot_type: 'string?',
    iops: 'number?',
    option_group_name: 'string?',
    percent_progress: 'number?',
    source_region: 'string?',
    source_db_snapshot_identifier: 'string?',
    storage_type: 'string?',
    tde_credential_arn: 'string?',
    encrypted: 'boolean?',
    kms_key_id: 'string?',
    timezone: 'string?',
    iam_database_authentication_enabled: 'boolean?',
    /** ProcessorFeatures as JSON. */
    processor_features: 'string?',
    dbi_resource_id: 'string?',
    original_snapshot_create_time: 'string?',
    snapshot_database_time: 'string?',
    snapshot_target: 'string?',
    storage_throughput: 'number?',
    ...SHARING_PROPERTIES,
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    instance: defineRel('IS_SNAPSHOT_SOURCE', refOf(RDSInstance), {
      description: 'the DB instance the snapshot was taken of (by its ARN in the same account and region)',
    }),
  },
  description:
    'An RDS DB snapshot, with who may restore it (RDS DescribeDBSnapshots, DescribeDBSnapshotAttributes restore).',
});
