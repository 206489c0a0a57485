import { writerStamp } from '@skygraph/core';

/** MERGEs a relationship the way the loader does (firstseen on creation, lastupdated and the writer every run). */
export const stamp = (rel: string) =>
  `ON CREATE SET ${rel}.firstseen = timestamp()\nSET ${rel}.lastupdated = $updateTag, ${writerStamp(rel)}`;

/**
 * `(source)-[rel]->(target)` for every `source` whose `property` names a
 * `target` by its `key`, e.g. a trail's `s3_bucket_name` and the bucket's
 * `name`: the edge a collector writes when the target is already there.
 */
export function linkByProperty(link: {
  source: string;
  property: string;
  rel: string;
  target: string;
  key: string;
}): string {
  return `MATCH (s:${link.source}) WHERE s.${link.property} IS NOT NULL
MATCH (t:${link.target} {${link.key}: s.${link.property}})
MERGE (s)-[x:${link.rel}]->(t)
${stamp('x')}`;
}
