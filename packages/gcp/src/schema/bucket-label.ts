import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPBucket } from './bucket.ts';
import { GCPProject } from './project.ts';

/**
 * A key/value label of a bucket, keyed by `<bucket>/labels/<key>` (one node
 * per bucket and key, so a value on one bucket never overwrites another's).
 */
export const GCPBucketLabel = defineNode({
  label: 'GCPBucketLabel',
  extraLabels: ['Label'],
  key: 'id',
  properties: {
    id: 'string',
    key: 'string',
    value: 'string?',
    bucket_id: 'string',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    bucket: defineRel('LABELED', refOf(GCPBucket), { direction: 'in' }),
  },
  description: 'A label of a Google Cloud Storage bucket.',
});
