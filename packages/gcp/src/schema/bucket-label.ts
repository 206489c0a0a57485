import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPBucket } from './bucket.ts';
import { GCPProject } from './project.ts';

/**
 * A key/value label of a bucket, as Cartography's current label model writes
 * it: a `GCPLabel` (also `Label`, `GCPBucketLabel` and the ontology's `Tag`)
 * keyed `<bucket id>:<key>:<value>`, which the bucket points at with both
 * `LABELED` and `TAGGED`. `resource_type` names the labelled node's type.
 */
export const GCPBucketLabel = defineNode({
  label: 'GCPLabel',
  extraLabels: ['Label', 'Tag'],
  legacyLabels: ['GCPBucketLabel'],
  key: 'id',
  properties: {
    id: 'string',
    key: 'string',
    value: 'string?',
    /** Always `GCPBucket` here. */
    resource_type: 'string',
    bucket_id: 'string',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    bucket: defineRel('LABELED', refOf(GCPBucket), { direction: 'in', description: 'the labelled bucket' }),
    taggedBucket: defineRel('TAGGED', refOf(GCPBucket), {
      direction: 'in',
      description: 'the labelled bucket (the ontology edge)',
    }),
  },
  description: 'A label of a Google Cloud Storage bucket.',
});
