import { type AnyLoad, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { compute_v1 } from 'googleapis/build/src/apis/compute/v1.js';
import { paginate } from '../api/paginate.ts';
import type { ProjectContext } from '../project-context.ts';
import { GCPVpc } from '../schema/vpc.ts';
import { SERVICE_APIS, whenApiEnabled } from '../services/api-gate.ts';
import { partialUri } from './compute-uri.ts';

/** One page of `networks.list`. */
export type NetworkListPage = compute_v1.Schema$NetworkList;

/** VPC networks of one page as GCPVpc rows. */
export function transformNetworks(page: NetworkListPage, projectId: string): AnyLoad[] {
  const rows: NodeRow<typeof GCPVpc>[] = [];
  for (const network of page.items ?? []) {
    if (!network.name) continue;
    const id = network.selfLink
      ? partialUri(network.selfLink)
      : `projects/${projectId}/global/networks/${network.name}`;
    rows.push({
      id,
      partial_uri: id,
      self_link: network.selfLink ?? null,
      name: network.name,
      project_id: projectId,
      auto_create_subnetworks: network.autoCreateSubnetworks ?? null,
      routing_config_routing_mode: network.routingConfig?.routingMode ?? null,
      description: network.description ?? null,
      mtu: network.mtu ?? null,
    });
  }
  return [load(GCPVpc, rows)];
}

/** VPC networks of a project (`compute.networks.list`). */
export const networksCollector = defineCollector<ProjectContext, NetworkListPage>({
  name: 'compute-networks',
  schemas: [GCPVpc],
  fetch: (ctx) =>
    whenApiEnabled(ctx, SERVICE_APIS.compute, () =>
      paginate(ctx, 'compute:networks.list', (pageToken) =>
        ctx.context.clients.compute.networks.list(
          { project: ctx.context.project.projectId, maxResults: 500, ...(pageToken ? { pageToken } : {}) },
          { signal: ctx.signal },
        ),
      ),
    ),
  transform: (page, ctx) => transformNetworks(page, ctx.context.project.projectId),
});
