import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GcpEmulator } from '../src/emulator/index.ts';
import { column, count, startSmallEmulator, syncGcp } from './gcp-test-support.ts';

describe('GCP sync against the emulator', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  beforeEach(async () => {
    store = await openTestStore();
    gcp = await startSmallEmulator();
  });
  afterEach(async () => {
    await gcp.close();
    await store.close();
  });

  it('loads the organisation, folders and active projects with their PARENT edges', async () => {
    const result = await syncGcp(store, gcp, 100);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    const org = `organizations/${gcp.estate.organization.id}`;
    const active = gcp.estate.projects.filter((p) => p.state === 'ACTIVE');
    expect(result.scopes.map((s) => s.id).sort()).toEqual(
      [`gcp/${org}`, ...active.map((p) => `gcp/${p.projectId}`)].sort(),
    );
    expect(await column(store, 'MATCH (o:GCPOrganization:Tenant) RETURN o.displayname')).toEqual([
      'example.com',
    ]);
    expect(
      (await column(store, 'MATCH (:GCPOrganization)-[:RESOURCE]->(f:GCPFolder) RETURN f.id')).sort(),
    ).toEqual(gcp.estate.folders.map((f) => `folders/${f.id}`).sort());
    for (const folder of gcp.estate.folders) {
      expect(
        await count(store, 'MATCH (f:GCPFolder {id: $id})-[:PARENT]->(p {id: $parent}) RETURN count(p)', {
          id: `folders/${folder.id}`,
          parent: folder.parent,
        }),
      ).toBe(1);
    }
    const projects = await store.read(
      'MATCH (:GCPOrganization {id: $org})-[:RESOURCE]->(p:GCPProject)-[:PARENT]->(parent) RETURN p.id AS id, p.projectnumber AS number, p.displayname AS name, parent.id AS parent ORDER BY id',
      { org },
    );
    expect(projects).toEqual(
      active
        .map((p) => ({ id: p.projectId, number: p.projectNumber, name: p.displayName, parent: p.parent }))
        .sort((a, b) => a.id.localeCompare(b.id)),
    );
    // The project pending deletion is neither synced nor in the hierarchy.
    const deleted = gcp.estate.projects.find((p) => p.state !== 'ACTIVE');
    expect(
      await count(store, 'MATCH (p:GCPProject {id: $id}) RETURN count(p)', { id: deleted?.projectId }),
    ).toBe(0);
  });
});
