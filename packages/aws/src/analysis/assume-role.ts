import type { AnalysisJob } from '@skygraph/core';

/** An IAM wildcard pattern (`*`, `?`) of a list element `x` as a regular expression over ARNs. */
function globRegex(x: string): string {
  let expr = x;
  // Escape what regular expressions treat specially and ARNs may contain.
  for (const ch of ['.', '+', '(', ')', '[', ']', '{', '}', '^', '$', '|']) {
    expr = `replace(${expr}, '${ch}', '\\\\${ch}')`;
  }
  return `replace(replace(${expr}, '*', '.*'), '?', '.')`;
}

/** A statement of `s` that allows sts:AssumeRole on role `r`. */
const ALLOWS_ASSUME = `s.effect = 'Allow'
  AND any(a IN coalesce(s.action, []) WHERE 'sts:assumerole' =~ replace(replace(toLower(a), '*', '.*'), '?', '.'))
  AND any(res IN coalesce(s.resource, []) WHERE r.arn =~ ${globRegex('res')})`;

const MERGE_ALLOW = `MERGE (p)-[x:STS_ASSUMEROLE_ALLOW]->(r)
ON CREATE SET x.firstseen = timestamp()
SET x.lastupdated = $updateTag`;

/**
 * Derives `(principal)-[:STS_ASSUMEROLE_ALLOW]->(role)`: the principal's
 * policies (its own, or for a user its groups') allow sts:AssumeRole on the
 * role's ARN, and the role's trust policy names the principal or its
 * account's root. EC2 instances may assume the role of their instance profile.
 * Deny statements, NotAction/NotResource and conditions are not evaluated.
 * Edges the current graph no longer supports are removed.
 */
export const assumeRoleJob: AnalysisJob = {
  name: 'aws_sts_assumerole_allow',
  description:
    'Links principals to the roles they are allowed to assume (their policies allow it and the role trusts them)',
  statements: [
    `MATCH (r:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(p:AWSPrincipal)
WHERE p:AWSUser OR p:AWSRole
MATCH (p)-[:POLICY]->(:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE ${ALLOWS_ASSUME}
WITH DISTINCT p, r
${MERGE_ALLOW}`,
    `MATCH (r:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(p:AWSUser)-[:MEMBER_AWS_GROUP]->(:AWSGroup)-[:POLICY]->(:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE ${ALLOWS_ASSUME}
WITH DISTINCT p, r
${MERGE_ALLOW}`,
    `MATCH (r:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(:AWSRootPrincipal)<-[:RESOURCE]-(:AWSAccount)-[:RESOURCE]->(p:AWSPrincipal)
WHERE p:AWSUser OR p:AWSRole
MATCH (p)-[:POLICY]->(:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE ${ALLOWS_ASSUME}
WITH DISTINCT p, r
${MERGE_ALLOW}`,
    `MATCH (r:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(:AWSRootPrincipal)<-[:RESOURCE]-(:AWSAccount)-[:RESOURCE]->(p:AWSUser)-[:MEMBER_AWS_GROUP]->(:AWSGroup)-[:POLICY]->(:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE ${ALLOWS_ASSUME}
WITH DISTINCT p, r
${MERGE_ALLOW}`,
    `MATCH (p:EC2Instance)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r:AWSRole)
WITH DISTINCT p, r
${MERGE_ALLOW}`,
    'MATCH ()-[x:STS_ASSUMEROLE_ALLOW]->() WHERE x.lastupdated <> $updateTag DELETE x',
  ],
};
