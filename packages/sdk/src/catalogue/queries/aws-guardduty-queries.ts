import { awsQuery } from './provider-query.ts';

/** GuardDuty: where it watches, and what it found. */

export const guardDutyCoverage = awsQuery({
  name: 'guardduty_coverage',
  title: 'GuardDuty coverage by account and region',
  group: 'guardduty',
  tags: ['inventory', 'list', 'monitoring'],
  description:
    'Every account-region GuardDuty answered in: whether a detector watches it, with the detector, its publishing frequency and protection plans',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSGuardDutyRegionStatus)
OPTIONAL MATCH (a)-[:RESOURCE]->(d:AWSGuardDutyDetector {region: s.region})
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, s.status AS status, d.id AS detector_id, d.findingpublishingfrequency AS publishing_frequency, d.enabled_features AS features
ORDER BY account_name, region, detector_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    status: 'string',
    detector_id: 'string?',
    publishing_frequency: 'string?',
    features: 'string[]?',
  },
  identity: ['account_id', 'region', 'detector_id'],
});

export const guardDutyDisabled = awsQuery({
  name: 'guardduty_disabled',
  title: 'Regions where GuardDuty is off',
  group: 'guardduty',
  tags: ['security', 'monitoring', 'misconfig'],
  description:
    'Enabled regions of an account with no GuardDuty detector (NOT_ENABLED) or only a suspended one (DISABLED): threats there go unnoticed',
  severity: 'high',
  remediation:
    'Enable GuardDuty in every enabled region (CreateDetector, or UpdateDetector --enable for a suspended one); from the delegated administrator, turn on auto-enable for the organisation so new accounts and regions are covered.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSGuardDutyRegionStatus)
WHERE s.enabled = false
RETURN a.id AS account_id, a.name AS account_name, s.region AS region, s.status AS status, s.detector_ids AS detector_ids
ORDER BY account_name, region`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    status: 'string',
    detector_ids: 'string[]',
  },
  identity: ['account_id', 'region'],
});

const FINDING_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string?',
  finding_id: 'string',
  type: 'string?',
  title: 'string?',
  severity: 'number?',
  severity_label: 'string?',
  resource_type: 'string?',
  resource: 'string?',
  last_seen: 'string?',
} as const;

export const guardDutyHighSeverityFindings = awsQuery({
  name: 'guardduty_high_severity_findings',
  title: 'High and critical GuardDuty findings',
  group: 'guardduty',
  tags: ['security', 'monitoring', 'threat'],
  description:
    'Active (not archived) GuardDuty findings with severity $min_severity or more (7.0-8.9 high, 9.0-10.0 critical), with the resource they affect',
  severity: 'high',
  remediation:
    'Investigate each finding (the GuardDuty console shows the evidence), contain the affected resource (isolate the instance, rotate the key, block the bucket) and archive the finding once resolved or judged benign.',
  parameters: [
    {
      name: 'min_severity',
      type: 'number',
      default: 7,
      description: 'Lowest GuardDuty severity to list (1.0-10.0)',
    },
  ],
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(f:AWSGuardDutyFinding)
WHERE f.severity >= $min_severity AND coalesce(f.archived, false) = false
RETURN a.id AS account_id, a.name AS account_name, f.region AS region, f.id AS finding_id, f.type AS type, f.title AS title, f.severity AS severity, f.severity_label AS severity_label, f.resource_type AS resource_type, coalesce(f.resource_id, f.eks_cluster_arn, f.access_key_id) AS resource, f.eventlastseen AS last_seen
ORDER BY severity DESC, account_name, region, finding_id`,
  columns: FINDING_COLUMNS,
  identity: ['finding_id'],
});

export const guardDutySuspendedDetectors = awsQuery({
  name: 'guardduty_detector_suspended',
  title: 'Suspended GuardDuty detectors',
  group: 'guardduty',
  tags: ['security', 'monitoring', 'anomaly'],
  description:
    'GuardDuty detectors with status DISABLED: someone suspended GuardDuty, which stops analysis (an attacker covering tracks does this too)',
  severity: 'medium',
  remediation:
    'Find who suspended it (CloudTrail UpdateDetector events) and re-enable it; deny guardduty:UpdateDetector and DeleteDetector outside the security team with an SCP.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(d:AWSGuardDutyDetector)
WHERE d.status = 'DISABLED'
RETURN a.id AS account_id, a.name AS account_name, d.region AS region, d.id AS detector_id, d.updatedat AS updated_at
ORDER BY account_name, region, detector_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    detector_id: 'string',
    updated_at: 'string?',
  },
  identity: ['detector_id'],
});

export const awsGuardDutyQueries = [
  guardDutyCoverage,
  guardDutyDisabled,
  guardDutyHighSeverityFindings,
  guardDutySuspendedDetectors,
] as const;
