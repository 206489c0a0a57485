import { defineQuery } from '../catalogue/define-query.ts';
import { runCatalogueQuery } from '../catalogue/run-query.ts';
import type { ScopeFilter } from '../catalogue/scope-kinds.ts';
import type { Queryable } from '../query/compiled-query.ts';
import type { Count } from './report-types.ts';

/**
 * What each provider owns, counted in the store: resources hang off the
 * scope node by RESOURCE, so one query per provider counts them by owner,
 * region and labels.
 */
const RESOURCE_COUNTS = {
  aws: defineQuery({
    name: 'summary_aws_resources',
    provider: 'aws',
    group: 'summary',
    tags: ['aws', 'summary'],
    description: 'AWS resources by account, region and type',
    scope: { kind: 'account', variable: 'a' },
    cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(n)
RETURN coalesce(a.name, a.id) AS owner, coalesce(n.region, 'global') AS region, labels(n) AS labels, count(n) AS resources`,
    columns: { owner: 'string', region: 'string', labels: 'string[]', resources: 'number' },
  }),
  gcp: defineQuery({
    name: 'summary_gcp_resources',
    provider: 'gcp',
    group: 'summary',
    tags: ['gcp', 'summary'],
    description: 'GCP resources by project, region and type',
    scope: { kind: 'project', variable: 'p' },
    cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(n)
RETURN p.id AS owner, coalesce(n.region, n.zone_name, n.zone, n.location, 'global') AS region, labels(n) AS labels, count(n) AS resources`,
    columns: { owner: 'string', region: 'string', labels: 'string[]', resources: 'number' },
  }),
  gsuite: defineQuery({
    name: 'summary_gsuite_resources',
    provider: 'gsuite',
    group: 'summary',
    tags: ['gsuite', 'summary'],
    description: 'Workspace users and groups by customer',
    scope: { kind: 'customer', variable: 'c' },
    cypher: `MATCH (c:GSuiteTenant)-[:RESOURCE]->(n)
RETURN c.id AS owner, 'global' AS region, labels(n) AS labels, count(n) AS resources`,
    columns: { owner: 'string', region: 'string', labels: 'string[]', resources: 'number' },
  }),
} as const;

export interface ResourceCounts {
  readonly total: number;
  readonly byAccount: readonly Count[];
  readonly byRegion: readonly Count[];
  readonly byType: readonly Count[];
}

/**
 * Counts the resources of the given providers (narrowed to the scope).
 * `primaryLabels` names the schemas' own labels, so a node with extra labels
 * counts once, under its schema's label.
 */
export async function countResources(
  target: Queryable,
  options: { providers: readonly string[]; scope?: ScopeFilter; primaryLabels: ReadonlySet<string> },
): Promise<ResourceCounts> {
  const byAccount = new Map<string, number>();
  const byRegion = new Map<string, number>();
  const byType = new Map<string, number>();
  let total = 0;
  for (const provider of options.providers) {
    const query = RESOURCE_COUNTS[provider as keyof typeof RESOURCE_COUNTS];
    if (!query) continue;
    const result = await runCatalogueQuery(target, query, options.scope ? { scope: options.scope } : {});
    for (const row of result.rows) {
      const type = row.labels.find((l) => options.primaryLabels.has(l)) ?? row.labels[0] ?? 'unknown';
      add(byAccount, row.owner, row.resources);
      add(byRegion, row.region, row.resources);
      add(byType, type, row.resources);
      total += row.resources;
    }
  }
  return { total, byAccount: sorted(byAccount), byRegion: sorted(byRegion), byType: sorted(byType) };
}

function add(map: Map<string, number>, key: string, count: number): void {
  map.set(key, (map.get(key) ?? 0) + count);
}

function sorted(map: Map<string, number>): Count[] {
  return [...map]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || a.key.localeCompare(b.key));
}
