import type { AnalysisJob } from '@skygraph/core';
import { linkByProperty, stamp } from './merge-stamp.ts';

/**
 * Completes relationships whose target is synced in another scope: a role
 * trusting a principal of another account, an instance's IAM instance profile
 * (the regional scope runs beside the account's IAM), a Lambda function's
 * execution role, an ECS task definition's roles and a container's ECR image, the IAM principal of an EKS access entry, a peering connection's
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
    linkByProperty({
      source: 'AWSEC2Instance',
      property: 'iaminstanceprofile',
      rel: 'INSTANCE_PROFILE',
      target: 'AWSInstanceProfile',
      key: 'id',
    }),
    // Cartography's ontology edge: the role an instance acts as, through its instance profile.
    `MATCH (i:AWSEC2Instance)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r:AWSRole)
MERGE (i)-[x:ASSUMES]->(r)
${stamp('x')}`,
    `MATCH (i:AWSEC2Instance)-[x:ASSUMES]->(r:AWSRole)
WHERE NOT EXISTS { MATCH (i)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r) }
DELETE x`,
    // A function's execution role (Cartography writes both edges: the trust view and the ontology's ASSUMES).
    `MATCH (f:AWSLambda) WHERE f.role IS NOT NULL
MATCH (r:AWSRole {arn: f.role})
MERGE (f)-[x:STS_ASSUMEROLE_ALLOW]->(r)
${stamp('x')}
MERGE (f)-[y:ASSUMES]->(r)
${stamp('y')}`,
    // An ECS task definition's task and execution roles (IAM is the account's global scope).
    linkByProperty({
      source: 'AWSECSTaskDefinition',
      property: 'task_role_arn',
      rel: 'HAS_TASK_ROLE',
      target: 'AWSRole',
      key: 'arn',
    }),
    linkByProperty({
      source: 'AWSECSTaskDefinition',
      property: 'execution_role_arn',
      rel: 'HAS_EXECUTION_ROLE',
      target: 'AWSRole',
      key: 'arn',
    }),
    // The ECR image an ECS container runs, when the repository is another account's or region's.
    linkByProperty({
      source: 'AWSECSContainer',
      property: 'image_digest',
      rel: 'HAS_IMAGE',
      target: 'AWSECRImage',
      key: 'id',
    }),
    `MATCH (e:AWSEKSAccessEntry) WHERE e.principal_arn IS NOT NULL
MATCH (p:AWSPrincipal {arn: e.principal_arn})
MERGE (p)-[x:GRANTED_ACCESS_TO]->(e)
${stamp('x')}`,
    linkByProperty({
      source: 'AWSPeeringConnection',
      property: 'accepter_vpc_id',
      rel: 'ACCEPTER_VPC',
      target: 'AWSVpc',
      key: 'id',
    }),
    linkByProperty({
      source: 'AWSPeeringConnection',
      property: 'requester_vpc_id',
      rel: 'REQUESTER_VPC',
      target: 'AWSVpc',
      key: 'id',
    }),
    linkByProperty({
      source: 'AWSCloudTrailTrail',
      property: 's3_bucket_name',
      rel: 'LOGS_TO',
      target: 'AWSS3Bucket',
      key: 'name',
    }),
    linkByProperty({
      source: 'AWSCloudTrailTrail',
      property: 'kms_key_id',
      rel: 'ENCRYPTED_BY',
      target: 'AWSKMSKey',
      key: 'arn',
    }),
  ],
};
