import { awsQuery } from './provider-query.ts';

/** Account settings per region: EBS encryption by default, AWS Config recording. */

export const ebsDefaultEncryptionDisabled = awsQuery({
  name: 'ebs_default_encryption_disabled',
  title: 'Regions without EBS encryption by default',
  group: 'account',
  tags: ['security', 'misconfig', 'encryption'],
  description:
    'Account regions where new EBS volumes and snapshot copies are not encrypted unless each request asks (EC2 GetEbsEncryptionByDefault, a CIS AWS Foundations control)',
  severity: 'medium',
  remediation:
    'Turn it on in every region (EnableEbsEncryptionByDefault), optionally with a customer managed key (ModifyEbsDefaultKmsKeyId); existing volumes stay as they are.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(e:AWSEBSDefaultEncryption)
WHERE e.enabled = false
RETURN a.id AS account_id, a.name AS account_name, e.region AS region
ORDER BY account_name, region`,
  columns: { account_id: 'string', account_name: 'string?', region: 'string' },
  identity: ['account_id', 'region'],
});

export const configRecorderNotRecording = awsQuery({
  name: 'config_recorder_not_recording',
  title: 'Regions without a recording AWS Config recorder',
  group: 'account',
  tags: ['security', 'misconfig', 'logging'],
  description:
    'Account regions (those the ec2 service synced) where no AWS Config recorder is recording: configuration changes there leave no history (a CIS AWS Foundations control)',
  severity: 'medium',
  remediation:
    'Create a recorder recording all supported resources with a delivery channel (PutConfigurationRecorder, PutDeliveryChannel) and start it (StartConfigurationRecorder), or deploy Config through an organisation conformance pack or Control Tower.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(e:AWSEBSDefaultEncryption)
OPTIONAL MATCH (a)-[:RESOURCE]->(r:AWSConfigurationRecorder {region: e.region})
WITH a, e, r ORDER BY r.name
WITH a, e, collect(r.name) AS recorders, sum(CASE WHEN r.recording = true THEN 1 ELSE 0 END) AS recording
WHERE recording = 0
RETURN a.id AS account_id, a.name AS account_name, e.region AS region, recorders AS stopped_recorders
ORDER BY account_name, region`,
  columns: { account_id: 'string', account_name: 'string?', region: 'string', stopped_recorders: 'string[]' },
  identity: ['account_id', 'region'],
});

export const awsAccountSettingsQueries = [ebsDefaultEncryptionDisabled, configRecorderNotRecording] as const;
