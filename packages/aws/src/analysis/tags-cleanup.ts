import type { AnalysisJob } from '@skygraph/core';

/**
 * Removes tags a resource no longer carries. A tag node belongs to no
 * account (every resource tagged `env:prod` points at the same one), so
 * scope cleanup cannot tell a stale TAGGED edge of one account and region
 * from another's. Here a stale edge goes when this sync read the tags of
 * the resource's account and region (some edge there is fresh): a region
 * whose tagging request failed keeps its edges, as a failed scope keeps its
 * data. Then the tags nothing points at any more go.
 */
export const tagsCleanupJob: AnalysisJob = {
  name: 'aws_tags_cleanup',
  description:
    'Deletes TAGGED edges a resource no longer has (where its region was read) and AWSTag nodes nothing is tagged with',
  statements: [
    `MATCH (:AWSTag)<-[r:TAGGED]-(m)<-[:RESOURCE]-(a:AWSAccount)
WHERE r.lastupdated <> $updateTag
  AND EXISTS { MATCH (a)-[:RESOURCE]->(o)-[f:TAGGED]->(:AWSTag) WHERE f.lastupdated = $updateTag AND o.region = m.region }
DELETE r`,
    'MATCH (t:AWSTag) WHERE t.skygraph_hash IS NOT NULL AND NOT (t)<-[:TAGGED]-() DETACH DELETE t',
  ],
};
