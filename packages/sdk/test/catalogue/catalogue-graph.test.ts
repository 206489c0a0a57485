import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogue, type CatalogueQuery, checkColumns } from '../../src/catalogue/index.ts';
import { buildEstateGraph, type EstateGraph, type TestEstates } from '../fixtures/estate-graph.ts';

/**
 * Every catalogue query against a graph synced from the emulators: it runs,
 * its rows have exactly the declared columns and types, and each finding
 * returns the misconfigurations the emulators seed (and not their safe twins).
 */
let graph: EstateGraph;
beforeAll(async () => {
  graph = await buildEstateGraph();
});
afterAll(async () => {
  await graph?.close();
});

const column = (rows: Record<string, unknown>[], name: string) => rows.map((r) => String(r[name]));

type Expectation = { column: string; includes: (RegExp | string)[]; excludes?: (RegExp | string)[] };

/**
 * What each finding must (and must not) report: the seeded resource names,
 * or, where names are generated, the ground truth of the emulator's estate.
 */
function seeded(estates: TestEstates): Record<string, Expectation> {
  const users = estates.workspace.users;
  const active = users.filter((u) => !u.suspended && !u.archived);
  const emails = (list: typeof users) => list.map((u) => u.primaryEmail);
  const admin = (u: (typeof users)[number]) => u.isAdmin || u.isDelegatedAdmin;
  return {
    gcp_instances_public: {
      column: 'instance_name',
      includes: [/^bastion-/, /^rdp-jump-/],
      excludes: [/^rdp-quarantined-/, /^web-/],
    },
    gcp_firewall_open_to_world: {
      column: 'firewall',
      includes: ['allow-ssh-from-anywhere', 'allow-rdp-from-anywhere', 'prod-allow-http'],
      excludes: ['allow-ssh-legacy', 'default-allow-internal', 'deny-rdp-quarantine'],
    },
    gke_public_endpoint: {
      column: 'cluster',
      includes: [/^legacy-cluster-/, /^dev-cluster-/],
      excludes: [/^prod-cluster-/],
    },
    gke_basic_auth: {
      column: 'cluster',
      includes: [/^legacy-cluster-/],
      excludes: [/^prod-cluster-/, /^dev-cluster-/],
    },
    gke_no_logging: { column: 'cluster', includes: [/^legacy-cluster-/], excludes: [/^prod-cluster-/] },
    gke_no_shielded_nodes: {
      column: 'cluster',
      includes: [/^legacy-cluster-/],
      excludes: [/^prod-cluster-/],
    },
    gke_legacy_abac: {
      column: 'cluster',
      includes: [/^legacy-cluster-/],
      excludes: [/^prod-cluster-/, /^dev-cluster-/],
    },
    gcp_bucket_public: {
      column: 'bucket',
      includes: [/-public-assets$/, /-legacy-uploads$/],
      excludes: [/-backups$/],
    },
    gcp_bucket_no_uniform_access: {
      column: 'bucket',
      includes: [/-legacy-uploads$/],
      excludes: [/-backups$/, /-public-assets$/],
    },
    gcp_instance_default_sa_full_access: {
      column: 'instance_name',
      includes: [/^bastion-/],
      excludes: [/^web-/],
    },
    gcp_subnet_no_flow_logs: { column: 'vpc_name', includes: ['default'] },
    gsuite_admins_without_2sv: {
      column: 'email',
      includes: emails(active.filter((u) => admin(u) && !u.isEnrolledIn2Sv)),
      excludes: emails(users.filter((u) => !admin(u) || u.isEnrolledIn2Sv)),
    },
    gsuite_users_without_2sv: {
      column: 'email',
      includes: emails(active.filter((u) => !u.isEnrolledIn2Sv)),
      excludes: emails(users.filter((u) => u.isEnrolledIn2Sv || u.suspended || u.archived)),
    },
    gsuite_suspended_users_in_groups: {
      column: 'email',
      includes: emails(users.filter((u) => u.suspended)).slice(0, 1),
      excludes: emails(users.filter((u) => !u.suspended)),
    },
    gsuite_users_inactive: {
      column: 'email',
      includes: emails(active.filter((u) => u.lastLoginTime === null)),
      excludes: emails(users.filter((u) => u.suspended || u.archived)),
    },
  };
}

describe('the built-in catalogue on a synced estate', () => {
  const inGraph = (q: CatalogueQuery) => graph.providers.includes(q.provider);

  it('runs every query; rows have exactly the declared columns and types', async () => {
    const empty: string[] = [];
    for (const query of builtinCatalogue.queries) {
      const result = await graph.client.runQuery(query);
      expect(checkColumns(query, result.rows), query.name).toEqual([]);
      if (inGraph(query) && result.rows.length === 0 && query.severity === null) empty.push(query.name);
    }
    // Inventory queries of a synced provider always have something to list.
    expect(empty).toEqual([]);
  });

  it('reports the seeded misconfigurations, and not their safe twins', async () => {
    for (const [name, expected] of Object.entries(seeded(graph.estates))) {
      const query = builtinCatalogue.get(name);
      if (!inGraph(query)) continue;
      const values = column((await graph.client.runQuery(query)).rows, expected.column);
      const matches = (pattern: RegExp | string) => (v: string) =>
        typeof pattern === 'string' ? v === pattern : pattern.test(v);
      expect(expected.includes.length, `${name} has something seeded to find`).toBeGreaterThan(0);
      for (const pattern of expected.includes) {
        expect(values.some(matches(pattern)), `${name} reports ${pattern}: ${values.join(', ')}`).toBe(true);
      }
      for (const pattern of expected.excludes ?? []) {
        expect(values.filter(matches(pattern)), `${name} does not report ${pattern}`).toEqual([]);
      }
    }
  });

  it('has a seeded expectation for every finding of a synced provider', () => {
    const findings = builtinCatalogue.select({ findings: true }).filter(inGraph);
    const expectations = seeded(graph.estates);
    const uncovered = findings.map((q) => q.name).filter((name) => !(name in expectations));
    expect(uncovered).toEqual([]);
  });

  it('narrows to one project by id or number, as a parameter', async () => {
    const projects = (await graph.client.runQuery('gcp_projects')).rows;
    const [first] = projects;
    if (!first) throw new Error('no project synced');
    const byId = await graph.client.runQuery('gcp_instances', {
      scope: { project: String(first.project_id) },
    });
    expect(byId.rows.length).toBeGreaterThan(0);
    expect(new Set(column(byId.rows, 'project_id'))).toEqual(new Set([first.project_id]));
    const byNumber = await graph.client.runQuery('gcp_instances', {
      scope: { project: String(first.project_number) },
    });
    expect(byNumber.rows).toEqual(byId.rows);
    // An AWS-only query does not apply to a project: skipped, with the reason.
    const skipped = await graph.client.runQuery('ec2_instances', {
      scope: { project: String(first.project_id) },
    });
    expect(skipped.skipped).toBe('it is about AWS accounts, not GCP projects');
  });

  it('treats a hostile scope value as a value: nothing matches, nothing breaks', async () => {
    for (const hostile of [
      'x" OR 1=1 OR a.name="',
      "x' OR 1=1 OR p.id='",
      'x}) MATCH (n) DETACH DELETE n //',
    ]) {
      for (const name of ['gcp_instances', 'gcp_projects', 'gcp_bucket_public']) {
        const result = await graph.client.runQuery(name, { scope: { project: hostile } });
        expect(result.rows, `${name} with ${hostile}`).toEqual([]);
      }
    }
    // And the graph is intact.
    expect((await graph.client.runQuery('gcp_projects')).rows.length).toBeGreaterThan(0);
  });

  it('parameters change results; wrong parameters are named', async () => {
    const all = await graph.client.runQuery('gcp_firewall_allow');
    expect(all.rows.length).toBeGreaterThan(0);
    await expect(graph.client.runQuery('gcp_firewall_allow', { params: { days: 3 } })).rejects.toThrow(
      'query "gcp_firewall_allow" has no parameter "days"',
    );
  });
});
