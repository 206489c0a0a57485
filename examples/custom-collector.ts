/**
 * Extending the graph with your own data: a team directory (the CMDB most
 * organisations keep somewhere) synced next to the clouds, so "which team
 * owns this exposed instance?" becomes one query.
 *
 * The pieces are the ones the built-in providers use:
 * 1. a node schema (`defineNode`): label, key, typed properties, and the
 *    scope relationship that lets stale nodes be cleaned up;
 * 2. a collector (`defineCollector`): `fetch` streams API pages through
 *    `ctx.call` (retries, request counts), `transform` is a pure function
 *    from one page to typed rows (`load`), the engine writes them;
 * 3. a `Provider`: how to find the scopes (here one directory), how to
 *    classify API errors, and an analysis job that links the teams to the
 *    accounts, projects and people other providers loaded;
 * 4. core's `sync` with the demo providers and this one.
 *
 *   node --import tsx examples/custom-collector.ts            # demo estate + the sample directory
 *   node --import tsx examples/custom-collector.ts --store /tmp/graph.grafeo
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import {
  type AnyLoad,
  defineCollector,
  defineNode,
  type GraphStore,
  load,
  type NodeRow,
  openStore,
  type Provider,
  refOf,
  type Scope,
  type SyncResult,
  sync,
} from '@skygraph/core';
import { createClient, startDemoEstate } from '@skygraph/sdk';
import { isDirectRun, neo4jLogin, runCli } from './lib/example-cli.ts';
import { textTable } from './lib/text-table.ts';

// 1. Schemas ---------------------------------------------------------------

/** The directory itself: the scope owner every team hangs off. */
export const CmdbDirectory = defineNode({
  label: 'CmdbDirectory',
  key: 'id',
  properties: { id: 'string', name: 'string?' },
  description: 'A team directory (CMDB) synced into the graph.',
});

/**
 * A team. `(:CmdbDirectory)-[:RESOURCE]->(:CmdbTeam)` is its scope
 * relationship: a team that disappears from the directory is deleted at the
 * next complete sync. The accounts, projects and lead are kept as
 * properties; the analysis job turns them into relationships.
 */
export const CmdbTeam = defineNode({
  label: 'CmdbTeam',
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    slack_channel: 'string?',
    /** AWS account names or ids the team owns. */
    aws_accounts: 'string[]',
    /** GCP project ids or display names the team owns. */
    gcp_projects: 'string[]',
    lead_email: 'string?',
  },
  scope: { owner: refOf(CmdbDirectory), rel: 'RESOURCE' },
  description: 'A team of the directory, with what it owns.',
});

// 2. The API and the collector ---------------------------------------------

/** A team as the directory's API returns it. */
export interface TeamRecord {
  readonly slug: string;
  readonly displayName: string;
  readonly slackChannel?: string;
  readonly owns: { readonly aws?: readonly string[]; readonly gcp?: readonly string[] };
  readonly lead?: string;
}

/** One page of `GET /teams`. */
export interface TeamsPage {
  readonly teams: readonly TeamRecord[];
  readonly nextPageToken?: string;
}

/** The directory's API: a paged list of teams. Swap in an HTTP client for a real CMDB. */
export interface CmdbClient {
  listTeams(pageToken?: string): Promise<TeamsPage>;
}

/** An in-memory directory that pages like an API (the sample data, and tests). */
export function createInMemoryCmdb(teams: readonly TeamRecord[], pageSize = 2): CmdbClient {
  return {
    async listTeams(pageToken) {
      const start = pageToken ? Number(pageToken) : 0;
      const end = start + pageSize;
      return {
        teams: teams.slice(start, end),
        ...(end < teams.length ? { nextPageToken: String(end) } : {}),
      };
    },
  };
}

/** Pure: one page of the API to rows of the schema (unit-testable on a recorded page). */
export function teamRows(page: TeamsPage): AnyLoad[] {
  const rows: NodeRow<typeof CmdbTeam>[] = page.teams.map((team) => ({
    id: team.slug,
    name: team.displayName,
    slack_channel: team.slackChannel ?? null,
    aws_accounts: [...(team.owns.aws ?? [])],
    gcp_projects: [...(team.owns.gcp ?? [])],
    lead_email: team.lead?.toLowerCase() ?? null,
  }));
  return [load(CmdbTeam, rows)];
}

interface CmdbContext {
  readonly client: CmdbClient;
}

const teamsCollector = defineCollector<CmdbContext, TeamsPage>({
  name: 'cmdb-teams',
  schemas: [CmdbTeam],
  async *fetch(ctx) {
    let pageToken: string | undefined;
    do {
      // Every request goes through ctx.call: retried on throttling, counted in the sync's report.
      const page = await ctx.call('cmdb:ListTeams', () => ctx.context.client.listTeams(pageToken));
      yield page;
      pageToken = page.nextPageToken;
    } while (pageToken);
  },
  transform: (page) => teamRows(page),
});

// 3. The provider -----------------------------------------------------------

/**
 * Cross-provider links are written after every provider has loaded: the
 * providers' scopes run concurrently, so a relationship to an AWS account
 * written while collecting teams could miss an account not loaded yet.
 */
const LINK_TEAMS = {
  name: 'cmdb_team_ownership',
  description: 'Links teams to the AWS accounts and GCP projects they own, and to their lead in Workspace',
  statements: [
    `MATCH (t:CmdbTeam) WHERE t.lastupdated = $updateTag
UNWIND t.aws_accounts AS owned
MATCH (a:AWSAccount) WHERE a.name = owned OR a.id = owned
MERGE (t)-[r:OWNS]->(a) SET r.lastupdated = $updateTag`,
    `MATCH (t:CmdbTeam) WHERE t.lastupdated = $updateTag
UNWIND t.gcp_projects AS owned
MATCH (p:GCPProject) WHERE p.id = owned OR p.displayname = owned
MERGE (t)-[r:OWNS]->(p) SET r.lastupdated = $updateTag`,
    `MATCH (t:CmdbTeam) WHERE t.lastupdated = $updateTag AND t.lead_email IS NOT NULL
MATCH (u:GSuiteUser) WHERE u.email = t.lead_email
MERGE (u)-[r:LEADS]->(t) SET r.lastupdated = $updateTag`,
    // Ownership that left the directory goes away; a team this run did not refresh (its
    // scope failed) keeps what it had, as the engine keeps a failed scope's nodes.
    'MATCH (t:CmdbTeam)-[r:OWNS]->() WHERE t.lastupdated = $updateTag AND r.lastupdated <> $updateTag DELETE r',
    'MATCH ()-[r:LEADS]->(t:CmdbTeam) WHERE t.lastupdated = $updateTag AND r.lastupdated <> $updateTag DELETE r',
  ],
};

/** Rejected by the directory's API; `status` 429 means slow down. */
export class CmdbApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'CmdbApiError';
  }
}

/** A provider for one team directory. */
export function createCmdbProvider(options: { client: CmdbClient; directory: string }): Provider {
  return {
    name: 'cmdb',
    schemas: [CmdbDirectory, CmdbTeam],
    classifyError: (error) =>
      error instanceof CmdbApiError
        ? error.status === 429
          ? 'throttled'
          : error.status >= 500
            ? 'transient'
            : error.status === 403
              ? 'denied'
              : 'invalid'
        : 'unknown',
    async *plan() {
      const scope: Scope<CmdbContext> = {
        id: `cmdb/${options.directory}`,
        provider: 'cmdb',
        owner: { label: CmdbDirectory.label, key: CmdbDirectory.key, value: options.directory },
        labels: { directory: options.directory },
        collectors: [teamsCollector],
        context: { client: options.client },
      };
      yield scope as Scope<unknown>;
    },
    analysis: [LINK_TEAMS],
  };
}

/** The sample directory, written against the demo estate's accounts, projects and people. */
export const SAMPLE_TEAMS: readonly TeamRecord[] = [
  {
    slug: 'platform',
    displayName: 'Platform',
    slackChannel: '#platform-oncall',
    owns: { aws: ['acme-management', 'acme-log-archive'], gcp: ['Web prod'] },
    lead: 'alice.anderson@example.com',
  },
  {
    slug: 'security',
    displayName: 'Security',
    slackChannel: '#secops',
    owns: { aws: ['acme-security'], gcp: ['Identity prod'] },
  },
  { slug: 'payments', displayName: 'Payments', slackChannel: '#payments', owns: { gcp: ['Payments prod'] } },
  { slug: 'data', displayName: 'Data', owns: { gcp: ['Data prod', 'Search prod'] } },
];

// 4. The sync and the question it answers -------------------------------------

/** Exposed assets per owning team: what each team should look at first. */
export interface TeamExposure {
  readonly team: string;
  readonly channel: string | null;
  readonly owner: string;
  readonly asset: string;
  readonly kind: string;
}

const EXPOSURE_BY_TEAM = `MATCH (t:CmdbTeam)-[:OWNS]->(a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
WHERE i.exposed_internet = true
RETURN t.name AS team, t.slack_channel AS channel, a.name AS owner, i.instanceid AS asset, 'EC2 instance' AS kind
UNION ALL
MATCH (t:CmdbTeam)-[:OWNS]->(p:GCPProject)-[:RESOURCE]->(i:GCPInstance)
WHERE i.exposed_internet = true
RETURN t.name AS team, t.slack_channel AS channel, p.id AS owner, i.instancename AS asset, 'GCE instance' AS kind
UNION ALL
MATCH (t:CmdbTeam)-[:OWNS]->(p:GCPProject)-[:RESOURCE]->(c:GKECluster)
WHERE c.exposed_internet = true
RETURN t.name AS team, t.slack_channel AS channel, p.id AS owner, c.name AS asset, 'GKE cluster' AS kind`;

export interface CustomCollectorOptions {
  /** Where to sync (the caller opens and closes it). */
  readonly store: GraphStore;
  /** Providers synced next to the directory, e.g. the demo estate's. */
  readonly providers: readonly Provider[];
  /** The directory to sync (default: the sample teams). */
  readonly cmdb?: CmdbClient;
  readonly out?: Writable;
}

/** Syncs the providers and the directory together, then lists exposed assets by owning team. */
export async function main(
  options: CustomCollectorOptions,
): Promise<{ result: SyncResult; exposure: TeamExposure[] }> {
  const cmdb = createCmdbProvider({
    client: options.cmdb ?? createInMemoryCmdb(SAMPLE_TEAMS),
    directory: 'acme',
  });
  const result = await sync({ store: options.store, providers: [...options.providers, cmdb] });
  const client = createClient(options.store);
  const rows = await client.read<TeamExposure & Record<string, unknown>>(EXPOSURE_BY_TEAM);
  const exposure = rows.sort(
    (a, b) =>
      a.team.localeCompare(b.team) ||
      a.owner.localeCompare(b.owner) ||
      a.kind.localeCompare(b.kind) ||
      a.asset.localeCompare(b.asset),
  );
  if (options.out) {
    const teams = result.scopes.find((s) => s.provider === 'cmdb');
    options.out.write(
      `sync ${result.status}: ${result.counts.nodes} nodes; the directory loaded ${teams?.nodes ?? 0} teams in ${teams?.requests ?? 0} requests\n\n`,
    );
    options.out.write(`Internet-exposed assets by owning team (${exposure.length})\n`);
    options.out.write(textTable(exposure, ['team', 'channel', 'owner', 'kind', 'asset']));
  }
  return { result, exposure };
}

if (isDirectRun(import.meta.url)) {
  await runCli(async () => {
    const { values } = parseArgs({
      options: { store: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
    if (values.help) {
      process.stdout.write(
        'Usage: node --import tsx examples/custom-collector.ts [--store <embedded store path or bolt:// URI>]\n' +
          'Syncs the demo estate and the sample team directory (into a temporary store by default).\n',
      );
      return;
    }
    const storePath = values.store;
    const tempDir = storePath ? null : mkdtempSync(join(tmpdir(), 'skygraph-custom-'));
    const login = storePath && /^(bolt|neo4j)/.test(storePath) ? neo4jLogin() : null;
    const store = await openStore(
      storePath ?? join(tempDir as string, 'graph.grafeo'),
      login ? { neo4jUser: login.user, neo4jPasswordEnvVar: login.passwordEnv } : {},
    );
    const demo = await startDemoEstate();
    try {
      await main({ store, providers: demo.providers(), out: process.stdout });
    } finally {
      await store.close();
      await demo.stop();
      if (tempDir) rmSync(tempDir, { recursive: true, force: true });
    }
  });
}
