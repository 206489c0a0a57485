import { defineNode, defineRel, refOf } from '@skygraph/core';
import { KMSKey } from './kms.ts';
import { AWSAccount } from './organization.ts';

/**
 * A Secrets Manager secret, keyed by its ARN as Cartography keys it. Only
 * metadata is read: skygraph never calls GetSecretValue. The resource policy
 * is analysed as key policies are: `anonymous_access` and `anonymous_actions`
 * say what anyone may do, `cross_account_principals` names the principals of
 * other accounts it allows. Dates are seconds since the epoch, as Cartography
 * writes them.
 */
export const SecretsManagerSecret = defineNode({
  label: 'AWSSecretsManagerSecret',
  extraLabels: ['Secret'],
  legacyLabels: ['SecretsManagerSecret'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    description: 'string?',
    /** False too when rotation was never configured (ListSecrets then leaves RotationEnabled out). */
    rotation_enabled: 'boolean?',
    rotation_lambda_arn: 'string?',
    rotation_rules_automatically_after_days: 'number?',
    created_date: 'number?',
    /** Unset when the secret has never rotated. */
    last_rotated_date: 'number?',
    last_changed_date: 'number?',
    /** Truncated to midnight (UTC) of the day of the last access. */
    last_accessed_date: 'number?',
    deleted_date: 'number?',
    next_rotation_date: 'number?',
    /** The key ARN (or alias) given at creation; unset when the secret uses aws/secretsmanager. */
    kms_key_id: 'string?',
    owning_service: 'string?',
    primary_region: 'string?',
    /** Unset when the resource policy could not be read; false when the secret has none. */
    anonymous_access: 'boolean?',
    anonymous_actions: 'string[]?',
    /** AWS principals (`arn:aws:iam::<account>:root` for an account) of other accounts the resource policy allows. */
    cross_account_principals: 'string[]?',
    /** The resource policy as JSON; unset when the secret has none. */
    policy: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    key: defineRel('ENCRYPTED_BY', refOf(KMSKey, 'arn'), {
      description: 'the customer managed KMS key that encrypts the secret',
    }),
  },
  description:
    'A Secrets Manager secret with its rotation and resource policy analysis (Secrets Manager ListSecrets, GetResourcePolicy); secret values are never read.',
});

/** A version of a secret, keyed by `<secret ARN>:version:<version id>` as Cartography keys it. */
export const SecretsManagerSecretVersion = defineNode({
  label: 'AWSSecretsManagerSecretVersion',
  legacyLabels: ['SecretsManagerSecretVersion'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    /** The ARN of the secret. */
    secret_id: 'string',
    version_id: 'string',
    /** `AWSCURRENT`, `AWSPREVIOUS`, `AWSPENDING`; empty on a deprecated version. */
    version_stages: 'string[]?',
    created_date: 'number?',
    /** ARNs of the keys that encrypt the version (`DEFAULT` for aws/secretsmanager). */
    kms_key_ids: 'string[]?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    secret: defineRel('VERSION_OF', refOf(SecretsManagerSecret), {
      description: 'the secret of the version',
    }),
    keys: defineRel('ENCRYPTED_BY', refOf(KMSKey, 'arn'), {
      description: 'the KMS keys that encrypt the version',
    }),
  },
  description:
    'A version of a Secrets Manager secret (Secrets Manager ListSecretVersionIds), without its value.',
});
