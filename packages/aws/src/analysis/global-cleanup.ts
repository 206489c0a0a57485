import type { AnalysisJob } from '@skygraph/core';

/**
 * Removes the shared nodes no account uses any more. IP ranges and service
 * or federated principals belong to no single account (many point at the
 * same `0.0.0.0/0` or `ec2.amazonaws.com`), so scope cleanup never deletes
 * them; once the last rule or trust policy naming one is gone, it goes too.
 * A failed scope keeps its rules and roles, and so the nodes they point at.
 */
export const globalCleanupJob: AnalysisJob = {
  name: 'aws_global_cleanup',
  description: 'Deletes IP ranges, service principals and federated principals nothing refers to',
  statements: [
    'MATCH (r:AWSIpRange) WHERE NOT (r)-[:MEMBER_OF_IP_RULE]->() DETACH DELETE r',
    'MATCH (p:AWSServicePrincipal) WHERE NOT ()-[:TRUSTS_AWS_PRINCIPAL]->(p) DETACH DELETE p',
    'MATCH (p:AWSFederatedPrincipal) WHERE NOT ()-[:TRUSTS_AWS_PRINCIPAL]->(p) DETACH DELETE p',
  ],
};
