/**
 * Inventory of one AWS account: what it holds, counted by kind, then its
 * instances, buckets, databases, users and roles — the query catalogue's
 * inventory queries narrowed to the account by a parameter.
 *
 *   node --import tsx examples/inventory-one-account.ts --demo --account acme-management
 *   node --import tsx examples/inventory-one-account.ts --store bolt://localhost:7687 --account 123456789012
 */
import type { Writable } from 'node:stream';
import { awsSchemas } from '@skygraph/aws/schema';
import type { Row } from '@skygraph/core';
import { graph, type SkygraphClient } from '@skygraph/sdk';
import { isDirectRun, openExampleGraph, parseExampleArgs, runCli } from './lib/example-cli.ts';
import { textTable } from './lib/text-table.ts';

/** The schemas' own labels: a node with extra labels (Cartography's ontology labels) counts under its schema's. */
const AWS_LABELS = new Set<string>(awsSchemas.map((schema) => schema.label));

// Counting by label needs labels(), which the typed builder does not model: read-only Cypher, the id a parameter.
const COUNT_CYPHER = `MATCH (a:AWSAccount {id: $account})-[:RESOURCE]->(n)
RETURN labels(n) AS labels, count(n) AS count`;

/** The catalogue queries listed for the account, with the columns shown for each. */
const LISTS = [
  {
    query: 'ec2_instances',
    title: 'EC2 instances',
    columns: ['region', 'instance_id', 'instance_type', 'state', 'public_ip'],
  },
  {
    query: 's3_buckets',
    title: 'S3 buckets',
    columns: ['bucket', 'region', 'encrypted', 'anonymous_access'],
  },
  {
    query: 'rds_instances',
    title: 'RDS instances',
    columns: ['region', 'db_instance', 'engine', 'publicly_accessible', 'storage_encrypted'],
  },
  { query: 'iam_users', title: 'IAM users', columns: ['user_name', 'created', 'password_last_used'] },
  { query: 'iam_roles', title: 'IAM roles', columns: ['role_name', 'created'] },
] as const;

/** What one account holds. */
export interface AccountInventory {
  readonly account: { readonly id: string; readonly name: string | null; readonly status: string | null };
  /** Resources by node label, most numerous first. */
  readonly counts: readonly { readonly label: string; readonly count: number }[];
  /** Rows of each listed catalogue query, by query name. */
  readonly lists: Readonly<Record<(typeof LISTS)[number]['query'], readonly Row[]>>;
}

export interface InventoryOptions {
  readonly client: SkygraphClient;
  /** The account's id or name. */
  readonly account: string;
  /** Where the inventory goes (default: nowhere, just return it). */
  readonly out?: Writable;
}

/** Builds the inventory of one account; an unknown account is an error that lists the known ones. */
export async function main(options: InventoryOptions): Promise<AccountInventory> {
  const { client } = options;
  const [found] = await graph
    .match('a', 'AWSAccount')
    .where((eb) => eb.or([eb('a.id', '=', options.account), eb('a.name', '=', options.account)]))
    .return('a.id', 'a.name', 'a.status')
    .run(client);
  if (!found) {
    const known = await graph.match('a', 'AWSAccount').return('a.id', 'a.name').orderBy('name').run(client);
    throw new Error(
      `no AWS account "${options.account}" in the graph; accounts: ${known.map((a) => `${a.name ?? '?'} (${a.id})`).join(', ')}`,
    );
  }
  const counts = new Map<string, number>();
  for (const row of await client.read<{ labels: string[]; count: number }>(COUNT_CYPHER, {
    account: found.id,
  })) {
    const label = row.labels.find((l) => AWS_LABELS.has(l)) ?? row.labels[0] ?? '?';
    counts.set(label, (counts.get(label) ?? 0) + row.count);
  }
  // The catalogue's scope filter: a parameter matched against the account, never spliced into the Cypher.
  const scope = { account: found.id };
  const lists = {} as Record<(typeof LISTS)[number]['query'], Row[]>;
  for (const list of LISTS) lists[list.query] = (await client.runQuery(list.query, { scope })).rows;

  const inventory: AccountInventory = {
    account: { id: found.id, name: found.name ?? null, status: found.status ?? null },
    counts: [...counts]
      .map(([label, count]) => ({ label, count }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    lists,
  };
  if (options.out) {
    const out = options.out;
    const total = inventory.counts.reduce((sum, c) => sum + c.count, 0);
    out.write(
      `Account ${inventory.account.name ?? '?'} (${inventory.account.id}), ${inventory.account.status ?? 'status unknown'}: ${total} resources\n\n`,
    );
    out.write(textTable(inventory.counts, ['label', 'count']));
    for (const list of LISTS) {
      out.write(`\n${list.title} (${lists[list.query].length})\n`);
      out.write(textTable(lists[list.query], list.columns));
    }
  }
  return inventory;
}

if (isDirectRun(import.meta.url)) {
  await runCli(async () => {
    const args = parseExampleArgs(
      'Usage: node --import tsx examples/inventory-one-account.ts [--demo | --store <uri>] --account <id|name>',
      { account: { type: 'string' } },
    );
    const opened = await openExampleGraph(args);
    try {
      // Without --account, the first account of the graph: handy on the demo estate.
      const account =
        args.account ??
        (await graph.match('a', 'AWSAccount').return('a.name').orderBy('name').limit(1).run(opened.client))[0]
          ?.name;
      if (!account) throw new Error('the graph has no AWS account; pass --account or sync one first');
      await main({ client: opened.client, account, out: process.stdout });
    } finally {
      await opened.close();
    }
  });
}
