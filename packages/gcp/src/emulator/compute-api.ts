import {
  decodePageToken,
  GoogleApiError,
  invalidArgument,
  paginate,
  readPageSize,
} from '@skygraph/core/emulator-kit';
import type { ApiRequest, ApiRoute, ApiRouter } from './api-route.ts';
import {
  findProject,
  GCP_REGIONS,
  type GcpFirewall,
  type GcpInstance,
  type GcpNetwork,
  type GcpProject,
  type GcpSubnetwork,
  regionOfZone,
} from './estate.ts';

/** Compute returns selfLinks on this host whatever endpoint was called. */
const COMPUTE_BASE = 'https://www.googleapis.com/compute/v1';

function projectUrl(project: GcpProject): string {
  return `${COMPUTE_BASE}/projects/${project.projectId}`;
}

/** Compute timestamps are RFC 3339 in Pacific time, e.g. `2023-04-01T03:12:45.123-07:00`. */
function computeTimestamp(iso: string): string {
  const shifted = new Date(Date.parse(iso) - 7 * 3_600_000).toISOString();
  return `${shifted.slice(0, 23)}-07:00`;
}

function fingerprint(text: string): string {
  let a = 2166136261;
  let b = 5381;
  for (let i = 0; i < text.length; i++) {
    a = Math.imul(a ^ text.charCodeAt(i), 16777619);
    b = Math.imul(b, 33) ^ text.charCodeAt(i);
  }
  const bytes = Buffer.alloc(8);
  bytes.writeUInt32BE(a >>> 0, 0);
  bytes.writeUInt32BE(b >>> 0, 4);
  return bytes.toString('base64');
}

function numericId(text: string): string {
  let hash = 0n;
  for (let i = 0; i < text.length; i++)
    hash = (hash * 131n + BigInt(text.charCodeAt(i))) % 9_000_000_000_000_000_000n;
  return String(hash + 1_000_000_000_000_000_000n);
}

export function renderInstance(project: GcpProject, instance: GcpInstance): Record<string, unknown> {
  const base = projectUrl(project);
  const zoneUrl = `${base}/zones/${instance.zone}`;
  const region = regionOfZone(instance.zone);
  const body: Record<string, unknown> = {
    kind: 'compute#instance',
    id: instance.id,
    creationTimestamp: computeTimestamp(instance.creationTimestamp),
    name: instance.name,
    tags: {
      ...(instance.tags.length > 0 ? { items: instance.tags } : {}),
      fingerprint: fingerprint(instance.tags.join(',')),
    },
    machineType: `${zoneUrl}/machineTypes/${instance.machineType}`,
    status: instance.status,
    zone: zoneUrl,
    canIpForward: instance.canIpForward,
    networkInterfaces: instance.networkInterfaces.map((nic) => ({
      kind: 'compute#networkInterface',
      network: `${base}/global/networks/${nic.network}`,
      subnetwork: `${base}/regions/${region}/subnetworks/${nic.subnetwork}`,
      networkIP: nic.networkIP,
      name: nic.name,
      ...(nic.natIP === undefined
        ? {}
        : {
            accessConfigs: [
              {
                kind: 'compute#accessConfig',
                type: 'ONE_TO_ONE_NAT',
                name: 'External NAT',
                natIP: nic.natIP,
                networkTier: 'PREMIUM',
              },
            ],
          }),
      fingerprint: fingerprint(`${instance.id}/${nic.name}/${nic.networkIP}`),
      stackType: 'IPV4_ONLY',
    })),
    disks: [
      {
        kind: 'compute#attachedDisk',
        type: 'PERSISTENT',
        mode: 'READ_WRITE',
        source: `${zoneUrl}/disks/${instance.name}`,
        deviceName: 'persistent-disk-0',
        index: 0,
        boot: true,
        autoDelete: true,
        licenses: [`${COMPUTE_BASE}/projects/debian-cloud/global/licenses/debian-12-bookworm`],
        interface: 'SCSI',
        guestOsFeatures: [{ type: 'UEFI_COMPATIBLE' }, { type: 'VIRTIO_SCSI_MULTIQUEUE' }, { type: 'GVNIC' }],
        diskSizeGb: String(instance.bootDiskSizeGb),
        architecture: 'X86_64',
      },
    ],
    metadata: { kind: 'compute#metadata', fingerprint: fingerprint(`${instance.id}/metadata`) },
    serviceAccounts: instance.serviceAccounts,
    selfLink: `${zoneUrl}/instances/${instance.name}`,
    scheduling: {
      onHostMaintenance: 'MIGRATE',
      automaticRestart: true,
      preemptible: false,
      provisioningModel: 'STANDARD',
    },
    cpuPlatform: instance.status === 'RUNNING' ? 'Intel Broadwell' : 'Unknown CPU Platform',
    labelFingerprint: fingerprint(JSON.stringify(instance.labels)),
    startRestricted: false,
    deletionProtection: instance.deletionProtection,
    shieldedInstanceConfig: {
      enableSecureBoot: instance.shieldedInstance.secureBoot,
      enableVtpm: instance.shieldedInstance.vtpm,
      enableIntegrityMonitoring: instance.shieldedInstance.integrityMonitoring,
    },
    shieldedInstanceIntegrityPolicy: { updateAutoLearnPolicy: true },
    fingerprint: fingerprint(`${instance.id}/${instance.status}`),
    lastStartTimestamp: computeTimestamp(instance.creationTimestamp),
    satisfiesPzi: true,
  };
  if (Object.keys(instance.labels).length > 0) body.labels = instance.labels;
  return body;
}

export function renderNetwork(project: GcpProject, network: GcpNetwork): Record<string, unknown> {
  const base = projectUrl(project);
  return {
    kind: 'compute#network',
    id: network.id,
    creationTimestamp: computeTimestamp(network.creationTimestamp),
    name: network.name,
    description: network.description,
    selfLink: `${base}/global/networks/${network.name}`,
    selfLinkWithId: `${base}/global/networks/${network.id}`,
    autoCreateSubnetworks: network.autoCreateSubnetworks,
    subnetworks: project.subnetworks
      .filter((subnet) => subnet.network === network.name)
      .map((subnet) => `${base}/regions/${subnet.region}/subnetworks/${subnet.name}`),
    routingConfig: { routingMode: network.routingMode, bgpBestPathSelectionMode: 'LEGACY' },
    networkFirewallPolicyEnforcementOrder: 'AFTER_CLASSIC_FIREWALL',
    mtu: network.mtu,
  };
}

export function renderSubnetwork(project: GcpProject, subnet: GcpSubnetwork): Record<string, unknown> {
  const base = projectUrl(project);
  const body: Record<string, unknown> = {
    kind: 'compute#subnetwork',
    id: subnet.id,
    creationTimestamp: computeTimestamp(subnet.creationTimestamp),
    name: subnet.name,
    network: `${base}/global/networks/${subnet.network}`,
    ipCidrRange: subnet.ipCidrRange,
    gatewayAddress: subnet.gatewayAddress,
    region: `${base}/regions/${subnet.region}`,
    selfLink: `${base}/regions/${subnet.region}/subnetworks/${subnet.name}`,
    privateIpGoogleAccess: subnet.privateIpGoogleAccess,
    fingerprint: fingerprint(`${subnet.id}/${subnet.ipCidrRange}`),
    enableFlowLogs: subnet.flowLogs,
    privateIpv6GoogleAccess: 'DISABLE_GOOGLE_ACCESS',
    purpose: 'PRIVATE',
    stackType: 'IPV4_ONLY',
  };
  if (subnet.secondaryIpRanges.length > 0) body.secondaryIpRanges = subnet.secondaryIpRanges;
  if (subnet.flowLogs) {
    body.logConfig = {
      enable: true,
      aggregationInterval: 'INTERVAL_5_SEC',
      flowSampling: 0.5,
      metadata: 'INCLUDE_ALL_METADATA',
    };
  }
  return body;
}

export function renderFirewall(project: GcpProject, firewall: GcpFirewall): Record<string, unknown> {
  const base = projectUrl(project);
  const body: Record<string, unknown> = {
    kind: 'compute#firewall',
    id: firewall.id,
    creationTimestamp: computeTimestamp(firewall.creationTimestamp),
    name: firewall.name,
    description: firewall.description,
    network: `${base}/global/networks/${firewall.network}`,
    priority: firewall.priority,
  };
  const lists = [
    'sourceRanges',
    'destinationRanges',
    'sourceTags',
    'targetTags',
    'targetServiceAccounts',
    'allowed',
    'denied',
  ] as const;
  for (const key of lists) {
    const value = firewall[key];
    if (value !== undefined && value.length > 0) body[key] = value;
  }
  body.direction = firewall.direction;
  body.logConfig = firewall.logConfigEnabled
    ? { enable: true, metadata: 'INCLUDE_ALL_METADATA' }
    : { enable: false };
  body.disabled = firewall.disabled;
  body.selfLink = `${base}/global/firewalls/${firewall.name}`;
  return body;
}

// ---- filter / orderBy -------------------------------------------------------------

/**
 * The common subset of Compute's `filter`: `field = value`, `field != value`
 * (`*` as wildcard), several terms ANDed, optionally in parentheses, on
 * top-level or dotted fields (`labels.env = prod`). Anything else is rejected
 * rather than silently ignored.
 */
function compileFilter(filter: string | null): (item: Record<string, unknown>) => boolean {
  if (filter === null || filter.trim() === '') return () => true;
  const term = /\(?\s*([A-Za-z][\w.]*)\s*(!=|=)\s*("(?:[^"\\]|\\.)*"|[^\s()]+)\s*\)?/y;
  const terms: Array<{ path: string[]; negate: boolean; pattern: RegExp }> = [];
  const text = filter.trim();
  let pos = 0;
  while (pos < text.length) {
    term.lastIndex = pos;
    const match = term.exec(text);
    if (!match)
      throw new GoogleApiError(
        invalidArgument(`Invalid value for field 'filter': '${filter}'. Invalid list filter expression.`),
      );
    const [, field = '', op, rawValue = ''] = match;
    const value = rawValue.startsWith('"') ? rawValue.slice(1, -1).replace(/\\(.)/g, '$1') : rawValue;
    const escaped = value.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
    terms.push({ path: field.split('.'), negate: op === '!=', pattern: new RegExp(`^${escaped}$`, 'i') });
    pos = term.lastIndex;
    const and = /\s*(AND\s+)?/y;
    and.lastIndex = pos;
    and.exec(text);
    pos = and.lastIndex;
  }
  return (item) =>
    terms.every(({ path, negate, pattern }) => {
      let value: unknown = item;
      for (const part of path)
        value =
          typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[part] : undefined;
      const matches = value !== undefined && value !== null && pattern.test(String(value));
      return negate ? !matches : matches;
    });
}

function sortItems<T extends Record<string, unknown>>(items: T[], orderBy: string | null): T[] {
  if (orderBy === null || orderBy.trim() === '') return items;
  const spec = orderBy.trim();
  if (spec === 'name') return [...items].sort((a, b) => String(a.name).localeCompare(String(b.name)));
  if (spec === 'creationTimestamp desc') {
    return [...items].sort((a, b) => String(b.creationTimestamp).localeCompare(String(a.creationTimestamp)));
  }
  throw new GoogleApiError(
    invalidArgument(
      `Invalid value for field 'orderBy': '${orderBy}'. Supported: 'name', 'creationTimestamp desc'.`,
    ),
  );
}

// ---- list shapes ----------------------------------------------------------------

const MAX_RESULTS = { default: 500, max: 500, rejectAbove: true } as const;

function listResponse(
  request: ApiRequest,
  project: GcpProject,
  kind: string,
  path: string,
  all: Array<Record<string, unknown>>,
): Record<string, unknown> {
  const items = sortItems(
    all.filter(compileFilter(request.query.get('filter'))),
    request.query.get('orderBy'),
  );
  const listKey = `${kind}:${project.projectId}:${path}`;
  const offset = decodePageToken(request.query.get('pageToken'), listKey);
  const page = paginate(items, readPageSize(request.query, 'maxResults', MAX_RESULTS), offset, listKey);
  const body: Record<string, unknown> = { kind, id: `projects/${project.projectId}/${path}` };
  if (page.items.length > 0) body.items = page.items;
  if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
  body.selfLink = `${projectUrl(project)}/${path}`;
  return body;
}

/**
 * Aggregated lists report every scope on every page: a scope with results on
 * this page carries them, any other carries a NO_RESULTS_ON_PAGE warning.
 * `maxResults` counts resources across scopes.
 */
function aggregatedResponse(
  request: ApiRequest,
  project: GcpProject,
  options: { kind: string; path: string; listField: string; scopes: string[] },
  all: Array<{ scope: string; render: () => Record<string, unknown> }>,
): Record<string, unknown> {
  const filter = request.query.get('filter');
  const scopes = [...new Set([...options.scopes, ...all.map((entry) => entry.scope)])].sort();
  const rank = new Map(scopes.map((scope, index) => [scope, index]));
  // Without a filter only the page being returned is rendered: large estates stay cheap to page through.
  const candidates =
    filter === null || filter.trim() === ''
      ? all
      : (() => {
          const keep = compileFilter(filter);
          return all
            .map((entry) => ({ scope: entry.scope, item: entry.render() }))
            .filter((entry) => keep(entry.item))
            .map((entry) => ({ scope: entry.scope, render: () => entry.item }));
        })();
  const ordered = [...candidates].sort((a, b) => (rank.get(a.scope) ?? 0) - (rank.get(b.scope) ?? 0));
  const listKey = `${options.kind}:${project.projectId}`;
  const offset = decodePageToken(request.query.get('pageToken'), listKey);
  const slice = paginate(ordered, readPageSize(request.query, 'maxResults', MAX_RESULTS), offset, listKey);
  const page = {
    nextPageToken: slice.nextPageToken,
    items: slice.items.map((entry) => ({ scope: entry.scope, item: entry.render() })),
  };
  const items: Record<string, unknown> = {};
  for (const scope of scopes) {
    const inScope = page.items.filter((entry) => entry.scope === scope).map((entry) => entry.item);
    items[scope] =
      inScope.length > 0
        ? { [options.listField]: inScope }
        : {
            warning: {
              code: 'NO_RESULTS_ON_PAGE',
              message: `There are no results for scope '${scope}' on this page.`,
              data: [{ key: 'scope', value: scope }],
            },
          };
  }
  const body: Record<string, unknown> = {
    kind: options.kind,
    id: `projects/${project.projectId}/${options.path}`,
    items,
  };
  if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
  body.selfLink = `${projectUrl(project)}/${options.path}`;
  return body;
}

function requireProject(request: ApiRequest, key: string): GcpProject {
  const project = findProject(request.estate, key);
  // The gate has already answered for unknown projects; this guards against a concurrent estate change.
  if (!project)
    throw new GoogleApiError({
      httpStatus: 404,
      status: 'NOT_FOUND',
      message: `The resource 'projects/${key}' was not found`,
      reason: 'notFound',
    });
  return project;
}

function zoneScopes(): string[] {
  return GCP_REGIONS.flatMap((region) => region.zones.map((zone) => `zones/${zone}`));
}

function regionScopes(): string[] {
  return GCP_REGIONS.map((region) => `regions/${region.name}`);
}

/** Compute Engine v1: instances, networks, subnetworks, firewalls, zones, regions. */
export const computeRouter: ApiRouter = (request) => {
  const s = request.segments;
  if (
    s[0] !== 'compute' ||
    s[1] !== 'v1' ||
    s[2] !== 'projects' ||
    s[3] === undefined ||
    request.method !== 'GET'
  ) {
    return undefined;
  }
  const key = s[3];
  const rest = s.slice(4).join('/');
  const route = (
    operation: string,
    permission: string,
    handle: (project: GcpProject) => unknown,
  ): ApiRoute => ({
    service: 'compute',
    operation: `compute.${operation}`,
    project: key,
    gate: { permission, requiresApi: 'compute.googleapis.com', missingProject: 'notFound' },
    handle: () => handle(requireProject(request, key)),
  });

  if (rest === 'aggregated/instances') {
    return route('instances.aggregatedList', 'compute.instances.list', (project) =>
      aggregatedResponse(
        request,
        project,
        {
          kind: 'compute#instanceAggregatedList',
          path: 'aggregated/instances',
          listField: 'instances',
          scopes: zoneScopes(),
        },
        project.instances.map((instance) => ({
          scope: `zones/${instance.zone}`,
          render: () => renderInstance(project, instance),
        })),
      ),
    );
  }
  if (s.length === 7 && s[4] === 'zones' && s[6] === 'instances') {
    const zone = s[5] ?? '';
    return route('instances.list', 'compute.instances.list', (project) => {
      if (
        !GCP_REGIONS.some((region) => region.zones.includes(zone)) &&
        !project.instances.some((i) => i.zone === zone)
      ) {
        throw new GoogleApiError({
          httpStatus: 404,
          status: 'NOT_FOUND',
          message: `The resource 'projects/${project.projectId}/zones/${zone}' was not found`,
          reason: 'notFound',
        });
      }
      return listResponse(
        request,
        project,
        'compute#instanceList',
        `zones/${zone}/instances`,
        project.instances
          .filter((instance) => instance.zone === zone)
          .map((instance) => renderInstance(project, instance)),
      );
    });
  }
  if (rest === 'global/networks') {
    return route('networks.list', 'compute.networks.list', (project) =>
      listResponse(
        request,
        project,
        'compute#networkList',
        'global/networks',
        project.networks.map((n) => renderNetwork(project, n)),
      ),
    );
  }
  if (rest === 'global/firewalls') {
    return route('firewalls.list', 'compute.firewalls.list', (project) =>
      listResponse(
        request,
        project,
        'compute#firewallList',
        'global/firewalls',
        project.firewalls.map((f) => renderFirewall(project, f)),
      ),
    );
  }
  if (rest === 'aggregated/subnetworks') {
    return route('subnetworks.aggregatedList', 'compute.subnetworks.list', (project) =>
      aggregatedResponse(
        request,
        project,
        {
          kind: 'compute#subnetworkAggregatedList',
          path: 'aggregated/subnetworks',
          listField: 'subnetworks',
          scopes: regionScopes(),
        },
        project.subnetworks.map((subnet) => ({
          scope: `regions/${subnet.region}`,
          render: () => renderSubnetwork(project, subnet),
        })),
      ),
    );
  }
  if (s.length === 7 && s[4] === 'regions' && s[6] === 'subnetworks') {
    const region = s[5] ?? '';
    return route('subnetworks.list', 'compute.subnetworks.list', (project) =>
      listResponse(
        request,
        project,
        'compute#subnetworkList',
        `regions/${region}/subnetworks`,
        project.subnetworks
          .filter((subnet) => subnet.region === region)
          .map((subnet) => renderSubnetwork(project, subnet)),
      ),
    );
  }
  if (rest === 'zones') {
    return route('zones.list', 'compute.zones.list', (project) =>
      listResponse(
        request,
        project,
        'compute#zoneList',
        'zones',
        GCP_REGIONS.flatMap((region) =>
          region.zones.map((zone) => ({
            kind: 'compute#zone',
            id: numericId(zone).slice(0, 4),
            creationTimestamp: '1969-12-31T16:00:00.000-08:00',
            name: zone,
            description: zone,
            status: 'UP',
            region: `${projectUrl(project)}/regions/${region.name}`,
            selfLink: `${projectUrl(project)}/zones/${zone}`,
            availableCpuPlatforms: ['Intel Broadwell', 'Intel Cascade Lake', 'AMD Milan'],
            supportsPzs: false,
          })),
        ),
      ),
    );
  }
  if (rest === 'regions') {
    return route('regions.list', 'compute.regions.list', (project) =>
      listResponse(
        request,
        project,
        'compute#regionList',
        'regions',
        GCP_REGIONS.map((region) => ({
          kind: 'compute#region',
          id: numericId(region.name).slice(0, 4),
          creationTimestamp: '1969-12-31T16:00:00.000-08:00',
          name: region.name,
          description: region.name,
          status: 'UP',
          zones: region.zones.map((zone) => `${projectUrl(project)}/zones/${zone}`),
          quotas: [],
          selfLink: `${projectUrl(project)}/regions/${region.name}`,
          supportsPzs: false,
        })),
      ),
    );
  }
  return undefined;
};
