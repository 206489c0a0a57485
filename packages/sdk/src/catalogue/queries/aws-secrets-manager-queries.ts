import { awsQuery } from './provider-query.ts';

/** Secrets Manager secrets: whether they rotate, and who may read them. */

const SECRET_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  secret_name: 'string',
  secret_arn: 'string',
  description: 'string?',
} as const;

const SECRET_RETURN =
  'a.id AS account_id, a.name AS account_name, s.region AS region, s.name AS secret_name, s.arn AS secret_arn, s.description AS description';

export const secretsManagerSecrets = awsQuery({
  name: 'secretsmanager_secrets',
  title: 'Secrets Manager secrets',
  group: 'secretsmanager',
  tags: ['inventory', 'list', 'encryption'],
  description:
    'Secrets Manager secrets with their rotation, the KMS key that encrypts them (aws/secretsmanager when none) and resource policy exposure; secret values are never read',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSSecretsManagerSecret)
OPTIONAL MATCH (s)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
RETURN ${SECRET_RETURN}, s.rotation_enabled AS rotation_enabled, s.last_rotated_date AS last_rotated_date, coalesce(k.arn, s.kms_key_id, 'aws/secretsmanager') AS kms_key, s.anonymous_access AS anonymous_access, s.cross_account_principals AS cross_account_principals
ORDER BY account_name, region, secret_name`,
  columns: {
    ...SECRET_COLUMNS,
    rotation_enabled: 'boolean?',
    last_rotated_date: 'number?',
    kms_key: 'string',
    anonymous_access: 'boolean?',
    cross_account_principals: 'string[]?',
  },
  identity: ['secret_arn'],
});

export const secretsManagerNotRotated = awsQuery({
  name: 'secretsmanager_secret_not_rotated',
  title: 'Secrets not rotated',
  group: 'secretsmanager',
  tags: ['security', 'misconfig', 'identity'],
  description:
    'Secrets Manager secrets without automatic rotation, or whose last rotation (creation, if never rotated) is older than the window (default 90 days): a rotation that stopped succeeding shows here too',
  severity: 'medium',
  remediation:
    'Turn on automatic rotation (RotateSecret with a rotation function or a managed rotation) and check the rotation function succeeds; rotate the secret now if it is overdue.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSSecretsManagerSecret)
WHERE s.deleted_date IS NULL AND (coalesce(s.rotation_enabled, false) = false OR coalesce(s.last_rotated_date, s.created_date) < timestamp() / 1000 - $days * 86400)
RETURN ${SECRET_RETURN}, coalesce(s.rotation_enabled, false) AS rotation_enabled, s.last_rotated_date AS last_rotated_date, s.created_date AS created_date
ORDER BY account_name, region, secret_name`,
  parameters: [{ name: 'days', type: 'number', default: 90, description: 'Days since the last rotation' }],
  columns: {
    ...SECRET_COLUMNS,
    rotation_enabled: 'boolean',
    last_rotated_date: 'number?',
    created_date: 'number?',
  },
  identity: ['secret_arn'],
});

export const secretsManagerCrossAccount = awsQuery({
  name: 'secretsmanager_secret_cross_account',
  title: 'Secrets other accounts may read',
  group: 'secretsmanager',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Secrets Manager secrets whose resource policy allows principals of other AWS accounts; check each is an account you mean to share the secret with',
  severity: 'high',
  remediation:
    'Remove the resource policy statements naming accounts that should not read the secret (PutResourcePolicy, or DeleteResourcePolicy), or narrow them to the roles and actions they need.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSSecretsManagerSecret)
WHERE size(coalesce(s.cross_account_principals, [])) > 0
RETURN ${SECRET_RETURN}, s.cross_account_principals AS principals
ORDER BY account_name, region, secret_name`,
  columns: { ...SECRET_COLUMNS, principals: 'string[]' },
  identity: ['secret_arn'],
});

export const secretsManagerPublic = awsQuery({
  name: 'secretsmanager_secret_public',
  title: 'Secrets anyone may read',
  group: 'secretsmanager',
  tags: ['security', 'misconfig', 'identity'],
  description:
    'Secrets Manager secrets whose resource policy allows everyone (Principal "*") without a condition: any AWS account can run the listed actions',
  severity: 'critical',
  remediation:
    'Replace the "*" principal with the accounts or roles that need the secret, or narrow it with conditions such as aws:PrincipalOrgID; rotate the secret, since it may have been read.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSSecretsManagerSecret)
WHERE s.anonymous_access = true
RETURN ${SECRET_RETURN}, s.anonymous_actions AS anonymous_actions
ORDER BY account_name, region, secret_name`,
  columns: { ...SECRET_COLUMNS, anonymous_actions: 'string[]?' },
  identity: ['secret_arn'],
});

export const awsSecretsManagerQueries = [
  secretsManagerSecrets,
  secretsManagerNotRotated,
  secretsManagerCrossAccount,
  secretsManagerPublic,
] as const;
