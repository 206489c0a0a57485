/**
 * Who can assume which AWS role. Two relationships answer it, as in
 * Cartography:
 *
 * - `(:AWSRole)-[:TRUSTS_AWS_PRINCIPAL]->(:AWSPrincipal)`: whom the role's
 *   trust policy names (an account root, a user, a role, a SAML provider,
 *   a service);
 * - `(:AWSPrincipal)-[:STS_ASSUMEROLE_ALLOW]->(:AWSRole)`: who can actually
 *   assume it — the AWS analysis job joins the trust policy with each
 *   principal's own IAM permissions (`sts:AssumeRole` on the role).
 *
 * The example also flags trust policies that name everyone (`*`) or an
 * account outside the organisation.
 *
 *   node --import tsx examples/who-can-assume.ts --demo
 *   node --import tsx examples/who-can-assume.ts --demo --principal assume-anything-dave
 *   node --import tsx examples/who-can-assume.ts --store ~/.skygraph/graph.grafeo --role ci-deploy-role
 */
import type { Writable } from 'node:stream';
import type { SkygraphClient } from '@skygraph/sdk';
import { isDirectRun, openExampleGraph, parseExampleArgs, runCli } from './lib/example-cli.ts';

/** One role: who its trust policy names, who can assume it, and what looks risky. */
export interface RoleAccess {
  readonly accountId: string;
  readonly accountName: string | null;
  readonly roleName: string;
  readonly roleArn: string;
  /** ARNs of the principals with `STS_ASSUMEROLE_ALLOW` to the role. */
  readonly assumableBy: readonly string[];
  /** What the trust policy names: `TRUSTS_AWS_PRINCIPAL` targets and the policy's own principal list. */
  readonly trusts: readonly string[];
  /** `trusts everyone`, `trusts 123456789012, outside the organisation`. */
  readonly warnings: readonly string[];
}

interface RoleRow extends Record<string, unknown> {
  account_id: string;
  account_name: string | null;
  role_name: string;
  role_arn: string;
  assumable_by: string[];
  trusted: string[];
  trusted_in_policy: string[] | null;
}

// Read-only Cypher through the client: STS_ASSUMEROLE_ALLOW comes from an
// analysis job, not from a node schema, so the typed builder does not know it.
const ROLES_CYPHER = `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSRole)
OPTIONAL MATCH (p:AWSPrincipal)-[:STS_ASSUMEROLE_ALLOW]->(r)
WITH a, r, collect(DISTINCT p.arn) AS assumable_by
OPTIONAL MATCH (r)-[:TRUSTS_AWS_PRINCIPAL]->(t:AWSPrincipal)
RETURN a.id AS account_id, a.name AS account_name, r.name AS role_name, r.arn AS role_arn, assumable_by,
  collect(DISTINCT t.arn) AS trusted, r.trusted_aws_principals AS trusted_in_policy
ORDER BY account_name, role_name`;

const ORG_ACCOUNTS_CYPHER = `MATCH (a:AWSAccount) WHERE coalesce(a.foreign, false) = false RETURN a.id AS id`;

/** The account id in a principal ARN (`arn:aws:iam::123456789012:root` -> `123456789012`). */
function accountOf(arn: string): string | null {
  return /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] ?? null;
}

export interface WhoCanAssumeOptions {
  readonly client: SkygraphClient;
  /** Only roles whose name or ARN contains this. */
  readonly role?: string;
  /** Only roles this principal (name or ARN fragment) can assume. */
  readonly principal?: string;
  /** Where the answer goes (default: nowhere, just return it). */
  readonly out?: Writable;
}

/** Answers "who can assume which role" for the whole graph, or for one role or principal. */
export async function main(options: WhoCanAssumeOptions): Promise<RoleAccess[]> {
  const { client } = options;
  const orgAccounts = new Set((await client.read<{ id: string }>(ORG_ACCOUNTS_CYPHER)).map((a) => a.id));
  const rows = await client.read<RoleRow>(ROLES_CYPHER);
  const principalMatches = (arn: string) =>
    options.principal === undefined || arn === options.principal || arn.endsWith(`/${options.principal}`);

  const roles: RoleAccess[] = [];
  for (const row of rows) {
    if (options.role && !row.role_name.includes(options.role) && !row.role_arn.includes(options.role))
      continue;
    const assumableBy = row.assumable_by.filter(Boolean).sort();
    if (options.principal !== undefined && !assumableBy.some(principalMatches)) continue;
    const trusts = [...new Set([...row.trusted, ...(row.trusted_in_policy ?? [])])].filter(Boolean).sort();
    const warnings: string[] = [];
    if (trusts.includes('*')) warnings.push('trusts everyone');
    for (const arn of trusts) {
      const id = accountOf(arn);
      if (id && !orgAccounts.has(id)) warnings.push(`trusts ${id}, outside the organisation`);
    }
    roles.push({
      accountId: row.account_id,
      accountName: row.account_name,
      roleName: row.role_name,
      roleArn: row.role_arn,
      assumableBy: options.principal === undefined ? assumableBy : assumableBy.filter(principalMatches),
      trusts,
      warnings: [...new Set(warnings)],
    });
  }

  if (options.out) {
    const out = options.out;
    const heading = options.principal
      ? `Roles ${options.principal} can assume: ${roles.length}`
      : `${roles.length} roles; ${roles.filter((r) => r.warnings.length > 0).length} with a risky trust policy`;
    out.write(`${heading}\n`);
    for (const role of roles) {
      out.write(`\n${role.accountName ?? role.accountId} / ${role.roleName}  ${role.roleArn}\n`);
      for (const warning of role.warnings) out.write(`  !! ${warning}\n`);
      out.write(`  trust policy names: ${role.trusts.join(', ') || '(nobody)'}\n`);
      out.write(`  can be assumed by:  ${role.assumableBy.join(', ') || '(no principal in the graph)'}\n`);
    }
  }
  return roles;
}

if (isDirectRun(import.meta.url)) {
  await runCli(async () => {
    const args = parseExampleArgs(
      'Usage: node --import tsx examples/who-can-assume.ts [--demo | --store <uri>] [--role <name>] [--principal <name|arn>]',
      { role: { type: 'string' }, principal: { type: 'string' } },
    );
    const graph = await openExampleGraph(args);
    try {
      await main({
        client: graph.client,
        ...(args.role ? { role: args.role } : {}),
        ...(args.principal ? { principal: args.principal } : {}),
        out: process.stdout,
      });
    } finally {
      await graph.close();
    }
  });
}
