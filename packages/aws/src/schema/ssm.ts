import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EC2Instance } from './instance.ts';
import { KMSKey } from './kms.ts';
import { AWSAccount } from './organization.ts';

/** What Systems Manager knows of an instance whose agent registered, keyed by the instance id as Cartography keys it. */
export const SSMInstanceInformation = defineNode({
  label: 'AWSSSMInstanceInformation',
  legacyLabels: ['SSMInstanceInformation'],
  key: 'id',
  properties: {
    id: 'string',
    instance_id: 'string',
    /** `Online`, `ConnectionLost` or `Inactive`. */
    ping_status: 'string?',
    /** Seconds since the epoch, as Cartography writes the dates. */
    last_ping_date_time: 'number?',
    agent_version: 'string?',
    is_latest_version: 'boolean?',
    platform_type: 'string?',
    platform_name: 'string?',
    platform_version: 'string?',
    activation_id: 'string?',
    iam_role: 'string?',
    registration_date: 'number?',
    resource_type: 'string?',
    name: 'string?',
    ip_address: 'string?',
    computer_name: 'string?',
    association_status: 'string?',
    last_association_execution_date: 'number?',
    last_successful_association_execution_date: 'number?',
    source_id: 'string?',
    source_type: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    instance: defineRel('HAS_INFORMATION', refOf(EC2Instance), {
      direction: 'in',
      description: 'the EC2 instance the agent runs on',
    }),
  },
  description: 'An instance managed by Systems Manager (SSM DescribeInstanceInformation).',
});

/**
 * A Parameter Store parameter's metadata, keyed by its ARN. skygraph never
 * reads a value (no GetParameter): `value` is not written.
 * `secret_like_name` says whether the name looks like a credential.
 */
export const SSMParameter = defineNode({
  label: 'AWSSSMParameter',
  extraLabels: ['SSMParameter'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    /** `String`, `StringList` or `SecureString`. */
    type: 'string?',
    keyid: 'string?',
    kms_key_id_short: 'string?',
    version: 'number?',
    lastmodifieddate: 'number?',
    lastmodifieduser: 'string?',
    description: 'string?',
    tier: 'string?',
    datatype: 'string?',
    allowedpattern: 'string?',
    policies_json: 'string?',
    secret_like_name: 'boolean?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    kms_key: defineRel('ENCRYPTED_BY', refOf(KMSKey), {
      description: 'the key that encrypts a SecureString',
    }),
  },
  description: 'A Systems Manager parameter, metadata only (SSM DescribeParameters).',
});
