import { awsQuery } from './provider-query.ts';

/** KMS keys: who may use them, and whether they rotate. */

const KEY_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  key_id: 'string',
  key_arn: 'string',
  aliases: 'string[]',
  description: 'string?',
} as const;

/**
 * The keys that pass `where` (over `k`, empty for all), each with its account
 * and its aliases in order, returning the shared key columns, then `extra`.
 */
function keysCypher(where: string, extra: string, orderBy: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(k:AWSKMSKey)
${where ? `WHERE ${where}\n` : ''}OPTIONAL MATCH (al:AWSKMSAlias)-[:KNOWN_AS]->(k)
WITH a, k, al ORDER BY al.alias_name
WITH a, k, collect(al.alias_name) AS aliases
RETURN a.id AS account_id, a.name AS account_name, k.region AS region, k.id AS key_id, k.arn AS key_arn, aliases, k.description AS description, ${extra}
${orderBy}`;
}

export const kmsKeys = awsQuery({
  name: 'kms_keys',
  title: 'KMS keys',
  group: 'kms',
  tags: ['inventory', 'list', 'encryption'],
  description:
    'KMS keys with their aliases, manager (AWS or customer), state, spec, rotation and key policy exposure',
  cypher: keysCypher(
    '',
    `k.key_manager AS key_manager, k.key_state AS key_state, k.key_spec AS key_spec, k.rotation_enabled AS rotation_enabled, k.anonymous_access AS anonymous_access`,
    `ORDER BY account_name, region, key_arn`,
  ),
  columns: {
    ...KEY_COLUMNS,
    key_manager: 'string?',
    key_state: 'string?',
    key_spec: 'string?',
    rotation_enabled: 'boolean?',
    anonymous_access: 'boolean?',
  },
  identity: ['key_arn'],
});

export const kmsKeyPublic = awsQuery({
  name: 'kms_key_public',
  title: 'KMS keys anyone may use',
  group: 'kms',
  tags: ['security', 'encryption', 'misconfig'],
  description:
    'KMS keys whose key policy allows everyone (Principal "*") without a condition: any AWS account can run the listed actions',
  severity: 'critical',
  remediation:
    'Replace the "*" principal with the accounts or roles that need the key, or narrow it with conditions such as kms:CallerAccount or aws:PrincipalOrgID.',
  cypher: keysCypher(
    `k.anonymous_access = true`,
    `k.anonymous_actions AS anonymous_actions`,
    `ORDER BY account_name, region, key_arn`,
  ),
  columns: { ...KEY_COLUMNS, anonymous_actions: 'string[]?' },
  identity: ['key_arn'],
});

export const kmsKeyCrossAccount = awsQuery({
  name: 'kms_key_cross_account',
  title: 'KMS keys other accounts may use',
  group: 'kms',
  tags: ['security', 'encryption', 'identity'],
  description:
    'KMS keys whose key policy allows principals of other AWS accounts; check each is an account you mean to share the key with',
  severity: 'medium',
  remediation:
    'Remove the statements naming accounts that should not use the key, or narrow them to the roles and actions they need.',
  cypher: keysCypher(
    `size(coalesce(k.cross_account_principals, [])) > 0`,
    `k.cross_account_principals AS principals`,
    `ORDER BY account_name, region, key_arn`,
  ),
  columns: { ...KEY_COLUMNS, principals: 'string[]' },
  identity: ['key_arn'],
});

export const kmsKeyRotationDisabled = awsQuery({
  name: 'kms_key_rotation_disabled',
  title: 'Customer managed KMS keys without rotation',
  group: 'kms',
  tags: ['security', 'encryption', 'misconfig'],
  description:
    'Customer managed symmetric KMS keys (KMS-generated material) that are not pending deletion and have automatic rotation off (a CIS AWS Foundations control)',
  severity: 'medium',
  remediation:
    'Turn on automatic key rotation (EnableKeyRotation); KMS then rotates the key material yearly.',
  cypher: keysCypher(
    `k.key_manager = 'CUSTOMER' AND k.key_spec = 'SYMMETRIC_DEFAULT' AND k.origin = 'AWS_KMS' AND k.key_state <> 'PendingDeletion' AND k.rotation_enabled = false`,
    `k.key_state AS key_state`,
    `ORDER BY account_name, region, key_arn`,
  ),
  columns: { ...KEY_COLUMNS, key_state: 'string?' },
  identity: ['key_arn'],
});

export const kmsKeyPendingDeletion = awsQuery({
  name: 'kms_key_pending_deletion',
  title: 'KMS keys pending deletion',
  group: 'kms',
  tags: ['security', 'encryption', 'anomaly'],
  description:
    'KMS keys scheduled for deletion: whatever they still encrypt becomes unreadable when the waiting period ends',
  severity: 'medium',
  remediation:
    'Check nothing still uses the key (CloudTrail Decrypt calls, resources naming it); cancel the deletion (CancelKeyDeletion) if something does.',
  cypher: keysCypher(
    `k.key_state = 'PendingDeletion'`,
    `k.deletion_date AS deletion_date`,
    `ORDER BY deletion_date, account_name, key_arn`,
  ),
  columns: { ...KEY_COLUMNS, deletion_date: 'number?' },
  identity: ['key_arn'],
});

export const awsKmsQueries = [
  kmsKeys,
  kmsKeyPublic,
  kmsKeyCrossAccount,
  kmsKeyRotationDisabled,
  kmsKeyPendingDeletion,
] as const;
