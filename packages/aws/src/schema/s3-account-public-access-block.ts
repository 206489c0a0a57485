import { defineNode, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/**
 * The account-level S3 Block Public Access settings (S3 Control
 * GetPublicAccessBlock), keyed `<account id>:<region>` and written once per
 * synced region, as Cartography writes them. An account without the
 * configuration has no node: Cartography writes none either.
 */
export const S3AccountPublicAccessBlock = defineNode({
  label: 'AWSS3AccountPublicAccessBlock',
  legacyLabels: ['S3AccountPublicAccessBlock'],
  key: 'id',
  properties: {
    id: 'string',
    account_id: 'string',
    region: 'string',
    block_public_acls: 'boolean?',
    ignore_public_acls: 'boolean?',
    block_public_policy: 'boolean?',
    restrict_public_buckets: 'boolean?',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'The S3 Block Public Access settings of an account, as one region reports them (S3 Control GetPublicAccessBlock).',
});
