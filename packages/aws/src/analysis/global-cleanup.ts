import type { AnalysisJob } from '@skygraph/core';

/**
 * Removes the shared nodes no account uses any more. IP ranges and service
 * or federated principals belong to no single account (many point at the
 * same `0.0.0.0/0` or `ec2.amazonaws.com`), so scope cleanup never deletes
 * them; once the last rule or trust policy naming one is gone, it goes too.
 * A failed scope keeps its rules and roles, and so the nodes they point at.
 * Managed policies and statements no account holds any more (see below) go too.
 */
export const globalCleanupJob: AnalysisJob = {
  name: 'aws_global_cleanup',
  description:
    "Deletes IP ranges, service principals and federated principals nothing refers to, and accounts' edges to those they no longer use",
  statements: [
    // An account's RESOURCE edge to a shared node lasts while one of its rules or roles names it.
    'MATCH (a:AWSAccount)-[e:RESOURCE]->(r:AWSIpRange) WHERE NOT EXISTS { MATCH (a)-[:RESOURCE]->(:AWSIpRule)<-[:MEMBER_OF_IP_RULE]-(r) } DELETE e',
    'MATCH (a:AWSAccount)-[e:RESOURCE]->(p:AWSFederatedPrincipal) WHERE NOT EXISTS { MATCH (a)-[:RESOURCE]->(:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(p) } DELETE e',
    'MATCH (r:AWSIpRange) WHERE NOT (r)-[:MEMBER_OF_IP_RULE]->() DETACH DELETE r',
    // An AWS managed policy (and its statements) is held by every account that uses it; when two
    // accounts' cleanups drop it at once, each sees the other still holding it and only removes
    // its own edge. What skygraph wrote and no account holds any more goes here.
    'MATCH (p:AWSManagedPolicy) WHERE p.skygraph_hash IS NOT NULL AND NOT (p)<-[:RESOURCE]-(:AWSAccount) DETACH DELETE p',
    'MATCH (s:AWSPolicyStatement) WHERE s.skygraph_hash IS NOT NULL AND NOT (s)<-[:RESOURCE]-(:AWSAccount) DETACH DELETE s',
    'MATCH (p:AWSServicePrincipal) WHERE NOT ()-[:TRUSTS_AWS_PRINCIPAL]->(p) DETACH DELETE p',
    'MATCH (p:AWSFederatedPrincipal) WHERE NOT ()-[:TRUSTS_AWS_PRINCIPAL]->(p) DETACH DELETE p',
  ],
};
