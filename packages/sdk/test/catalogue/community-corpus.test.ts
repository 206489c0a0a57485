import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importCommunityQueries } from '../../src/catalogue/index.ts';
import { buildEstateGraph, type EstateGraph } from '../fixtures/estate-graph.ts';

/**
 * The community query corpus (a representative queries.json of Cartography
 * users' saved queries, written against Cartography's labels old and new) run
 * unchanged on a graph skygraph synced from the demo estate, on each store.
 */
const corpus = readFileSync(new URL('../fixtures/community-queries.json', import.meta.url), 'utf8');
const { queries } = importCommunityQueries(corpus);

/**
 * Entries that find nothing on the demo estate, and why. Anything else must
 * return rows: the demo estate seeds every type these queries ask about.
 */
const EMPTY: Record<string, string> = {
  roles_by_account: 'AWS_ROLE edges from accounts: Cartography removed them, roles hang off RESOURCE',
  roles_trusted_principals: 'AWS_ROLE edges from accounts: Cartography removed them, roles hang off RESOURCE',
  vpc_peers: 'AWSCidrBlock nodes: not collected (CIDR blocks are VPC properties)',
  k8s_namespaces: 'Kubernetes: not collected',
  k8s_privileged_pods: 'Kubernetes: not collected',
  instances_stale: "the demo's instances were launched after the default cutoff (September 2020)",
  projects_without_resources: 'every demo project holds resources',
  projects_in_folders:
    "(GCPFolder)-[:RESOURCE]->(GCPProject): Cartography's current model has the project point at its folder with PARENT",
};

let graph: EstateGraph;
beforeAll(async () => {
  graph = await buildEstateGraph();
}, 300_000);
afterAll(async () => {
  await graph?.close();
});

describe('the community queries.json on a skygraph graph', () => {
  it('imports the whole corpus', () => {
    expect(queries.length).toBeGreaterThan(40);
  });

  for (const query of queries) {
    it(`${query.name} runs unchanged${query.name in EMPTY ? ' (nothing to find on the demo estate)' : ' and finds rows'}`, async () => {
      const result = await graph.client.runQuery(query);
      if (query.name in EMPTY) expect(result.rows).toEqual([]);
      else expect(result.rows.length).toBeGreaterThan(0);
    });
  }
});
