import { awsQuery } from './provider-query.ts';

/** EBS snapshots, AMIs and RDS snapshots: who besides the account may use them, and their encryption. */

const COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
} as const;

/** Which of the three a node is: `ebs_snapshot`, `ami` or `rds_snapshot`. */
const KIND = `CASE WHEN s:AWSEBSSnapshot THEN 'ebs_snapshot' WHEN s:AWSEC2Image THEN 'ami' ELSE 'rds_snapshot' END`;
const RESOURCE_ID = 'coalesce(s.snapshotid, s.imageid, s.arn)';

export const ebsSnapshotPublic = awsQuery({
  name: 'ebs_snapshot_public',
  title: 'Public EBS snapshots',
  group: 'snapshots',
  tags: ['security', 'misconfig', 'exposure'],
  description:
    'EBS snapshots whose createVolumePermission includes the group "all": any AWS account can create a volume from them and read the data',
  severity: 'critical',
  remediation:
    'Remove the public permission (ModifySnapshotAttribute, remove group "all"), share with named accounts if needed, and turn on EBS snapshot block public access per region.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSEBSSnapshot)
WHERE s.ispublic = true
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, s.snapshotid AS snapshot_id, s.volumeid AS volume_id, s.volumesize AS size_gib, s.encrypted AS encrypted, s.description AS description
ORDER BY account_name, region, snapshot_id`,
  columns: {
    ...COLUMNS,
    snapshot_id: 'string',
    volume_id: 'string?',
    size_gib: 'number?',
    encrypted: 'boolean?',
    description: 'string?',
  },
  identity: ['snapshot_id'],
});

export const ec2ImagePublic = awsQuery({
  name: 'ec2_image_public',
  title: 'Public AMIs',
  group: 'snapshots',
  tags: ['security', 'misconfig', 'exposure'],
  description:
    'AMIs the account owns that are public: any AWS account can launch them and read what was baked in (keys, configuration, code)',
  severity: 'high',
  remediation:
    'Make the image private (ModifyImageAttribute, remove the "all" launch permission), share with named accounts or the organisation, and turn on AMI block public access per region.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Image)
WHERE i.ispublic = true
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.imageid AS image_id, i.name AS name, i.creationdate AS created
ORDER BY account_name, region, image_id`,
  columns: { ...COLUMNS, image_id: 'string', name: 'string?', created: 'string?' },
  identity: ['image_id', 'region'],
});

export const rdsSnapshotPublic = awsQuery({
  name: 'rds_snapshot_public',
  title: 'Public RDS snapshots',
  group: 'snapshots',
  tags: ['security', 'misconfig', 'exposure'],
  description:
    'RDS DB snapshots whose restore attribute includes "all": any AWS account can restore the database from them',
  severity: 'critical',
  remediation:
    'Remove "all" from the restore attribute (ModifyDBSnapshotAttribute ValuesToRemove=all); share with named accounts instead, and only encrypted snapshots with a customer key.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSRDSSnapshot)
WHERE s.ispublic = true
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, s.arn AS snapshot_arn, s.db_instance_identifier AS db_instance, s.engine AS engine, s.encrypted AS encrypted
ORDER BY account_name, region, snapshot_arn`,
  columns: {
    ...COLUMNS,
    snapshot_arn: 'string',
    db_instance: 'string?',
    engine: 'string?',
    encrypted: 'boolean?',
  },
  identity: ['snapshot_arn'],
});

export const snapshotSharedOutsideOrganization = awsQuery({
  name: 'snapshot_shared_outside_organization',
  title: 'Snapshots and AMIs shared outside the organisation',
  group: 'snapshots',
  tags: ['security', 'identity', 'exposure'],
  description:
    'EBS snapshots, AMIs and RDS snapshots shared with accounts that are not in the same AWS organisation (every other account when the account is in none)',
  severity: 'medium',
  remediation:
    'Check each account is one you mean to share with; remove the others from the createVolumePermission, launchPermission or restore attribute.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s)
WHERE (s:AWSEBSSnapshot OR s:AWSEC2Image OR s:AWSRDSSnapshot) AND size(coalesce(s.shared_with_accounts, [])) > 0
UNWIND s.shared_with_accounts AS shared
OPTIONAL MATCH (peer:AWSAccount {id: shared})
WITH a, s, shared, peer
WHERE peer IS NULL OR peer.org_id IS NULL OR a.org_id IS NULL OR peer.org_id <> a.org_id
WITH a, s, shared ORDER BY shared
WITH a, s, collect(shared) AS outside
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, ${KIND} AS kind, ${RESOURCE_ID} AS resource_id, outside AS shared_with
ORDER BY account_name, region, kind, resource_id`,
  columns: { ...COLUMNS, kind: 'string', resource_id: 'string', shared_with: 'string[]' },
  identity: ['resource_id', 'region'],
});

export const snapshotUnencrypted = awsQuery({
  name: 'snapshot_unencrypted',
  title: 'Unencrypted snapshots',
  group: 'snapshots',
  tags: ['security', 'misconfig', 'encryption'],
  description: 'EBS and RDS snapshots whose data is not encrypted at rest (and can be shared publicly)',
  severity: 'medium',
  remediation:
    'Copy the snapshot with encryption on (CopySnapshot / CopyDBSnapshot with a KMS key), delete the unencrypted one, and encrypt the source volume or database.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s)
WHERE (s:AWSEBSSnapshot OR s:AWSRDSSnapshot) AND s.encrypted = false
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, ${KIND} AS kind, ${RESOURCE_ID} AS resource_id, s.ispublic AS public
ORDER BY account_name, region, kind, resource_id`,
  columns: { ...COLUMNS, kind: 'string', resource_id: 'string', public: 'boolean?' },
  identity: ['resource_id'],
});

export const awsSnapshotQueries = [
  ebsSnapshotPublic,
  ec2ImagePublic,
  rdsSnapshotPublic,
  snapshotSharedOutsideOrganization,
  snapshotUnencrypted,
] as const;
