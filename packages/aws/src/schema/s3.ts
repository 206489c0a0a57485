import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/**
 * An S3 bucket, keyed by its name (globally unique). `anonymous_access` and
 * `anonymous_actions` say what anyone on the internet may do, from the
 * bucket's ACL grants and policy, after its public access block.
 */
export const S3Bucket = defineNode({
  label: 'AWSS3Bucket',
  extraLabels: ['ObjectStorage'],
  legacyLabels: ['S3Bucket'],
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    arn: 'string',
    region: 'string?',
    creationdate: 'string?',
    anonymous_access: 'boolean?',
    anonymous_actions: 'string[]?',
    default_encryption: 'boolean?',
    encryption_algorithm: 'string?',
    encryption_key_id: 'string?',
    bucket_key_enabled: 'boolean?',
    versioning_status: 'string?',
    /** `Enabled` or `Disabled` (GetBucketVersioning's MFADelete, as Cartography stores it). */
    mfa_delete: 'string?',
    block_public_acls: 'boolean?',
    ignore_public_acls: 'boolean?',
    block_public_policy: 'boolean?',
    restrict_public_buckets: 'boolean?',
    /** The bucket policy as JSON, if any. */
    policy: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'An S3 bucket with its ACL-, policy-, encryption-, versioning- and public-access-block settings.',
});

/**
 * One grant of a bucket ACL to a canonical user or a group, keyed as
 * Cartography keys it: the SHA-256 of
 * `<account>:<owner>:<owner id>:<type>:<display name>:<grantee id>:<uri>:<permission>`.
 * The same grant on several buckets of an account is one node that applies
 * to each.
 */
export const S3Acl = defineNode({
  label: 'AWSS3Acl',
  legacyLabels: ['S3Acl'],
  key: 'id',
  properties: {
    id: 'string',
    /** The canonical user id of a `CanonicalUser` grantee. */
    granteeid: 'string?',
    displayname: 'string?',
    /** The URI of a `Group` grantee (`http://acs.amazonaws.com/groups/global/AllUsers`). */
    uri: 'string?',
    /** `FULL_CONTROL`, `READ`, `WRITE`, `READ_ACP` or `WRITE_ACP`. */
    permission: 'string',
    /** `CanonicalUser` or `Group`. */
    type: 'string',
    /** The display name of the bucket owner, where S3 still returns one. */
    owner: 'string?',
    /** The canonical user id of the bucket owner. */
    ownerid: 'string?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    bucket: defineRel('APPLIES_TO', refOf(S3Bucket), { description: 'a bucket the grant applies to' }),
  },
  description: 'A grant of an S3 bucket access control list (S3 GetBucketAcl).',
});
