import { OAuth2Client } from 'google-auth-library';
import { google } from 'googleapis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { GcpProject } from './estate.ts';
import { type GcpEmulator, startGcpEmulator } from './gcp-emulator.ts';
import { generateGcpEstate } from './generate-estate.ts';

/** What a user would configure: a pre-issued token and the emulator as root URL. */
function clients(gcp: GcpEmulator) {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: 'test-token' });
  const rootUrl = `${gcp.url}/`;
  return {
    compute: google.compute({ version: 'v1', auth, rootUrl }),
    container: google.container({ version: 'v1', auth, rootUrl }),
    storage: google.storage({ version: 'v1', auth, rootUrl }),
    serviceusage: google.serviceusage({ version: 'v1', auth, rootUrl }),
    crm: google.cloudresourcemanager({ version: 'v3', auth, rootUrl }),
    crmV1: google.cloudresourcemanager({ version: 'v1', auth, rootUrl }),
  };
}

interface ClientFailure {
  status?: number;
  message: string;
  response?: {
    data?: {
      error?: {
        status?: string;
        errors?: Array<{ reason?: string; domain?: string; message?: string }>;
        details?: Array<{ reason?: string }>;
      };
    };
  };
}

/**
 * What a googleapis call rejects with: a GaxiosError whose `status` is the HTTP
 * status, `message` the API message, and `response.data` the Google error body.
 * (gaxios 7 no longer copies `errors[]` onto the error itself.)
 */
async function failure(promise: Promise<unknown>): Promise<ClientFailure> {
  try {
    await promise;
  } catch (error) {
    return error as ClientFailure;
  }
  throw new Error('expected the call to fail');
}

function firstError(failed: ClientFailure) {
  return failed.response?.data?.error?.errors?.[0];
}

describe('GCP emulator with googleapis clients', () => {
  let gcp: GcpEmulator;
  let api: ReturnType<typeof clients>;
  let project: GcpProject;

  beforeAll(async () => {
    gcp = await startGcpEmulator({
      estate: generateGcpEstate({ seed: 1, projects: 6, instancesPerProject: 12 }),
    });
    api = clients(gcp);
    const first = gcp.estate.projects[0];
    if (!first) throw new Error('no project');
    project = first;
  });
  afterAll(async () => {
    await gcp.close();
  });
  beforeEach(() => {
    gcp.setFaults([]);
    gcp.resetStats();
  });

  it('pages instances.aggregatedList, reporting every zone on every page', async () => {
    const seen: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await api.compute.instances.aggregatedList({
        project: project.projectId,
        maxResults: 5,
        pageToken,
      });
      pages++;
      expect(data.kind).toBe('compute#instanceAggregatedList');
      expect(Object.keys(data.items ?? {})).toContain('zones/asia-east1-c');
      for (const [scope, scoped] of Object.entries(data.items ?? {})) {
        if (scoped.instances) {
          for (const instance of scoped.instances) {
            expect(instance.zone?.endsWith(`/${scope}`)).toBe(true);
            seen.push(instance.name ?? '');
          }
        } else {
          expect(scoped.warning).toEqual({
            code: 'NO_RESULTS_ON_PAGE',
            message: `There are no results for scope '${scope}' on this page.`,
            data: [{ key: 'scope', value: scope }],
          });
        }
      }
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(project.instances.map((instance) => instance.name).sort());
    expect(gcp.stats().byOperation['compute.instances.aggregatedList']).toBe(3);
  });

  it('renders instances with network interfaces, public NAT IPs, tags and URLs', async () => {
    const { data } = await api.compute.instances.list({ project: project.projectId, zone: 'us-central1-a' });
    const bastion = data.items?.find((instance) => instance.name === 'bastion-0');
    expect(bastion).toMatchObject({
      kind: 'compute#instance',
      status: 'RUNNING',
      tags: { items: ['ssh'] },
      machineType: expect.stringMatching(
        new RegExp(
          `^https://www.googleapis.com/compute/v1/projects/${project.projectId}/zones/us-central1-a/machineTypes/`,
        ),
      ),
      selfLink: `https://www.googleapis.com/compute/v1/projects/${project.projectId}/zones/us-central1-a/instances/bastion-0`,
    });
    const nic = bastion?.networkInterfaces?.[0];
    expect(nic?.network).toBe(
      `https://www.googleapis.com/compute/v1/projects/${project.projectId}/global/networks/default`,
    );
    expect(nic?.subnetwork).toMatch(/\/regions\/us-central1\/subnetworks\/default$/);
    expect(nic?.networkIP).toMatch(/^10\.128\.0\.\d+$/);
    expect(nic?.accessConfigs?.[0]).toMatchObject({ type: 'ONE_TO_ONE_NAT', natIP: expect.any(String) });
    const web = data.items?.find((instance) => instance.name?.startsWith('web-'));
    expect(web?.networkInterfaces?.[0]?.accessConfigs).toBeUndefined();
  });

  it('lists networks, firewalls and subnetworks in their documented shapes', async () => {
    const networks = await api.compute.networks.list({ project: project.projectId });
    expect(
      networks.data.items?.map((n) => [n.name, n.autoCreateSubnetworks, n.routingConfig?.routingMode]),
    ).toEqual([
      ['default', true, 'REGIONAL'],
      ['prod-vpc', false, 'GLOBAL'],
    ]);
    const firewalls = await api.compute.firewalls.list({ project: project.projectId });
    const ssh = firewalls.data.items?.find((fw) => fw.name === 'allow-ssh-from-anywhere');
    expect(ssh).toMatchObject({
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['ssh'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      disabled: false,
    });
    const deny = firewalls.data.items?.find((fw) => fw.name === 'deny-rdp-quarantine');
    expect(deny).toMatchObject({ priority: 100, denied: [{ IPProtocol: 'tcp', ports: ['3389'] }] });
    const subnets = await api.compute.subnetworks.aggregatedList({ project: project.projectId });
    const central = subnets.data.items?.['regions/us-central1']?.subnetworks ?? [];
    expect(central.map((s) => s.name).sort()).toEqual(['default', 'prod-us-central1']);
    expect(central.find((s) => s.name === 'prod-us-central1')).toMatchObject({
      ipCidrRange: '10.10.0.0/20',
      gatewayAddress: '10.10.0.1',
      privateIpGoogleAccess: true,
      region: `https://www.googleapis.com/compute/v1/projects/${project.projectId}/regions/us-central1`,
    });
  });

  it('honours partial responses (fields=) and simple filters', async () => {
    const { data } = await api.compute.firewalls.list({
      project: project.projectId,
      filter: 'direction = EGRESS',
      fields: 'items(name,priority)',
    });
    expect(data).toEqual({
      items: [
        { name: 'prod-allow-egress-google-apis', priority: 1000 },
        { name: 'prod-deny-egress-all', priority: 65000 },
      ],
    });
    const stopped = await api.compute.instances.aggregatedList({
      project: project.projectId,
      filter: 'status = TERMINATED',
      fields: 'items/*/instances(name,status)',
    });
    const names = Object.values(stopped.data.items ?? {}).flatMap((scoped) => scoped.instances ?? []);
    expect(names).toEqual(
      project.instances
        .filter((i) => i.status === 'TERMINATED')
        .map((i) => ({ name: i.name, status: 'TERMINATED' })),
    );
  });

  it('lists GKE clusters across locations with their security settings', async () => {
    const { data } = await api.container.projects.locations.clusters.list({
      parent: `projects/${project.projectId}/locations/-`,
    });
    const legacy = data.clusters?.find((cluster) => cluster.name?.startsWith('legacy-'));
    expect(legacy).toMatchObject({
      location: 'us-central1-a',
      status: 'RUNNING',
      endpoint: expect.stringMatching(/^\d+\.\d+\.\d+\.\d+$/),
      masterAuth: { username: 'admin', password: expect.any(String) },
      legacyAbac: { enabled: true },
      loggingService: 'none',
      networkPolicy: {},
      shieldedNodes: {},
      masterAuthorizedNetworksConfig: {},
    });
    expect(legacy?.privateClusterConfig).toBeUndefined();
    expect(legacy?.nodePools?.[0]?.config?.shieldedInstanceConfig).toEqual({});
    const prod = data.clusters?.find((cluster) => cluster.name?.startsWith('prod-'));
    expect(prod).toMatchObject({
      location: 'europe-west1',
      privateClusterConfig: { enablePrivateNodes: true, masterIpv4CidrBlock: expect.any(String) },
      masterAuthorizedNetworksConfig: {
        enabled: true,
        cidrBlocks: [{ displayName: 'corp-vpn', cidrBlock: '203.0.113.0/24' }],
      },
      shieldedNodes: { enabled: true },
      networkPolicy: { provider: 'CALICO', enabled: true },
      currentMasterVersion: expect.stringMatching(/-gke\./),
    });
    expect(prod?.masterAuth?.username).toBeUndefined();
    const zonal = await api.container.projects.zones.clusters.list({
      projectId: project.projectId,
      zone: 'us-central1-a',
    });
    expect(zonal.data.clusters?.map((cluster) => cluster.name)).toEqual(['legacy-cluster-0']);
  });

  it('pages buckets and returns their IAM policies', async () => {
    const names: string[] = [];
    let pageToken: string | undefined;
    do {
      const { data } = await api.storage.buckets.list({
        project: project.projectId,
        maxResults: 1,
        pageToken,
      });
      for (const bucket of data.items ?? []) names.push(bucket.name ?? '');
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(names).toEqual(project.buckets.map((bucket) => bucket.name).sort());

    const { data: buckets } = await api.storage.buckets.list({
      project: project.projectNumber,
      projection: 'full',
    });
    const uploads = buckets.items?.find((bucket) => bucket.name?.endsWith('-legacy-uploads'));
    expect(uploads?.iamConfiguration).toEqual({
      bucketPolicyOnly: { enabled: false },
      uniformBucketLevelAccess: { enabled: false },
      publicAccessPrevention: 'inherited',
    });
    expect(uploads?.acl?.map((acl) => acl.entity)).toContain(`project-owners-${project.projectNumber}`);
    const backups = buckets.items?.find((bucket) => bucket.name?.endsWith('-backups'));
    expect(backups).toMatchObject({
      versioning: { enabled: true },
      encryption: { defaultKmsKeyName: expect.stringContaining('/cryptoKeys/') },
      iamConfiguration: { uniformBucketLevelAccess: { enabled: true }, publicAccessPrevention: 'enforced' },
    });
    expect(backups?.acl).toBeUndefined();

    const publicName = names.find((name) => name.endsWith('-public-assets')) ?? '';
    const { data: policy } = await api.storage.buckets.getIamPolicy({ bucket: publicName });
    expect(policy.kind).toBe('storage#policy');
    expect(policy.resourceId).toBe(`projects/_/buckets/${publicName}`);
    expect(policy.bindings).toContainEqual({ role: 'roles/storage.objectViewer', members: ['allUsers'] });
  });

  it('lists enabled services with Service Usage, page by page', async () => {
    const names: string[] = [];
    let pageToken: string | undefined;
    let pages = 0;
    do {
      const { data } = await api.serviceusage.services.list({
        parent: `projects/${project.projectId}`,
        filter: 'state:ENABLED',
        pageSize: 5,
        pageToken,
      });
      pages++;
      for (const service of data.services ?? []) {
        expect(service.state).toBe('ENABLED');
        expect(service.name).toBe(`projects/${project.projectNumber}/services/${service.config?.name}`);
        names.push(service.config?.name ?? '');
      }
      pageToken = data.nextPageToken ?? undefined;
    } while (pageToken);
    expect(pages).toBeGreaterThan(1);
    expect(names.sort()).toEqual([...project.enabledServices].sort());

    const noCompute = gcp.estate.projects[2];
    const { data } = await api.serviceusage.services.list({
      parent: `projects/${noCompute?.projectNumber}`,
      filter: 'state:ENABLED',
      pageSize: 200,
    });
    expect(data.services?.map((service) => service.config?.name)).not.toContain('compute.googleapis.com');
  });

  it('serves Resource Manager v3 and v1 to the discovery client', async () => {
    const org = `organizations/${gcp.estate.organization.id}`;
    const { data: orgs } = await api.crm.organizations.search({});
    expect(orgs.organizations?.[0]).toMatchObject({ name: org, state: 'ACTIVE', displayName: 'example.com' });
    const { data: folders } = await api.crm.folders.list({ parent: org });
    expect(folders.folders?.map((folder) => folder.parent)).toEqual([org, org]);
    const { data: search } = await api.crm.projects.search({ query: 'state:DELETE_REQUESTED' });
    expect(search.projects?.map((p) => p.projectId)).toEqual([gcp.estate.projects[5]?.projectId]);
    const { data: v1 } = await api.crmV1.projects.list({ filter: 'lifecycleState:ACTIVE' });
    expect(v1.projects).toHaveLength(5);
    expect(v1.projects?.[0]).toMatchObject({
      projectId: project.projectId,
      projectNumber: project.projectNumber,
      lifecycleState: 'ACTIVE',
      parent: { type: 'organization', id: gcp.estate.organization.id },
    });
  });

  it('answers 403 SERVICE_DISABLED (accessNotConfigured) for a disabled API', async () => {
    const noCompute = gcp.estate.projects[2];
    const error = await failure(
      api.compute.instances.aggregatedList({ project: noCompute?.projectId ?? '' }),
    );
    expect(error.status).toBe(403);
    expect(firstError(error)).toMatchObject({ reason: 'accessNotConfigured', domain: 'usageLimits' });
    expect(error.message).toContain(
      `Compute Engine API has not been used in project ${noCompute?.projectNumber}`,
    );
    expect(error.response?.data?.error?.status).toBe('PERMISSION_DENIED');
    expect(error.response?.data?.error?.details?.[0]?.reason).toBe('SERVICE_DISABLED');

    const noGke = gcp.estate.projects[3];
    const gke = await failure(
      api.container.projects.locations.clusters.list({ parent: `projects/${noGke?.projectId}/locations/-` }),
    );
    expect(gke.status).toBe(403);
    expect(gke.message).toContain('Kubernetes Engine API has not been used');
  });

  it('answers 403 for denied and deleted projects and 404 for unknown ones', async () => {
    const deleted = gcp.estate.projects[5];
    expect((await failure(api.compute.networks.list({ project: deleted?.projectId ?? '' }))).status).toBe(
      403,
    );
    expect((await failure(api.compute.networks.list({ project: 'no-such-project' }))).status).toBe(404);
    expect((await failure(api.storage.buckets.getIamPolicy({ bucket: 'no-such-bucket' }))).status).toBe(404);

    project.permissionDenied = true;
    try {
      const error = await failure(api.storage.buckets.list({ project: project.projectId }));
      expect(error.status).toBe(403);
      expect(firstError(error)?.reason).toBe('forbidden');
      // Resource Manager still shows the project.
      expect((await api.crm.projects.get({ name: `projects/${project.projectId}` })).data.projectId).toBe(
        project.projectId,
      );
    } finally {
      project.permissionDenied = false;
    }
  });

  it('injects scripted faults; googleapis retries a 429 by itself', async () => {
    gcp.setFaults([{ project: project.projectId, service: 'compute', kind: 'RateLimited', times: 1 }]);
    const { data } = await api.compute.networks.list({ project: project.projectId });
    expect(data.items).toHaveLength(2);
    expect(gcp.stats()).toMatchObject({ requests: 2, throttled: 1, byStatus: { '429': 1, '200': 1 } });

    gcp.setFaults([{ project: project.projectNumber, service: 'storage', kind: 'PermissionDenied' }]);
    expect((await failure(api.storage.buckets.list({ project: project.projectId }))).status).toBe(403);
    expect((await api.compute.networks.list({ project: project.projectId })).status).toBe(200);

    gcp.setFaults([{ operation: 'container.projects.locations.clusters.list', kind: 'Unavailable' }]);
    const unavailable = await failure(
      api.container.projects.locations.clusters.list(
        { parent: `projects/${project.projectId}/locations/-` },
        { retry: false },
      ),
    );
    expect(unavailable.status).toBe(503);
    expect(unavailable.response?.data?.error?.status).toBe('UNAVAILABLE');
  });

  it('sees estate changes on the next request', async () => {
    const extra = project.instances[0];
    if (!extra) throw new Error('no instance');
    project.instances.push({ ...extra, id: '1', name: 'added-later', zone: 'asia-east1-a' });
    try {
      const { data } = await api.compute.instances.aggregatedList({ project: project.projectId });
      expect(data.items?.['zones/asia-east1-a']?.instances?.map((i) => i.name)).toEqual(['added-later']);
    } finally {
      project.instances.pop();
    }
    project.enabledServices = project.enabledServices.filter((s) => s !== 'storage.googleapis.com');
    try {
      const error = await failure(api.storage.buckets.list({ project: project.projectId }));
      expect(firstError(error)?.reason).toBe('accessNotConfigured');
    } finally {
      project.enabledServices.push('storage.googleapis.com');
    }
  });

  it('rejects requests without credentials with 401 in Google format', async () => {
    const response = await fetch(`${gcp.url}/compute/v1/projects/${project.projectId}/global/networks`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('Bearer');
    const body = (await response.json()) as { error: { status: string; errors: Array<{ reason: string }> } };
    expect(body.error.status).toBe('UNAUTHENTICATED');
    expect(body.error.errors[0]?.reason).toBe('required');
  });

  it('rejects maxResults above 500 like Compute does', async () => {
    const error = await failure(api.compute.firewalls.list({ project: project.projectId, maxResults: 501 }));
    expect(error.status).toBe(400);
  });
});

describe('GCP emulator knobs', () => {
  it('injects 429/503 at the configured rate and adds latency', async () => {
    const gcp = await startGcpEmulator({ seed: 3, errorRate: { 429: 0.25, 503: 0.25 }, latencyMs: 20 });
    try {
      const project = gcp.estate.projects[0]?.projectId;
      const started = performance.now();
      const statuses: number[] = [];
      for (let i = 0; i < 40; i++) {
        const response = await fetch(`${gcp.url}/compute/v1/projects/${project}/global/networks`, {
          headers: { authorization: 'Bearer x' },
        });
        statuses.push(response.status);
        await response.arrayBuffer();
      }
      expect(performance.now() - started).toBeGreaterThanOrEqual(40 * 19);
      const count = (status: number) => statuses.filter((s) => s === status).length;
      expect(count(429)).toBeGreaterThan(3);
      expect(count(503)).toBeGreaterThan(3);
      expect(count(200)).toBeGreaterThan(8);
      expect(gcp.stats().throttled).toBe(count(429));
    } finally {
      await gcp.close();
    }
  });
});
