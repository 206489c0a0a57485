import { type AnalysisJob, writerStamp } from '@skygraph/core';

/** An IAM wildcard pattern (`*`, `?`) of a list element `x` as a regular expression over ARNs. */
function globRegex(x: string): string {
  let expr = x;
  // Escape what regular expressions treat specially and ARNs may contain.
  for (const ch of ['.', '+', '(', ')', '[', ']', '{', '}', '^', '$', '|']) {
    expr = `replace(${expr}, '${ch}', '\\\\${ch}')`;
  }
  return `replace(replace(${expr}, '*', '.*'), '?', '.')`;
}

/** Statement `s` allows sts:AssumeRole (on some resource). */
const ALLOWS_ASSUME = `s.effect = 'Allow'
  AND any(a IN coalesce(s.action, []) WHERE 'sts:assumerole' =~ replace(replace(toLower(a), '*', '.*'), '?', '.'))`;

/** Statement `s` names role `r` among its resources. */
const COVERS_ROLE = `any(res IN coalesce(s.resource, []) WHERE r.arn =~ ${globRegex('res')})`;

/**
 * From candidate pairs `(p, s)`: the roles whose trust policy names `p` or the
 * root of `p`'s account (index lookups by ARN, not a scan of every trust edge).
 */
const TRUSTING_ROLES = `WITH DISTINCT p, s
MATCH (t:AWSPrincipal)
WHERE t.arn IN [p.arn, 'arn:' + split(p.arn, ':')[1] + ':iam::' + split(p.arn, ':')[4] + ':root']
MATCH (r:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(t)
WHERE ${COVERS_ROLE}
WITH DISTINCT p, r`;

const MERGE_ALLOW = `MERGE (p)-[x:STS_ASSUMEROLE_ALLOW]->(r)
ON CREATE SET x.firstseen = timestamp()
SET x.lastupdated = $updateTag, ${writerStamp('x')}`;

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
    `MATCH (p:AWSPrincipal)-[:POLICY]->(:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE (p:AWSUser OR p:AWSRole) AND ${ALLOWS_ASSUME}
${TRUSTING_ROLES}
${MERGE_ALLOW}`,
    `MATCH (p:AWSUser)-[:MEMBER_AWS_GROUP]->(:AWSGroup)-[:POLICY]->(:AWSPolicy)-[:STATEMENT]->(s:AWSPolicyStatement)
WHERE ${ALLOWS_ASSUME}
${TRUSTING_ROLES}
${MERGE_ALLOW}`,
    `MATCH (p:AWSEC2Instance)-[:INSTANCE_PROFILE]->(:AWSInstanceProfile)-[:ASSOCIATED_WITH]->(r:AWSRole)
WITH DISTINCT p, r
${MERGE_ALLOW}`,
    'MATCH ()-[x:STS_ASSUMEROLE_ALLOW]->() WHERE x.lastupdated <> $updateTag DELETE x',
  ],
};
