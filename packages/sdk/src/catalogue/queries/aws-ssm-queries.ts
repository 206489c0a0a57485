import { awsQuery } from './provider-query.ts';

/** Systems Manager: which instances it manages, and how parameters are stored. */

export const ssmUnmanagedInstances = awsQuery({
  name: 'ssm_unmanaged_instances',
  title: 'EC2 instances not managed by Systems Manager',
  group: 'ssm',
  tags: ['security', 'compute', 'patching'],
  description:
    'Running EC2 instances whose SSM agent has not registered: they cannot be patched, inventoried or reached through Session Manager',
  severity: 'low',
  remediation:
    'Install or start the SSM agent, give the instance profile AmazonSSMManagedInstanceCore and let the instance reach the SSM endpoints (or a VPC endpoint); or enable Default Host Management Configuration.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
WHERE i.state = 'running'
OPTIONAL MATCH (i)-[:HAS_INFORMATION]->(s:AWSSSMInstanceInformation)
WITH a, i, s
WHERE s IS NULL
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.instanceid AS instance_id, i.instancetype AS instance_type
ORDER BY account_name, region, instance_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    instance_id: 'string',
    instance_type: 'string?',
  },
  identity: ['instance_id'],
});

export const ssmPlaintextSecretParameter = awsQuery({
  name: 'ssm_plaintext_secret_parameter',
  title: 'SSM parameters with credential-like names stored as plain String',
  group: 'ssm',
  tags: ['security', 'secrets', 'misconfig'],
  description:
    'Parameter Store parameters named like a credential (password, secret, token, key) whose type is String or StringList: the value is stored unencrypted and readable with ssm:GetParameter alone',
  severity: 'high',
  remediation:
    'Recreate the parameter as a SecureString (with a customer managed KMS key), rotate the value, and update the readers to ask for decryption.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(p:AWSSSMParameter)
WHERE p.secret_like_name = true AND p.type <> 'SecureString'
RETURN a.id AS account_id, a.name AS account_name, p.region AS region, p.name AS parameter, p.arn AS parameter_arn, p.type AS type
ORDER BY account_name, region, parameter`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    parameter: 'string',
    parameter_arn: 'string',
    type: 'string?',
  },
  identity: ['parameter_arn'],
});

export const awsSsmQueries = [ssmUnmanagedInstances, ssmPlaintextSecretParameter] as const;
