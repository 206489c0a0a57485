import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { type DemoEstate, startDemoEstate } from '@skygraph/sdk';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CmdbApiError,
  type CmdbClient,
  CmdbTeam,
  createInMemoryCmdb,
  main,
  SAMPLE_TEAMS,
  type TeamRecord,
  teamRows,
} from '../custom-collector.ts';
import { captureOutput } from './capture-output.ts';

describe('custom-collector example', () => {
  let store: GraphStore;
  let demo: DemoEstate;
  beforeAll(async () => {
    store = await openTestStore();
    demo = await startDemoEstate();
  });
  afterAll(async () => {
    await store?.close();
    await demo?.stop();
  });

  const bastionOf = (accountName: string) => {
    const account = demo.aws?.estate.accounts.find((a) => a.name === accountName);
    return Object.values(account?.regions ?? {})
      .flatMap((region) => region.instances)
      .find((i) => i.tags.some((t) => t.key === 'Name' && t.value === 'bastion-ssh-open'))?.instanceId;
  };

  it('syncs the directory next to the clouds and answers which team owns each exposed asset', async () => {
    const out = captureOutput();
    const { result, exposure } = await main({ store, providers: demo.providers(), out: out.stream });
    expect(result.status).toBe('success');
    const cmdb = result.scopes.find((s) => s.provider === 'cmdb');
    // Four teams, two per page: two requests, each through ctx.call.
    expect(cmdb).toMatchObject({ status: 'success', nodes: SAMPLE_TEAMS.length, requests: 2 });

    const bastion = bastionOf('acme-management');
    expect(bastion).toBeDefined();
    expect(exposure).toContainEqual({
      team: 'Platform',
      channel: '#platform-oncall',
      owner: 'acme-management',
      asset: bastion,
      kind: 'EC2 instance',
    });
    const payments = demo.gcp?.estate.projects.find((p) => p.displayName === 'Payments prod')?.projectId;
    expect(exposure).toContainEqual(
      expect.objectContaining({
        team: 'Payments',
        owner: payments,
        kind: 'GKE cluster',
        asset: 'legacy-cluster-0',
      }),
    );
    expect(out.text()).toContain('the directory loaded 4 teams in 2 requests');
    expect(out.text()).toContain(String(bastion));

    const leads = await store.read(
      'MATCH (u:GSuiteUser)-[:LEADS]->(t:CmdbTeam) RETURN u.email AS lead, t.name AS team',
    );
    expect(leads).toEqual([{ lead: 'alice.anderson@example.com', team: 'Platform' }]);
  });

  it('deletes a team that left the directory, and its ownership, at the next sync', async () => {
    const remaining = SAMPLE_TEAMS.filter((t) => t.slug !== 'security');
    const { result, exposure } = await main({
      store,
      providers: demo.providers(),
      cmdb: createInMemoryCmdb(remaining),
    });
    expect(result.status).toBe('success');
    expect(exposure.some((e) => e.team === 'Security')).toBe(false);
    const teams = await store.read<{ id: string }>('MATCH (t:CmdbTeam) RETURN t.id AS id ORDER BY id');
    expect(teams.map((t) => t.id)).toEqual(remaining.map((t) => t.slug).sort());
    const owns = await store.read(
      'MATCH (t:CmdbTeam)-[:OWNS]->(a:AWSAccount) RETURN a.name AS account ORDER BY account',
    );
    expect(owns).toEqual([{ account: 'acme-log-archive' }, { account: 'acme-management' }]);
  });

  it('retries a throttled directory API and keeps the old teams when it fails for good', async () => {
    let calls = 0;
    const flaky: CmdbClient = {
      async listTeams(pageToken) {
        calls += 1;
        if (calls === 1) throw new CmdbApiError(429, 'slow down');
        return createInMemoryCmdb(SAMPLE_TEAMS).listTeams(pageToken);
      },
    };
    const retried = await main({ store, providers: [], cmdb: flaky });
    expect(retried.result.scopes[0]).toMatchObject({ provider: 'cmdb', status: 'success', retries: 1 });

    const broken: CmdbClient = {
      listTeams: async () => {
        throw new CmdbApiError(403, 'no access to the directory');
      },
    };
    const failed = await main({ store, providers: [], cmdb: broken });
    expect(failed.result.status).toBe('failed');
    expect(failed.result.errors[0]?.message).toContain('no access to the directory');
    // The failed scope keeps its previous data: teams and what they own.
    const teams = await store.read('MATCH (t:CmdbTeam) RETURN count(t) AS n');
    expect(teams).toEqual([{ n: SAMPLE_TEAMS.length }]);
    expect(failed.exposure.length).toBe(retried.exposure.length);
  });

  it('transforms a recorded API page into typed rows (a pure function)', () => {
    const page: { teams: TeamRecord[] } = {
      teams: [
        {
          slug: 'sre',
          displayName: 'SRE',
          owns: { aws: ['123456789012'] },
          lead: 'Bob.Brown@Example.com',
        },
      ],
    };
    expect(teamRows(page)).toEqual([
      {
        schema: CmdbTeam,
        rows: [
          {
            id: 'sre',
            name: 'SRE',
            slack_channel: null,
            aws_accounts: ['123456789012'],
            gcp_projects: [],
            lead_email: 'bob.brown@example.com',
          },
        ],
      },
    ]);
  });
});
