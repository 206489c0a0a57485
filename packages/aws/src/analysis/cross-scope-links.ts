import { type AnalysisJob, writerStamp } from '@skygraph/core';

/** MERGEs a relationship the way the loader does (firstseen on creation, lastupdated every run). */
const stamp = (rel: string) =>
  `ON CREATE SET ${rel}.firstseen = timestamp()\nSET ${rel}.lastupdated = $updateTag, ${writerStamp(rel)}`;

/**
 * Completes relationships whose target is synced in another scope: a role
 * trusting a principal of another account, an instance's IAM instance profile
 * (the regional scope runs beside the account's IAM), a peering connection's
 * VPC in another account, a CloudTrail trail's S3 bucket (the account's global
 * scope, or the log archive account's) and its KMS key (perhaps another
 * account's). The collectors write these edges whenever the target
 * already exists; on a first sync, or when the target's scope ran later, this
 * job adds them from the properties the source keeps. The edges belong to the
 * source's schema, so they are cleaned up with it when they go stale. It also
 * derives `(AWSEC2Instance)-[:ASSUMES]->(AWSRole)` from the instance profile,
 * and drops those the profile no longer gives.
 */
export const crossScopeLinksJob: AnalysisJob = {
  name: 'aws_cross_scope_links',
  description:
    'Links roles to trusted principals, instances to instance profiles (and the roles they assume), peering connections to VPCs and trails to their S3 buckets and KMS keys synced by other scopes',
  statements: [
    `MATCH (r:AWSRole) WHERE r.trusted_aws_principals IS NOT NULL
UNWIND r.trusted_aws_principals AS arn
MATCH (p:AWSPrincipal {arn: arn})
MERGE (r)-[t:TRUSTS_AWS_PRINCIPAL]->(p)
${stamp('t')}`,
    `MATCH (i:AWSEC2Instance) WHERE i.iaminstanceprofile IS NOT NULL
MATCH (p:AWSInstanceProfile {id: i.iaminstanceprofile})
MERGE (i)-[x:INSTANCE_PROFILE]->(p)
${stamp('x')}`,
    // Cartography's ontology edge: the role an instance acts as, through its instance profile.
    `MATCH (i:AWSEC2Instance)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r:AWSRole)
MERGE (i)-[x:ASSUMES]->(r)
${stamp('x')}`,
    `MATCH (i:AWSEC2Instance)-[x:ASSUMES]->(r:AWSRole)
WHERE NOT EXISTS { MATCH (i)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r) }
DELETE x`,
    `MATCH (c:AWSPeeringConnection) WHERE c.accepter_vpc_id IS NOT NULL
MATCH (v:AWSVpc {id: c.accepter_vpc_id})
MERGE (c)-[x:ACCEPTER_VPC]->(v)
${stamp('x')}`,
    `MATCH (c:AWSPeeringConnection) WHERE c.requester_vpc_id IS NOT NULL
MATCH (v:AWSVpc {id: c.requester_vpc_id})
MERGE (c)-[x:REQUESTER_VPC]->(v)
${stamp('x')}`,
    `MATCH (t:AWSCloudTrailTrail) WHERE t.s3_bucket_name IS NOT NULL
MATCH (b:AWSS3Bucket {name: t.s3_bucket_name})
MERGE (t)-[x:LOGS_TO]->(b)
${stamp('x')}`,
    `MATCH (t:AWSCloudTrailTrail) WHERE t.kms_key_id IS NOT NULL
MATCH (k:AWSKMSKey {arn: t.kms_key_id})
MERGE (t)-[x:ENCRYPTED_BY]->(k)
${stamp('x')}`,
  ],
};
