import { defineNode, refOf } from '@skygraph/core';
import { GCPProject } from './project.ts';

/** A Cloud Storage bucket, keyed by its (globally unique) name. */
export const GCPBucket = defineNode({
  label: 'GCPBucket',
  extraLabels: ['ObjectStorage'],
  key: 'id',
  properties: {
    id: 'string',
    bucket_id: 'string',
    project_number: 'string?',
    self_link: 'string?',
    kind: 'string?',
    location: 'string?',
    location_type: 'string?',
    meta_generation: 'string?',
    storage_class: 'string?',
    time_created: 'string?',
    retention_period: 'string?',
    iam_config_bucket_policy_only: 'boolean?',
    iam_config_uniform_bucket_level_access: 'boolean?',
    /** `enforced` blocks public access whatever the IAM policy says; `inherited` defers to the project/organisation. */
    iam_config_public_access_prevention: 'string?',
    owner_entity: 'string?',
    owner_entity_id: 'string?',
    versioning_enabled: 'boolean?',
    log_bucket: 'string?',
    requester_pays: 'boolean?',
    default_kms_key_name: 'string?',
    /** `allUsers` / `allAuthenticatedUsers` when the IAM policy grants them a role. */
    iam_public_members: 'string[]?',
    iam_public_roles: 'string[]?',
    /** True when the bucket or default object ACL names `allUsers` or `allAuthenticatedUsers` (Cartography's property). */
    acl_public: 'boolean?',
    /** True when the IAM policy grants a public member a role and public access prevention is not enforced. */
    public_access: 'boolean?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  description: 'A Google Cloud Storage bucket.',
});
