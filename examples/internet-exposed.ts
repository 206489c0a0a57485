/**
 * Internet-exposed assets across clouds: EC2 instances, load balancers and
 * RDS databases in AWS, Compute Engine instances and GKE control planes in
 * GCP, and public buckets in both — one list, from the graph's exposure
 * analysis (Cartography's `exposed_internet`) and the query catalogue.
 *
 *   node --import tsx examples/internet-exposed.ts --demo
 *   node --import tsx examples/internet-exposed.ts --store bolt://localhost:7687 --account prod
 */
import type { Writable } from 'node:stream';
import type { Row } from '@skygraph/core';
import { defineQuery, type ScopeFilter, type SkygraphClient } from '@skygraph/sdk';
import { isDirectRun, openExampleGraph, parseExampleArgs, runCli } from './lib/example-cli.ts';
import { textTable } from './lib/text-table.ts';

/** One asset the internet can reach, whatever the cloud. */
export interface ExposedAsset {
  readonly cloud: 'aws' | 'gcp';
  /** `EC2 instance`, `load balancer`, `RDS instance`, `S3 bucket`, `GCE instance`, `GKE cluster`, `GCS bucket`. */
  readonly kind: string;
  /** The account (name and id) or project it lives in. */
  readonly where: string;
  readonly asset: string;
  /** How it is reachable: exposure path and ports, endpoint, public grants. */
  readonly how: string;
}

/**
 * The catalogue's `ec2_public` lists instances the analysis marked exposed;
 * this query adds how (directly, or through a load balancer) and on which
 * ports, which is what someone triaging the list needs. Defining it with
 * `defineQuery` makes it a catalogue query like the built-in ones: typed
 * rows, narrowable to one account.
 */
export const ec2Exposed = defineQuery({
  name: 'ec2_exposed_internet',
  provider: 'aws',
  group: 'ec2',
  tags: ['aws', 'security', 'networking'],
  description: 'EC2 instances reachable from the internet, with the exposure path, ports and security groups',
  severity: 'high',
  scope: { kind: 'account', variable: 'a' },
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
WHERE i.exposed_internet = true
OPTIONAL MATCH (i)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(g:AWSEC2SecurityGroup)
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.instanceid AS instance_id, i.publicipaddress AS public_ip, i.exposed_internet_type AS exposure, i.exposed_internet_ports AS ports, collect(DISTINCT g.name) AS security_groups
ORDER BY account_name, instance_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    instance_id: 'string',
    public_ip: 'string?',
    exposure: 'string[]?',
    ports: 'string[]?',
    security_groups: 'string[]',
  },
  identity: ['instance_id'],
});

const list = (value: unknown) =>
  Array.isArray(value) ? value.join(', ') : value == null ? '' : String(value);
const account = (row: Row) =>
  row.account_name ? `${row.account_name} (${row.account_id})` : String(row.account_id);

/** The built-in catalogue queries that list exposed assets, and how each row reads as an {@link ExposedAsset}. */
const CATALOGUE_SOURCES: readonly { readonly query: string; readonly asset: (row: Row) => ExposedAsset }[] = [
  {
    query: 'elb_internet_facing',
    asset: (row) => ({
      cloud: 'aws',
      kind: 'load balancer',
      where: account(row),
      asset: String(row.name),
      how: `classic ELB, ports ${list(row.ports)}: ${row.dns_name}`,
    }),
  },
  {
    query: 'elbv2_internet_facing',
    asset: (row) => ({
      cloud: 'aws',
      kind: 'load balancer',
      where: account(row),
      asset: String(row.name),
      how: `${row.type ?? 'v2'} load balancer, ports ${list(row.ports)}: ${row.dns_name}`,
    }),
  },
  {
    query: 'rds_public',
    asset: (row) => ({
      cloud: 'aws',
      kind: 'RDS instance',
      where: account(row),
      asset: String(row.db_instance),
      how: `publicly accessible${row.storage_encrypted === false ? ', unencrypted' : ''}: ${row.endpoint ?? '?'}:${row.port ?? '?'}`,
    }),
  },
  {
    query: 's3_anonymous',
    asset: (row) => ({
      cloud: 'aws',
      kind: 'S3 bucket',
      where: account(row),
      asset: String(row.bucket),
      how: `anonymous ${list(row.anonymous_actions) || 'access'}`,
    }),
  },
  {
    query: 'gcp_instances_public',
    asset: (row) => ({
      cloud: 'gcp',
      kind: 'GCE instance',
      where: String(row.project_id),
      asset: `${row.instance_name} (${row.zone})`,
      how: `external IP ${row.public_ip ?? '?'}, firewall open to 0.0.0.0/0${row.network_tags ? ` (tags ${list(row.network_tags)})` : ''}`,
    }),
  },
  {
    query: 'gke_public_endpoint',
    asset: (row) => ({
      cloud: 'gcp',
      kind: 'GKE cluster',
      where: String(row.project_id),
      asset: `${row.cluster} (${row.location})`,
      how: `control plane ${row.endpoint ?? '?'}, authorised networks: ${list(row.authorized_networks) || 'none'}`,
    }),
  },
  {
    query: 'gcp_bucket_public',
    asset: (row) => ({
      cloud: 'gcp',
      kind: 'GCS bucket',
      where: String(row.project_id),
      asset: String(row.bucket),
      how: `${list(row.public_members)} → ${list(row.public_roles)}`,
    }),
  },
];

export interface InternetExposedOptions {
  /** A client over the graph; its catalogue must hold the built-in queries. */
  readonly client: SkygraphClient;
  /** Only this account or project (by id or name); queries about the other cloud are skipped. */
  readonly scope?: ScopeFilter;
  /** Where the table goes (default: nowhere, just return the assets). */
  readonly out?: Writable;
}

/** Lists every internet-exposed asset of the graph, AWS first, then GCP. */
export async function main(options: InternetExposedOptions): Promise<ExposedAsset[]> {
  const { client } = options;
  const scope = options.scope ? { scope: options.scope } : {};
  const assets: ExposedAsset[] = [];

  const ec2 = await client.runQuery(ec2Exposed, scope);
  for (const row of ec2.rows) {
    const paths = row.exposure ?? [];
    const direct = paths.includes('direct')
      ? `${list(row.ports) || 'ports'} open to the world in ${list(row.security_groups) || '?'}${row.public_ip ? `, public IP ${row.public_ip}` : ''}`
      : null;
    const balanced = paths.filter((p) => p !== 'direct');
    const behind =
      balanced.length > 0 ? `behind an internet-facing load balancer (${balanced.join(', ')})` : null;
    assets.push({
      cloud: 'aws',
      kind: 'EC2 instance',
      where: account(row),
      asset: row.instance_id,
      how: [direct, behind].filter(Boolean).join('; ') || 'exposed',
    });
  }
  for (const source of CATALOGUE_SOURCES) {
    const result = await client.runQuery(source.query, scope);
    // A failed query must not hide the others' findings; say so and carry on.
    if (result.error) options.out?.write(`warning: ${source.query} failed: ${result.error}\n`);
    for (const row of result.rows) assets.push(source.asset(row));
  }
  assets.sort((a, b) => a.cloud.localeCompare(b.cloud));

  if (options.out) {
    const byKind = new Map<string, number>();
    for (const asset of assets) byKind.set(asset.kind, (byKind.get(asset.kind) ?? 0) + 1);
    options.out.write(
      `${assets.length} internet-exposed assets: ${[...byKind].map(([kind, n]) => `${n} ${kind}`).join(', ')}\n\n`,
    );
    options.out.write(textTable(assets, ['cloud', 'kind', 'where', 'asset', 'how'], 70));
  }
  return assets;
}

if (isDirectRun(import.meta.url)) {
  await runCli(async () => {
    const args = parseExampleArgs(
      'Usage: node --import tsx examples/internet-exposed.ts [--demo | --store <uri>] [--account <id|name> | --project <id>]',
      { account: { type: 'string' }, project: { type: 'string' } },
    );
    const graph = await openExampleGraph(args);
    try {
      const scope: ScopeFilter = {
        ...(args.account ? { account: args.account } : {}),
        ...(args.project ? { project: args.project } : {}),
      };
      await main({ client: graph.client, scope, out: process.stdout });
    } finally {
      await graph.close();
    }
  });
}
