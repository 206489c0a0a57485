import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../internet-exposed.ts';
import type { DemoGraph } from '../lib/demo-graph.ts';
import { captureOutput } from './capture-output.ts';
import { openTestDemoGraph } from './demo-fixture.ts';

describe('internet-exposed example', () => {
  let graph: DemoGraph;
  beforeAll(async () => {
    graph = await openTestDemoGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  /** The instances the demo estate seeds as `Name=bastion-ssh-open` and the sync loaded. */
  async function seededBastions(): Promise<string[]> {
    const seeded = (graph.demo.aws?.estate.accounts ?? []).flatMap((account) =>
      Object.values(account.regions).flatMap((region) =>
        region.instances
          .filter((i) => i.tags.some((t) => t.key === 'Name' && t.value === 'bastion-ssh-open'))
          .map((i) => i.instanceId),
      ),
    );
    const loaded = await graph.store.read<{ id: string }>(
      'MATCH (i:EC2Instance) WHERE i.id IN $ids RETURN i.id AS id',
      {
        ids: seeded,
      },
    );
    return loaded.map((r) => r.id).sort();
  }

  it('lists the seeded bastion-ssh-open instances with SSH open to the world, in the printed table too', async () => {
    const out = captureOutput();
    const assets = await main({ client: graph.client, out: out.stream });
    const bastions = await seededBastions();
    expect(bastions.length).toBeGreaterThan(0);
    for (const id of bastions) {
      const listed = assets.find((a) => a.asset === id);
      expect(listed, `bastion ${id} is listed`).toMatchObject({ cloud: 'aws', kind: 'EC2 instance' });
      expect(listed?.how).toContain('tcp/22 open to the world in open-ssh-world');
      expect(out.text()).toContain(id);
    }
    expect(out.text()).toMatch(/^\d+ internet-exposed assets: \d+ EC2 instance/);
  });

  it('lists the public GKE control planes, exposed GCE instances and public buckets of GCP', async () => {
    const assets = await main({ client: graph.client });
    const estate = graph.demo.gcp?.estate;
    // The seeded public clusters: no private endpoint, no authorised networks, in a project the sync can read.
    const publicClusters = (estate?.projects ?? [])
      .filter(
        (p) =>
          p.state === 'ACTIVE' &&
          !p.permissionDenied &&
          p.enabledServices.includes('container.googleapis.com'),
      )
      .flatMap((p) =>
        p.clusters
          .filter((c) => !c.privateCluster && !c.masterAuthorizedNetworks.enabled)
          .map((c) => `${p.projectId} ${c.name} (${c.location})`),
      );
    expect(publicClusters.length).toBeGreaterThan(0);
    const gke = assets.filter((a) => a.kind === 'GKE cluster').map((a) => `${a.where} ${a.asset}`);
    expect(gke).toEqual(expect.arrayContaining(publicClusters));
    expect(gke.some((g) => g.includes('legacy-cluster-0'))).toBe(true);

    expect(assets.filter((a) => a.kind === 'GCE instance').map((a) => a.asset)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^bastion-0 /)]),
    );
    const gcs = assets.filter((a) => a.kind === 'GCS bucket');
    expect(gcs.some((b) => b.how.startsWith('allUsers'))).toBe(true);
  });

  it('covers the AWS load balancers, public databases and anonymous buckets the estate seeds', async () => {
    const assets = await main({ client: graph.client });
    const names = (kind: string) => new Set(assets.filter((a) => a.kind === kind).map((a) => a.asset));
    expect([...names('load balancer')]).toEqual(expect.arrayContaining(['public-web-elb', 'public-web-alb']));
    expect([...names('RDS instance')]).toEqual(['public-unencrypted-db']);
    expect([...names('S3 bucket')].some((b) => b.includes('-public-acl-'))).toBe(true);
    expect(assets.find((a) => a.kind === 'RDS instance')?.how).toMatch(/^publicly accessible, unencrypted: /);
  });

  it('narrowed to one account, lists only that account and skips the GCP queries', async () => {
    const assets = await main({ client: graph.client, scope: { account: 'acme-security' } });
    expect(assets.length).toBeGreaterThan(0);
    expect(new Set(assets.map((a) => a.cloud))).toEqual(new Set(['aws']));
    expect(assets.every((a) => a.where.startsWith('acme-security'))).toBe(true);
  });
});
