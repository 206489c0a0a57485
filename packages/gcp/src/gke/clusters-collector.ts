import { type AnyLoad, CollectError, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { container_v1 } from 'googleapis/build/src/apis/container/v1.js';
import type { ProjectContext } from '../project-context.ts';
import { GKECluster } from '../schema/gke-cluster.ts';
import { SERVICE_APIS, whenApiEnabled } from '../services/api-gate.ts';

/** The answer of `projects.locations.clusters.list` for every location (`-`). */
export type ClusterListPage = container_v1.Schema$ListClustersResponse;

/** GKE clusters as GKECluster rows; the basic-auth password is deliberately left out. */
export function transformClusters(page: ClusterListPage, projectId: string): AnyLoad[] {
  const rows: NodeRow<typeof GKECluster>[] = [];
  for (const c of page.clusters ?? []) {
    if (!c.name) continue;
    const selfLink =
      c.selfLink ??
      `https://container.googleapis.com/v1/projects/${projectId}/locations/${c.location ?? c.zone}/clusters/${c.name}`;
    const masterAuth = c.masterAuth ?? {};
    const authorized = c.masterAuthorizedNetworksConfig ?? {};
    const privateConfig = c.privateClusterConfig ?? {};
    rows.push({
      id: selfLink,
      self_link: selfLink,
      name: c.name,
      project_id: projectId,
      description: c.description || null,
      created_at: c.createTime ?? null,
      location: c.location ?? null,
      zone: c.zone ?? null,
      status: c.status ?? null,
      endpoint: c.endpoint ?? null,
      initial_version: c.initialClusterVersion ?? null,
      current_master_version: c.currentMasterVersion ?? null,
      current_node_version: c.currentNodeVersion ?? null,
      network: c.network ?? null,
      subnetwork: c.subnetwork ?? null,
      cluster_ipv4cidr: c.clusterIpv4Cidr ?? null,
      services_ipv4cidr: c.servicesIpv4Cidr ?? null,
      logging_service: c.loggingService ?? null,
      monitoring_service: c.monitoringService ?? null,
      // proto3 JSON leaves out false and empty values: absent means disabled.
      network_policy: c.networkPolicy?.enabled ?? false,
      database_encryption: c.databaseEncryption?.state ?? null,
      master_authorized_networks: authorized.enabled ?? false,
      master_authorized_networks_cidrs: (authorized.cidrBlocks ?? []).flatMap((b) =>
        b.cidrBlock ? [b.cidrBlock] : [],
      ),
      legacy_abac: c.legacyAbac?.enabled ?? false,
      shielded_nodes: c.shieldedNodes?.enabled ?? false,
      workload_identity_enabled: Boolean(c.workloadIdentityConfig?.workloadPool),
      private_nodes: privateConfig.enablePrivateNodes ?? false,
      private_endpoint_enabled: privateConfig.enablePrivateEndpoint ?? false,
      private_endpoint: privateConfig.privateEndpoint ?? null,
      public_endpoint:
        privateConfig.publicEndpoint ?? (privateConfig.enablePrivateEndpoint ? null : (c.endpoint ?? null)),
      masterauth_username: masterAuth.username || null,
      basic_auth: Boolean(masterAuth.username && masterAuth.password),
      issue_client_certificate: masterAuth.clientCertificateConfig?.issueClientCertificate ?? false,
      release_channel: c.releaseChannel?.channel ?? null,
    });
  }
  return [load(GKECluster, rows)];
}

/** GKE clusters of every location of a project (`container.projects.locations.clusters.list`). */
export const clustersCollector = defineCollector<ProjectContext, ClusterListPage>({
  name: 'gke-clusters',
  schemas: [GKECluster],
  fetch: (ctx) =>
    whenApiEnabled(ctx, SERVICE_APIS.gke, async function* () {
      const { data } = await ctx.call('container:projects.locations.clusters.list', () =>
        ctx.context.clients.container.projects.locations.clusters.list(
          { parent: `projects/${ctx.context.project.projectId}/locations/-` },
          { signal: ctx.signal },
        ),
      );
      yield data;
      // Clusters of unreachable zones are missing from the answer: keep the old ones.
      if ((data.missingZones ?? []).length > 0) {
        throw new CollectError(
          'transient',
          `GKE could not reach zones ${data.missingZones?.join(', ')}; clusters found were loaded, nothing was cleaned up`,
        );
      }
    }),
  transform: (page, ctx) => transformClusters(page, ctx.context.project.projectId),
});
