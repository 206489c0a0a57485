import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/**
 * A KMS key, keyed by its key id as Cartography keys it (a multi-Region
 * replica shares its primary's id). `anonymous_access` and
 * `anonymous_actions` say what anyone may do under the key policy;
 * `cross_account_principals` names the principals of other accounts it
 * allows. Dates are seconds since the epoch, as Cartography writes them.
 */
export const KMSKey = defineNode({
  label: 'AWSKMSKey',
  extraLabels: ['EncryptionKey'],
  legacyLabels: ['KMSKey'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    key_id: 'string',
    description: 'string?',
    enabled: 'boolean?',
    /** `Enabled`, `Disabled`, `PendingDeletion`, `PendingImport`, ... */
    key_state: 'string?',
    /** `ENCRYPT_DECRYPT`, `SIGN_VERIFY`, `GENERATE_VERIFY_MAC` or `KEY_AGREEMENT`. */
    key_usage: 'string?',
    /** `AWS` (AWS managed, rotated every year by AWS) or `CUSTOMER`. */
    key_manager: 'string?',
    /** `AWS_KMS`, `EXTERNAL` (imported material), `AWS_CLOUDHSM` or `EXTERNAL_KEY_STORE`. */
    origin: 'string?',
    creation_date: 'number?',
    deletion_date: 'number?',
    valid_to: 'number?',
    custom_key_store_id: 'string?',
    cloud_hsm_cluster_id: 'string?',
    expiration_model: 'string?',
    customer_master_key_spec: 'string?',
    /** `SYMMETRIC_DEFAULT`, `RSA_2048`, `ECC_NIST_P256`, `HMAC_256`, ... */
    key_spec: 'string?',
    multi_region: 'boolean?',
    encryption_algorithms: 'string[]?',
    signing_algorithms: 'string[]?',
    /** GetKeyRotationStatus; true for AWS managed keys, unset where rotation does not apply (asymmetric, HMAC, imported). */
    rotation_enabled: 'boolean?',
    /** Unset when the key policy could not be read. */
    anonymous_access: 'boolean?',
    anonymous_actions: 'string[]?',
    /** AWS principals (`arn:aws:iam::<account>:root` for an account) of other accounts the key policy allows. */
    cross_account_principals: 'string[]?',
    /** The key policy as JSON. */
    policy: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'A KMS key with its key policy analysis and rotation status (KMS ListKeys, DescribeKey, GetKeyPolicy, GetKeyRotationStatus).',
});

/** A KMS alias, keyed by its ARN; AWS's predefined aliases not yet pointing at a key are not written. */
export const KMSAlias = defineNode({
  label: 'AWSKMSAlias',
  legacyLabels: ['KMSAlias'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    /** `alias/<name>`; AWS managed keys' aliases are `alias/aws/<service>`. */
    alias_name: 'string',
    target_key_id: 'string?',
    creation_date: 'number?',
    last_updated_date: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    key: defineRel('KNOWN_AS', refOf(KMSKey), { description: 'the key the alias names' }),
  },
  description: 'A KMS alias (KMS ListAliases).',
});

/** A grant on a KMS key, keyed by its grant id. */
export const KMSGrant = defineNode({
  label: 'AWSKMSGrant',
  legacyLabels: ['KMSGrant'],
  key: 'id',
  properties: {
    id: 'string',
    grant_id: 'string',
    name: 'string?',
    grantee_principal: 'string?',
    creation_date: 'number?',
    /** The ARN of the key the grant applies to. */
    key_id: 'string?',
    /** `arn:aws:iam::<account>:root` of the account that issued the grant. */
    issuing_account: 'string?',
    operations: 'string[]?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    key: defineRel('APPLIED_ON', refOf(KMSKey, 'arn'), { description: 'the key the grant applies to' }),
  },
  description: 'A grant on a KMS key (KMS ListGrants).',
});
