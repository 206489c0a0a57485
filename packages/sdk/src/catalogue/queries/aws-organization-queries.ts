import { awsQuery } from './provider-query.ts';

/**
 * Organizations guardrails: the service and resource control policies of an
 * organisation and the accounts they reach. A policy attached to the root
 * or an OU reaches every account below it; the account, each OU above it
 * and the root are at most six `PARENT` hops away. SCPs and RCPs never
 * apply to the management account, so it is never reported.
 */

export const awsOrganizationPolicies = awsQuery({
  name: 'aws_organization_policies',
  title: 'Service and resource control policies',
  group: 'account',
  tags: ['inventory', 'guardrails', 'list'],
  description:
    'The SCPs and RCPs of each organisation: whether AWS manages them, whether they sit on the root, the OUs and how many accounts they are attached to directly',
  scope: null,
  cypher: `MATCH (o:AWSOrganization)-[:RESOURCE]->(p:AWSOrganizationPolicy)
OPTIONAL MATCH (p)-[:ATTACHED_TO]->(ou:AWSOrganizationalUnit)
WITH o, p, ou ORDER BY ou.name
WITH o, p, collect(ou.name) AS ous
RETURN o.id AS org_id, p.policy_id AS policy_id, p.name AS policy_name, p.type AS policy_type, coalesce(p.aws_managed, false) AS aws_managed,
  EXISTS { MATCH (p)-[:ATTACHED_TO]->(:AWSOrganizationRoot) } AS on_root, ous,
  size([(p)-[:ATTACHED_TO]->(acc:AWSAccount) | acc.id]) AS accounts
ORDER BY org_id, policy_type, policy_name, policy_id`,
  columns: {
    org_id: 'string',
    policy_id: 'string',
    policy_name: 'string?',
    policy_type: 'string',
    aws_managed: 'boolean',
    on_root: 'boolean',
    ous: 'string[]',
    accounts: 'number',
  },
  identity: ['org_id', 'policy_id'],
});

export const awsAccountsWithoutScp = awsQuery({
  name: 'aws_account_without_scp',
  title: 'Accounts no SCP guards',
  group: 'account',
  tags: ['security', 'misconfig', 'guardrails'],
  description:
    'Active member accounts that no service control policy other than FullAWSAccess reaches, attached to the account, an OU above it or the root: nothing caps what their administrators can do (leave the organisation, disable the trail, use any region). Every member account when SCPs are not enabled',
  severity: 'medium',
  remediation:
    'Attach guardrail SCPs (deny leaving the organisation, protect the audit trail and the audit role, restrict regions) to the root or to every OU, and move stray accounts into a guarded OU.',
  cypher: `MATCH (a:AWSAccount)-[:PARENT]->(parent)
MATCH (o:AWSOrganization {id: a.org_id})
WHERE coalesce(a.state, a.status) = 'ACTIVE' AND a.id <> o.management_account_id
  AND NOT EXISTS {
    MATCH (a)-[:PARENT*0..6]->(t)<-[:ATTACHED_TO]-(p:AWSOrganizationPolicy)
    WHERE p.type = 'SERVICE_CONTROL_POLICY' AND coalesce(p.aws_managed, false) = false
  }
RETURN a.id AS account_id, a.name AS account_name, parent.name AS parent, o.id AS org_id
ORDER BY account_name, account_id`,
  columns: { account_id: 'string', account_name: 'string?', parent: 'string?', org_id: 'string' },
  identity: ['account_id'],
});

export const awsScpsOnAccounts = awsQuery({
  name: 'aws_scp_attached_to_account',
  title: 'SCPs attached directly to accounts',
  group: 'account',
  tags: ['security', 'guardrails', 'anomaly'],
  description:
    'Service control policies attached to single accounts rather than to an OU: guardrails that do not follow an account when it moves, and exceptions that are easy to lose track of',
  severity: 'low',
  remediation:
    'Attach the policy to the OU that holds the accounts it is meant for, or move the account into an OU that carries it; detach the copy from the account.',
  cypher: `MATCH (o:AWSOrganization)-[:RESOURCE]->(p:AWSOrganizationPolicy)-[:ATTACHED_TO]->(a:AWSAccount)
WHERE p.type = 'SERVICE_CONTROL_POLICY' AND coalesce(p.aws_managed, false) = false
RETURN a.id AS account_id, a.name AS account_name, p.policy_id AS policy_id, p.name AS policy_name, o.id AS org_id
ORDER BY account_name, account_id, policy_name, policy_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    policy_id: 'string',
    policy_name: 'string?',
    org_id: 'string',
  },
  identity: ['account_id', 'policy_id'],
});

export const awsAccountsWithoutRcp = awsQuery({
  name: 'aws_account_without_rcp',
  title: 'Accounts outside every resource control policy',
  group: 'account',
  tags: ['security', 'misconfig', 'guardrails', 'data'],
  description:
    'Active member accounts that no resource control policy other than RCPFullAWSAccess reaches: their S3 buckets, KMS keys, secrets and roles rely on each resource policy alone (no organisation-wide TLS or data perimeter). Every member account when RCPs are not enabled',
  severity: 'low',
  remediation:
    'Enable resource control policies and attach a data-perimeter RCP (only principals of the organisation, only over TLS) to the root or to the OUs that hold data.',
  cypher: `MATCH (a:AWSAccount)-[:PARENT]->(parent)
MATCH (o:AWSOrganization {id: a.org_id})
WHERE coalesce(a.state, a.status) = 'ACTIVE' AND a.id <> o.management_account_id
  AND NOT EXISTS {
    MATCH (a)-[:PARENT*0..6]->(t)<-[:ATTACHED_TO]-(p:AWSOrganizationPolicy)
    WHERE p.type = 'RESOURCE_CONTROL_POLICY' AND coalesce(p.aws_managed, false) = false
  }
RETURN a.id AS account_id, a.name AS account_name, parent.name AS parent, o.id AS org_id
ORDER BY account_name, account_id`,
  columns: { account_id: 'string', account_name: 'string?', parent: 'string?', org_id: 'string' },
  identity: ['account_id'],
});

export const awsOrganizationQueries = [
  awsOrganizationPolicies,
  awsAccountsWithoutScp,
  awsScpsOnAccounts,
  awsAccountsWithoutRcp,
] as const;
