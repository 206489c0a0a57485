import { ConfigError, type GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GcpEmulator } from '../src/emulator/index.ts';
import { createGcpProvider } from '../src/provider.ts';
import { column, count, gcpConfig, startSmallEmulator, syncGcp } from './gcp-test-support.ts';

describe('what a GCP sync covers', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  beforeEach(async () => {
    store = await openTestStore();
    // Folders 0 and 1 under the organisation, 2 inside 0, 3 inside 1; projects spread over all five parents.
    gcp = await startSmallEmulator({ folders: 4, projects: 11, deletedProjects: 1 });
  });
  afterEach(async () => {
    await gcp.close();
    await store.close();
  });

  const active = () => gcp.estate.projects.filter((p) => p.state === 'ACTIVE');
  const folderName = (index: number) => `folders/${gcp.estate.folders[index]?.id}`;
  /** Projects whose parent chain reaches the folder. */
  const under = (folder: string) =>
    active().filter((p) => {
      for (let parent: string | undefined = p.parent; parent; ) {
        if (parent === folder) return true;
        parent = gcp.estate.folders.find((f) => `folders/${f.id}` === parent)?.parent;
      }
      return false;
    });
  const projectScopes = (ids: string[]) => ids.filter((id) => !id.startsWith('gcp/organizations/')).sort();

  it('--gcp-projects and --gcp-exclude-projects pick projects', async () => {
    const [a, b, c] = active();
    if (!a || !b || !c) throw new Error('estate too small');
    const only = await syncGcp(store, gcp, 100, { gcpProjects: [a.projectId, b.projectId] });
    expect(projectScopes(only.scopes.map((s) => s.id))).toEqual(
      [`gcp/${a.projectId}`, `gcp/${b.projectId}`].sort(),
    );
    expect(
      await column(store, 'MATCH (:GCPOrganization)-[:RESOURCE]->(p:GCPProject) RETURN p.id ORDER BY p.id'),
    ).toEqual([a.projectId, b.projectId].sort());
    const without = await syncGcp(store, gcp, 200, { gcpExcludeProjects: [c.projectId] });
    expect(projectScopes(without.scopes.map((s) => s.id))).toEqual(
      active()
        .filter((p) => p !== c)
        .map((p) => `gcp/${p.projectId}`)
        .sort(),
    );
  });

  it('--gcp-folders selects whole subtrees and --gcp-exclude-folders removes them', async () => {
    const folder0 = folderName(0);
    const included = await syncGcp(store, gcp, 100, { gcpFolders: [folder0] });
    const expected = under(folder0)
      .map((p) => `gcp/${p.projectId}`)
      .sort();
    expect(expected.length).toBeGreaterThan(1);
    expect(projectScopes(included.scopes.map((s) => s.id))).toEqual(expected);

    const excluded = await syncGcp(store, gcp, 200, { gcpExcludeFolders: [gcp.estate.folders[0]?.id ?? ''] });
    expect(projectScopes(excluded.scopes.map((s) => s.id))).toEqual(
      active()
        .filter((p) => !under(folder0).includes(p))
        .map((p) => `gcp/${p.projectId}`)
        .sort(),
    );
  });

  it('--gcp-services limits what is collected; without crm there is no hierarchy scope', async () => {
    const result = await syncGcp(store, gcp, 100, { gcpServices: ['storage'] });
    expect(result.errors).toEqual([]);
    expect(result.scopes.some((s) => s.id.startsWith('gcp/organizations/'))).toBe(false);
    expect(await count(store, 'MATCH (n:GCPInstance) RETURN count(n)')).toBe(0);
    expect(await count(store, 'MATCH (n:GKECluster) RETURN count(n)')).toBe(0);
    expect(await count(store, 'MATCH (n:GCPBucket) RETURN count(n)')).toBeGreaterThan(0);
    // Projects still carry their names from their own scope.
    const [first] = active();
    expect(
      await column(store, 'MATCH (p:GCPProject {id: $id}) RETURN p.displayname', { id: first?.projectId }),
    ).toEqual([first?.displayName]);
  });

  it('--gcp-organizations names the organisations to walk', async () => {
    const result = await syncGcp(store, gcp, 100, { gcpOrganizations: [gcp.estate.organization.id] });
    expect(result.errors).toEqual([]);
    expect(result.scopes).toHaveLength(active().length + 1);
    const missing = await syncGcp(store, gcp, 200, { gcpOrganizations: ['999'] });
    expect(missing.status).toBe('failed');
    expect(missing.errors[0]?.message).toMatch(
      /planning failed: PERMISSION_DENIED \(403\): The caller does not have permission/,
    );
  });

  it('syncs the projects it can see when the credentials cannot see any organisation', async () => {
    gcp.setFaults([{ operation: 'crm.organizations.search', kind: 'PermissionDenied' }]);
    const result = await syncGcp(store, gcp, 100);
    expect(result.errors).toEqual([]);
    expect(result.scopes.map((s) => s.id).sort()).toEqual(
      active()
        .map((p) => `gcp/${p.projectId}`)
        .sort(),
    );
    expect(await count(store, 'MATCH (o:GCPOrganization) RETURN count(o)')).toBe(0);
    const [first] = active();
    expect(
      await store.read(
        'MATCH (p:GCPProject {id: $id}) RETURN p.projectnumber AS number, p.displayname AS name',
        {
          id: first?.projectId,
        },
      ),
    ).toEqual([{ number: first?.projectNumber, name: first?.displayName }]);
    expect(await count(store, 'MATCH (n:GCPInstance) RETURN count(n)')).toBeGreaterThan(0);
  });

  it('fails fast, with a message to act on, when the named token variable is empty', () => {
    expect(() => createGcpProvider(gcpConfig(), { env: {} })).toThrow(ConfigError);
    expect(() => createGcpProvider(gcpConfig(), { env: {} })).toThrow(
      /--google-access-token-env-var: the environment variable it names is empty or not set/,
    );
  });

  it('rejects invalid option values with the flag named', () => {
    expect(() => gcpConfig({ gcpServices: ['compute', 'bigquery'] })).toThrow(/--gcp-services/);
    expect(() => gcpConfig({ gcpOrganizations: ['example.com'] })).toThrow(/--gcp-organizations/);
    expect(() => gcpConfig({ googleAccessTokenEnvVar: 'not a name' })).toThrow(
      /--google-access-token-env-var/,
    );
    expect(gcpConfig({ gcpFolders: ['folders/12', '34'] }).gcpFolders).toEqual(['12', '34']);
    expect(gcpConfig().gcpServices).toEqual(['crm', 'compute', 'gke', 'storage']);
  });
});
