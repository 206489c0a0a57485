import type { AnalysisJob } from '@skygraph/core';
import { stamp } from './merge-stamp.ts';

/** The ALLOWED_BY edges of one kind of principal, from its `<account id>|<permission set ARN>` assignments. */
const allowedBy = (label: string) => `MATCH (p:${label}) WHERE p.account_assignments IS NOT NULL
UNWIND p.account_assignments AS assignment
WITH p, split(assignment, '|') AS parts
MATCH (ps:AWSPermissionSet {arn: parts[1]})-[:ASSIGNED_TO_ROLE]->(r:AWSRole)<-[:RESOURCE]-(:AWSAccount {id: parts[0]})
MERGE (r)-[x:ALLOWED_BY]->(p)
${stamp('x')}, x.permission_set_arn = ps.arn`;

/**
 * Links IAM Identity Center to the IAM roles it provisions, which the member
 * accounts' scopes sync: `(AWSPermissionSet)-[:ASSIGNED_TO_ROLE]->(AWSRole)`
 * for each `AWSReservedSSO_<permission set name>_<hash>` role (under
 * `/aws-reserved/sso.amazonaws.com/`, with the instance's region in the path
 * outside us-east-1), as Cartography matches them, and
 * `(AWSRole)-[:ALLOWED_BY {permission_set_arn}]->(AWSSSOUser|AWSSSOGroup)`
 * for each account assignment of a user or group. Cartography matches the
 * role name as a prefix; the `_` after the name keeps `Admin` from matching
 * `AdministratorAccess` roles. ALLOWED_BY edges no assignment gives any more
 * are dropped.
 */
export const identityCenterRolesJob: AnalysisJob = {
  name: 'aws_identity_center_roles',
  description:
    'Links Identity Center permission sets to the AWSReservedSSO roles they provision, and those roles to the users and groups assigned them',
  statements: [
    `MATCH (ps:AWSPermissionSet) WHERE ps.name IS NOT NULL
WITH ps, ':role/aws-reserved/sso.amazonaws.com/' + CASE WHEN ps.region = 'us-east-1' THEN '' ELSE ps.region + '/' END + 'awsreservedsso_' + toLower(ps.name) + '_' AS hint
MATCH (r:AWSRole) WHERE toLower(r.arn) CONTAINS hint
MERGE (ps)-[x:ASSIGNED_TO_ROLE]->(r)
${stamp('x')}`,
    allowedBy('AWSSSOUser'),
    allowedBy('AWSSSOGroup'),
    `MATCH (:AWSRole)-[x:ALLOWED_BY]->(p) WHERE (p:AWSSSOUser OR p:AWSSSOGroup) AND x.lastupdated <> $updateTag
DELETE x`,
  ],
};
