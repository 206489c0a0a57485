import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AccountAccessKey } from './access-key.ts';
import { AWSRole, AWSUser } from './iam-principal.ts';
import { EC2Instance } from './instance.ts';
import { AWSAccount } from './organization.ts';
import { S3Bucket } from './s3.ts';

/**
 * A GuardDuty detector, keyed by its detector id, as Cartography writes it.
 * `status` is `ENABLED` or `DISABLED` (suspended); dates are the ISO strings
 * GetDetector returns. `features` (skygraph) lists the protection plans
 * enabled on it (`S3_DATA_EVENTS`, `EKS_AUDIT_LOGS`, ...).
 */
export const GuardDutyDetector = defineNode({
  label: 'AWSGuardDutyDetector',
  legacyLabels: ['GuardDutyDetector'],
  key: 'id',
  properties: {
    id: 'string',
    accountid: 'string',
    region: 'string',
    status: 'string?',
    /** `FIFTEEN_MINUTES`, `ONE_HOUR` or `SIX_HOURS`. */
    findingpublishingfrequency: 'string?',
    service_role: 'string?',
    createdat: 'string?',
    updatedat: 'string?',
    /** The names of the protection plans (features) with status ENABLED. */
    enabled_features: 'string[]?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'A GuardDuty detector and its status (GuardDuty ListDetectors, GetDetector).',
});

/**
 * Whether GuardDuty watches an account in a region (skygraph-only: Cartography
 * writes nothing for a region without a detector, so "GuardDuty is off here"
 * could not be asked). Keyed `<account id>:<region>`; written for every
 * region where ListDetectors answered.
 */
export const GuardDutyRegionStatus = defineNode({
  label: 'AWSGuardDutyRegionStatus',
  key: 'id',
  properties: {
    id: 'string',
    accountid: 'string',
    region: 'string',
    /** True when a detector of the region is ENABLED. */
    enabled: 'boolean',
    /** `ENABLED`, `DISABLED` (every detector suspended) or `NOT_ENABLED` (no detector). */
    status: 'string',
    detector_ids: 'string[]',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'GuardDuty coverage of one account in one region (GuardDuty ListDetectors, GetDetector).',
});

/**
 * An active (not archived) GuardDuty finding, keyed by its finding id, with
 * Cartography's properties. `severity` is GuardDuty's 1.0-10.0 score and
 * `severity_label` its band (low, medium, high, critical). The finding
 * AFFECTS the resource it names: an EC2 instance, an S3 bucket, an EKS
 * cluster, an access key and the IAM user or role behind it.
 */
export const GuardDutyFinding = defineNode({
  label: 'AWSGuardDutyFinding',
  extraLabels: ['Risk', 'SecurityIssue'],
  legacyLabels: ['GuardDutyFinding'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string?',
    title: 'string?',
    description: 'string?',
    type: 'string?',
    severity: 'number?',
    /** `low` (1.0-3.9), `medium` (4.0-6.9), `high` (7.0-8.9) or `critical` (9.0-10.0). */
    severity_label: 'string?',
    confidence: 'number?',
    createdat: 'string?',
    updatedat: 'string?',
    eventfirstseen: 'string?',
    eventlastseen: 'string?',
    accountid: 'string?',
    region: 'string?',
    detectorid: 'string?',
    /** `Instance`, `S3Bucket`, `AccessKey`, `EKSCluster`, ... */
    resource_type: 'string?',
    /** The instance id or bucket name the finding names. */
    resource_id: 'string?',
    eks_cluster_arn: 'string?',
    access_key_id: 'string?',
    principal_user_id: 'string?',
    principal_role_id: 'string?',
    archived: 'boolean?',
    sample: 'boolean?',
    service_action_type: 'string?',
    service_count: 'number?',
    service_resource_role: 'string?',
    api_call_name: 'string?',
    api_call_service_name: 'string?',
    api_call_caller_type: 'string?',
    api_call_error_code: 'string?',
    api_call_remote_ip: 'string?',
    api_call_remote_country: 'string?',
    api_call_remote_city: 'string?',
    api_call_remote_org: 'string?',
    api_call_remote_asn: 'string?',
    api_call_remote_asn_org: 'string?',
    api_call_remote_isp: 'string?',
    api_call_remote_lat: 'number?',
    api_call_remote_lon: 'number?',
    api_call_remote_account_id: 'string?',
    api_call_remote_account_affiliated: 'boolean?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    detector: defineRel('DETECTED_BY', refOf(GuardDutyDetector), {
      description: 'the detector that raised it',
    }),
    remoteAccount: defineRel('REMOTE_ACCOUNT', refOf(AWSAccount), {
      description: 'the account the API calls came from',
    }),
    instance: defineRel('AFFECTS', refOf(EC2Instance), { description: 'the EC2 instance it names' }),
    // Matched by label, so the link appears once EKS clusters are collected.
    eksCluster: defineRel(
      'AFFECTS',
      { label: 'AWSEKSCluster', key: 'id' },
      { description: 'the EKS cluster it names' },
    ),
    bucket: defineRel('AFFECTS', refOf(S3Bucket), { description: 'the S3 bucket it names' }),
    accessKey: defineRel('AFFECTS', refOf(AccountAccessKey), { description: 'the access key it names' }),
    user: defineRel('AFFECTS', refOf(AWSUser, 'userid'), {
      description: 'the IAM user behind the access key',
    }),
    role: defineRel('AFFECTS', refOf(AWSRole, 'roleid'), { description: 'the IAM role behind the session' }),
  },
  description:
    'An active GuardDuty finding and the resources it names (GuardDuty ListFindings, GetFindings).',
});
