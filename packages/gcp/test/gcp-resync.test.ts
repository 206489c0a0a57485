import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GcpEmulator, GcpProject } from '../src/emulator/index.ts';
import { column, count, startSmallEmulator, syncGcp } from './gcp-test-support.ts';

describe('GCP re-sync', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  let project: GcpProject;
  beforeEach(async () => {
    store = await openTestStore();
    gcp = await startSmallEmulator();
    const first = gcp.estate.projects[0];
    if (!first) throw new Error('estate without projects');
    project = first;
  });
  afterEach(async () => {
    await gcp.close();
    await store.close();
  });

  const snapshot = async () =>
    column<string>(
      store,
      `MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'GCP' OR l = 'GKECluster') RETURN n.id ORDER BY n.id`,
    );

  it('removes exactly what vanished and adds what appeared', async () => {
    await syncGcp(store, gcp, 100);
    const before = await snapshot();
    const pid = project.projectId;
    const web = project.instances.find((i) => i.name.startsWith('web'));
    const template = project.instances.find((i) => i.name.startsWith('bastion'));
    if (!web || !template) throw new Error('estate without web or bastion instances');
    project.instances = project.instances.filter((i) => i !== web);
    project.instances.push({ ...template, id: '9999', name: 'bastion-new' });
    const publicAssets = project.buckets.find((b) => b.name.endsWith('-public-assets'));
    project.buckets = project.buckets.filter((b) => b !== publicAssets);
    project.firewalls = project.firewalls.filter((f) => f.name !== 'allow-rdp-from-anywhere');
    const folder = gcp.estate.folders.at(-1);
    if (!folder) throw new Error('no folder');
    const moved = gcp.estate.projects.filter((p) => p.parent === `folders/${folder.id}`);
    for (const p of moved) p.parent = folder.parent;
    gcp.estate.folders = gcp.estate.folders.filter((f) => f !== folder);

    const result = await syncGcp(store, gcp, 200);
    expect(result.errors).toEqual([]);
    const after = await snapshot();

    const webId = `projects/${pid}/zones/${web.zone}/instances/${web.name}`;
    const newId = `projects/${pid}/zones/${template.zone}/instances/bastion-new`;
    const rdpFw = `projects/${pid}/global/firewalls/allow-rdp-from-anywhere`;
    const bucket = `${pid}-public-assets`;
    const gone = before.filter((id) => !after.includes(id));
    // The network tags stay: other instances (rdp) and firewalls (http-server) still use them.
    expect(gone.sort()).toEqual(
      [
        webId,
        `${webId}/networkinterfaces/nic0`,
        rdpFw,
        `${rdpFw}/allow/3389tcp`,
        bucket,
        // Cartography's GCPLabel id: bucket, key and value.
        ...Object.entries(publicAssets?.labels ?? {}).map(([key, value]) => `${bucket}:${key}:${value}`),
        `folders/${folder.id}`,
      ].sort(),
    );
    const added = after.filter((id) => !before.includes(id));
    expect(added.sort()).toEqual(
      [
        newId,
        `${newId}/networkinterfaces/nic0`,
        `${newId}/networkinterfaces/nic0/accessconfigs/ONE_TO_ONE_NAT`,
      ].sort(),
    );
    // Moved projects now hang off the folder's parent.
    for (const p of moved) {
      expect(
        await column(store, 'MATCH (:GCPProject {id: $id})-[:PARENT]->(parent) RETURN parent.id', {
          id: p.projectId,
        }),
      ).toEqual([folder.parent]);
    }
    // Nothing stale is left behind anywhere.
    expect(
      await count(
        store,
        `MATCH (n) WHERE any(l IN labels(n) WHERE l STARTS WITH 'GCP' OR l = 'GKECluster') AND n.lastupdated <> 200 RETURN count(n)`,
      ),
    ).toBe(0);
    expect(
      await count(
        store,
        'MATCH ()-[r]->() WHERE r.lastupdated IS NOT NULL AND r.lastupdated <> 200 RETURN count(r)',
      ),
    ).toBe(0);
  });

  it('a second identical sync changes nothing', async () => {
    await syncGcp(store, gcp, 100);
    const before = await snapshot();
    const relsBefore = await count(store, 'MATCH ()-[r]->() RETURN count(r)');
    const result = await syncGcp(store, gcp, 200);
    expect(result.counts.deleted).toBe(0);
    expect(await snapshot()).toEqual(before);
    expect(await count(store, 'MATCH ()-[r]->() RETURN count(r)')).toBe(relsBefore);
  });
});
