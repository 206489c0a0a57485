import { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager';
import { OAuth2Client } from 'google-auth-library';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type GcpEmulator, startGcpEmulator } from './gcp-emulator.ts';
import { generateGcpEstate } from './generate-estate.ts';

/**
 * The configuration that points the Cloud client library (gax) at the emulator:
 * REST transport (`fallback: true`), plain HTTP, host and port apart, and an
 * auth client holding a pre-issued token.
 */
function clientOptions(gcp: GcpEmulator) {
  const authClient = new OAuth2Client();
  authClient.setCredentials({ access_token: 'test-token' });
  return { fallback: true, protocol: 'http', apiEndpoint: gcp.host, port: gcp.port, authClient } as const;
}

describe('GCP emulator with @google-cloud/resource-manager (REST transport)', () => {
  let gcp: GcpEmulator;
  let organizations: OrganizationsClient;
  let folders: FoldersClient;
  let projects: ProjectsClient;

  beforeAll(async () => {
    gcp = await startGcpEmulator({
      estate: generateGcpEstate({ seed: 5, folders: 6, projects: 12, deletedProjects: 2 }),
    });
    organizations = new OrganizationsClient(clientOptions(gcp));
    folders = new FoldersClient(clientOptions(gcp));
    projects = new ProjectsClient(clientOptions(gcp));
  });
  afterAll(async () => {
    await Promise.all([organizations.close(), folders.close(), projects.close()]);
    await gcp.close();
  });
  beforeEach(() => {
    gcp.setFaults([]);
    gcp.resetStats();
  });

  it('finds the organisation', async () => {
    const [found] = await organizations.searchOrganizations({ query: 'domain:example.com' });
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      name: `organizations/${gcp.estate.organization.id}`,
      displayName: 'example.com',
      directoryCustomerId: gcp.estate.organization.directoryCustomerId,
      // The client asks for numeric enums ($alt=json;enum-encoding=int) and maps them back to names.
      state: 'ACTIVE',
    });
  });

  it('walks the folder tree level by level with listFolders', async () => {
    const found: string[] = [];
    const queue = [`organizations/${gcp.estate.organization.id}`];
    while (queue.length > 0) {
      const parent = queue.shift() ?? '';
      for await (const folder of folders.listFoldersAsync({ parent, pageSize: 1 })) {
        found.push(folder.name ?? '');
        queue.push(folder.name ?? '');
      }
    }
    expect(found.sort()).toEqual(gcp.estate.folders.map((folder) => `folders/${folder.id}`).sort());
    // pageSize 1 forces one request per folder plus the last, empty-token page of each parent.
    expect(gcp.stats().byOperation['crm.folders.list']).toBeGreaterThan(gcp.estate.folders.length);
  });

  it('lists projects per parent, hiding DELETE_REQUESTED unless showDeleted', async () => {
    const parents = [
      `organizations/${gcp.estate.organization.id}`,
      ...gcp.estate.folders.map((folder) => `folders/${folder.id}`),
    ];
    const active: string[] = [];
    const all: string[] = [];
    for (const parent of parents) {
      for await (const project of projects.listProjectsAsync({ parent }))
        active.push(project.projectId ?? '');
      for await (const project of projects.listProjectsAsync({ parent, showDeleted: true })) {
        all.push(project.projectId ?? '');
      }
    }
    const estate = gcp.estate.projects;
    expect(active.sort()).toEqual(
      estate
        .filter((p) => p.state === 'ACTIVE')
        .map((p) => p.projectId)
        .sort(),
    );
    expect(all.sort()).toEqual(estate.map((p) => p.projectId).sort());
  });

  it('pages searchProjects by hand with autoPaginate: false', async () => {
    const seen: string[] = [];
    let pageToken = '';
    let pages = 0;
    do {
      const [page, , raw] = await projects.searchProjects(
        { query: '', pageSize: 5, pageToken },
        { autoPaginate: false },
      );
      pages++;
      seen.push(...page.map((project) => project.projectId ?? ''));
      pageToken = raw?.nextPageToken ?? '';
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen).toEqual(gcp.estate.projects.map((project) => project.projectId));

    const [deleted] = await projects.searchProjects({ query: 'state:DELETE_REQUESTED' });
    expect(deleted.map((project) => project.state)).toEqual(['DELETE_REQUESTED', 'DELETE_REQUESTED']);
  });

  it('gets a project by id or number', async () => {
    const target = gcp.estate.projects[1];
    const [byId] = await projects.getProject({ name: `projects/${target?.projectId}` });
    expect(byId).toMatchObject({
      name: `projects/${target?.projectNumber}`,
      projectId: target?.projectId,
      parent: target?.parent,
      labels: target?.labels,
    });
    expect(Number(byId.createTime?.seconds)).toBe(Math.floor(Date.parse(target?.createTime ?? '') / 1000));
    const [byNumber] = await projects.getProject({ name: `projects/${target?.projectNumber}` });
    expect(byNumber.projectId).toBe(target?.projectId);
  });

  it('surfaces errors as HTTP errors (GaxiosError) carrying the Google error body', async () => {
    // Over REST the auth client's fetch rejects non-2xx responses before gax decodes them,
    // so callers see `status` (HTTP) and the JSON body as `message`, not a gRPC code.
    const denied = await projects
      .getProject({ name: 'projects/does-not-exist' })
      .catch((error: unknown) => error);
    expect(denied).toMatchObject({ status: 403 });
    expect(JSON.parse((denied as Error).message)).toMatchObject({
      error: { code: 403, status: 'PERMISSION_DENIED', message: 'The caller does not have permission' },
    });

    gcp.setFaults([{ service: 'crm', operation: 'crm.projects.search', kind: 'Unavailable', times: 1 }]);
    const unavailable = await projects.searchProjects({ query: '' }).catch((error: unknown) => error);
    expect(unavailable).toMatchObject({ status: 503 });
    // gax retries gRPC codes (UNAVAILABLE = 14); an HTTP 503 from the REST transport is not retried.
    expect(gcp.stats().byOperation['crm.projects.search']).toBe(1);
  });
});
