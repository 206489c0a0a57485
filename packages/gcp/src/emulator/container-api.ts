import { GoogleApiError } from '@skygraph/core/emulator-kit';
import type { ApiRoute, ApiRouter } from './api-route.ts';
import { findProject, GCP_REGIONS, type GcpProject, type GkeCluster, regionOfZone } from './estate.ts';

const CONTAINER_BASE = 'https://container.googleapis.com/v1';
const COMPUTE_BASE = 'https://www.googleapis.com/compute/v1';

function isRegion(location: string): boolean {
  return GCP_REGIONS.some((region) => region.name === location);
}

function clusterZones(cluster: GkeCluster): string[] {
  if (!isRegion(cluster.location)) return [cluster.location];
  return GCP_REGIONS.find((region) => region.name === cluster.location)?.zones ?? [];
}

function fakeCertificate(seed: string): string {
  return Buffer.from(
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(seed).toString('base64')}\n-----END CERTIFICATE-----\n`,
  ).toString('base64');
}

/**
 * GKE speaks proto3 JSON: `false`, `0` and empty lists are omitted, so a
 * disabled feature shows up as `{}` or not at all (`legacyAbac: {}`).
 */
function flag(enabled: boolean): Record<string, boolean> {
  return enabled ? { enabled: true } : {};
}

export function renderCluster(project: GcpProject, cluster: GkeCluster): Record<string, unknown> {
  const zones = clusterZones(cluster);
  const region = isRegion(cluster.location) ? cluster.location : regionOfZone(cluster.location);
  const selfLink = `${CONTAINER_BASE}/projects/${project.projectId}/locations/${cluster.location}/clusters/${cluster.name}`;
  const instanceGroupUrls = cluster.nodePools.flatMap((pool) =>
    zones.map(
      (zone) =>
        `${COMPUTE_BASE}/projects/${project.projectId}/zones/${zone}/instanceGroupManagers/gke-${cluster.name}-${pool.name}-${cluster.id.slice(0, 8)}-grp`,
    ),
  );
  const nodePools = cluster.nodePools.map((pool) => {
    const shielded: Record<string, boolean> = {};
    if (pool.secureBoot) shielded.enableSecureBoot = true;
    if (pool.integrityMonitoring) shielded.enableIntegrityMonitoring = true;
    return {
      name: pool.name,
      config: {
        machineType: pool.machineType,
        diskSizeGb: pool.diskSizeGb,
        oauthScopes: pool.oauthScopes,
        metadata: { 'disable-legacy-endpoints': 'true' },
        imageType: pool.imageType,
        serviceAccount: pool.serviceAccount,
        diskType: 'pd-balanced',
        shieldedInstanceConfig: shielded,
        ...(cluster.workloadIdentity ? { workloadMetadataConfig: { mode: 'GKE_METADATA' } } : {}),
      },
      initialNodeCount: pool.nodeCount,
      ...(pool.autoscaling
        ? {
            autoscaling: {
              enabled: true,
              minNodeCount: pool.autoscaling.minNodeCount,
              maxNodeCount: pool.autoscaling.maxNodeCount,
            },
          }
        : {}),
      management: {
        ...(pool.autoUpgrade ? { autoUpgrade: true } : {}),
        ...(pool.autoRepair ? { autoRepair: true } : {}),
      },
      maxPodsConstraint: { maxPodsPerNode: '110' },
      podIpv4CidrSize: 24,
      locations: zones,
      selfLink: `${selfLink}/nodePools/${pool.name}`,
      version: pool.version,
      instanceGroupUrls: instanceGroupUrls.filter((url) => url.includes(`-${pool.name}-`)),
      status: pool.status,
      upgradeSettings: { maxSurge: 1, strategy: 'SURGE' },
      etag: `${cluster.id.slice(0, 8)}-${pool.name}`,
    };
  });
  const masterAuth: Record<string, unknown> = { clusterCaCertificate: fakeCertificate(`ca:${cluster.id}`) };
  if (cluster.basicAuth) {
    masterAuth.username = cluster.basicAuth.username;
    masterAuth.password = cluster.basicAuth.password;
  }
  if (cluster.issueClientCertificate) {
    masterAuth.clientCertificateConfig = { issueClientCertificate: true };
    masterAuth.clientCertificate = fakeCertificate(`client:${cluster.id}`);
    masterAuth.clientKey = Buffer.from(`key:${cluster.id}`).toString('base64');
  }
  const body: Record<string, unknown> = {
    name: cluster.name,
    ...(cluster.description ? { description: cluster.description } : {}),
    nodeConfig: nodePools[0]?.config ?? {},
    masterAuth,
    loggingService: cluster.loggingService,
    monitoringService: cluster.monitoringService,
    network: cluster.network,
    clusterIpv4Cidr: cluster.clusterIpv4Cidr,
    addonsConfig: {
      httpLoadBalancing: {},
      horizontalPodAutoscaling: {},
      kubernetesDashboard: { disabled: true },
      networkPolicyConfig: cluster.networkPolicy.enabled ? {} : { disabled: true },
    },
    subnetwork: cluster.subnetwork,
    nodePools,
    locations: zones,
    ...(Object.keys(cluster.resourceLabels).length > 0 ? { resourceLabels: cluster.resourceLabels } : {}),
    labelFingerprint: cluster.id.slice(0, 8),
    legacyAbac: flag(cluster.legacyAbac),
    networkPolicy: cluster.networkPolicy.enabled
      ? { provider: cluster.networkPolicy.provider ?? 'CALICO', enabled: true }
      : {},
    ipAllocationPolicy: {
      useIpAliases: true,
      clusterIpv4Cidr: cluster.clusterIpv4Cidr,
      servicesIpv4Cidr: cluster.servicesIpv4Cidr,
      clusterIpv4CidrBlock: cluster.clusterIpv4Cidr,
      servicesIpv4CidrBlock: cluster.servicesIpv4Cidr,
      stackType: 'IPV4',
    },
    masterAuthorizedNetworksConfig: cluster.masterAuthorizedNetworks.enabled
      ? {
          enabled: true,
          ...(cluster.masterAuthorizedNetworks.cidrBlocks.length > 0
            ? { cidrBlocks: cluster.masterAuthorizedNetworks.cidrBlocks }
            : {}),
        }
      : {},
    maintenancePolicy: { resourceVersion: cluster.id.slice(0, 8) },
    networkConfig: {
      network: `projects/${project.projectId}/global/networks/${cluster.network}`,
      subnetwork: `projects/${project.projectId}/regions/${region}/subnetworks/${cluster.subnetwork}`,
      defaultSnatStatus: {},
      datapathProvider: 'LEGACY_DATAPATH',
    },
    defaultMaxPodsConstraint: { maxPodsPerNode: '110' },
    databaseEncryption: cluster.databaseEncryptionKey
      ? { state: 'ENCRYPTED', keyName: cluster.databaseEncryptionKey }
      : { state: 'DECRYPTED' },
    shieldedNodes: flag(cluster.shieldedNodes),
    ...(cluster.releaseChannel ? { releaseChannel: { channel: cluster.releaseChannel } } : {}),
    ...(cluster.workloadIdentity
      ? { workloadIdentityConfig: { workloadPool: `${project.projectId}.svc.id.goog` } }
      : {}),
    selfLink,
    zone: cluster.location,
    endpoint: cluster.endpoint,
    initialClusterVersion: cluster.initialClusterVersion,
    currentMasterVersion: cluster.currentMasterVersion,
    currentNodeVersion: cluster.currentNodeVersion,
    createTime: cluster.createTime.replace(/\.\d{3}Z$/, '+00:00'),
    status: cluster.status,
    servicesIpv4Cidr: cluster.servicesIpv4Cidr,
    instanceGroupUrls,
    currentNodeCount: cluster.nodePools.reduce((sum, pool) => sum + pool.nodeCount * zones.length, 0),
    location: cluster.location,
    id: cluster.id,
    etag: cluster.id.slice(-8),
    loggingConfig: {
      componentConfig:
        cluster.loggingService === 'none' ? {} : { enableComponents: ['SYSTEM_COMPONENTS', 'WORKLOADS'] },
    },
    monitoringConfig: {
      componentConfig:
        cluster.monitoringService === 'none' ? {} : { enableComponents: ['SYSTEM_COMPONENTS'] },
    },
  };
  if (cluster.privateCluster) {
    const pc = cluster.privateCluster;
    body.privateClusterConfig = {
      ...(pc.enablePrivateNodes ? { enablePrivateNodes: true } : {}),
      ...(pc.enablePrivateEndpoint ? { enablePrivateEndpoint: true } : {}),
      masterIpv4CidrBlock: pc.masterIpv4CidrBlock,
      privateEndpoint: pc.privateEndpoint,
      ...(pc.publicEndpoint ? { publicEndpoint: pc.publicEndpoint } : {}),
      peeringName: `gke-n${cluster.id.slice(0, 17)}-peer`,
    };
  }
  return body;
}

/** `-` means every zone and region; otherwise only clusters in exactly that location. */
function matchesLocation(cluster: GkeCluster, location: string): boolean {
  return location === '-' || cluster.location === location;
}

/** Kubernetes Engine v1: `projects.locations.clusters.list/get` and the older `projects.zones.clusters.list`. */
export const containerRouter: ApiRouter = (request) => {
  const s = request.segments;
  if (s[0] !== 'v1' || s[1] !== 'projects' || s[2] === undefined || request.method !== 'GET')
    return undefined;
  if ((s[3] !== 'locations' && s[3] !== 'zones') || s[4] === undefined || s[5] !== 'clusters')
    return undefined;
  const key = s[2];
  const location = s[4];
  const clusterName = s[6];
  if (s.length > 7) return undefined;
  const flavour = s[3] === 'locations' ? 'locations' : 'zones';
  const route = (
    operation: string,
    permission: string,
    handle: (project: GcpProject) => unknown,
  ): ApiRoute => ({
    service: 'container',
    operation: `container.projects.${flavour}.clusters.${operation}`,
    project: key,
    gate: { permission, requiresApi: 'container.googleapis.com', missingProject: 'permissionDenied' },
    handle: () => {
      const project = findProject(request.estate, key);
      if (!project)
        throw new GoogleApiError({
          httpStatus: 404,
          status: 'NOT_FOUND',
          message: `Project "${key}" not found.`,
          reason: 'notFound',
        });
      return handle(project);
    },
  });
  if (clusterName === undefined) {
    return route('list', 'container.clusters.list', (project) => {
      const clusters = project.clusters.filter((cluster) => matchesLocation(cluster, location));
      // proto3 JSON: an empty list is omitted, so "no clusters" is `{}`.
      return clusters.length > 0
        ? { clusters: clusters.map((cluster) => renderCluster(project, cluster)) }
        : {};
    });
  }
  return route('get', 'container.clusters.get', (project) => {
    const cluster = project.clusters.find(
      (candidate) => candidate.name === clusterName && matchesLocation(candidate, location),
    );
    if (!cluster) {
      throw new GoogleApiError({
        httpStatus: 404,
        status: 'NOT_FOUND',
        message: `Not found: projects/${project.projectId}/locations/${location}/clusters/${clusterName}.`,
        reason: 'notFound',
      });
    }
    return renderCluster(project, cluster);
  });
};
