import { type AnyLoad, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { compute_v1 } from 'googleapis/build/src/apis/compute/v1.js';
import { paginate } from '../api/paginate.ts';
import type { ProjectContext } from '../project-context.ts';
import { GCPSubnet } from '../schema/subnet.ts';
import { SERVICE_APIS, whenApiEnabled } from '../services/api-gate.ts';
import { aggregatedItems, checkedAggregated } from './aggregated-list.ts';
import { lastSegment, partialUri } from './compute-uri.ts';

/** One page of `subnetworks.aggregatedList`. */
export type SubnetworkAggregatedPage = compute_v1.Schema$SubnetworkAggregatedList;

/** Subnetworks of every region of one page as GCPSubnet rows. */
export function transformSubnets(page: SubnetworkAggregatedPage, projectId: string): AnyLoad[] {
  const rows: NodeRow<typeof GCPSubnet>[] = [];
  for (const subnet of aggregatedItems(page, 'subnetworks')) {
    if (!subnet.name) continue;
    const region = lastSegment(subnet.region);
    const id = subnet.selfLink
      ? partialUri(subnet.selfLink)
      : `projects/${projectId}/regions/${region}/subnetworks/${subnet.name}`;
    const vpc = subnet.network ? partialUri(subnet.network) : null;
    rows.push({
      id,
      partial_uri: id,
      self_link: subnet.selfLink ?? null,
      name: subnet.name,
      project_id: projectId,
      region: region ?? null,
      gateway_address: subnet.gatewayAddress ?? null,
      ip_cidr_range: subnet.ipCidrRange ?? null,
      private_ip_google_access: subnet.privateIpGoogleAccess ?? null,
      purpose: subnet.purpose ?? null,
      flow_logs_enabled: subnet.logConfig?.enable ?? subnet.enableFlowLogs ?? null,
      flow_logs_aggregation_interval: subnet.logConfig?.aggregationInterval ?? null,
      flow_logs_sampling: subnet.logConfig?.flowSampling ?? null,
      flow_logs_metadata: subnet.logConfig?.metadata ?? null,
      vpc_partial_uri: vpc,
      secondary_ip_ranges: (subnet.secondaryIpRanges ?? []).flatMap((r) =>
        r.ipCidrRange ? [r.ipCidrRange] : [],
      ),
      vpc,
    });
  }
  return [load(GCPSubnet, rows)];
}

/** Subnetworks of every region of a project (`compute.subnetworks.aggregatedList`). */
export const subnetsCollector = defineCollector<ProjectContext, SubnetworkAggregatedPage>({
  name: 'compute-subnets',
  schemas: [GCPSubnet],
  fetch: (ctx) =>
    whenApiEnabled(ctx, SERVICE_APIS.compute, () =>
      checkedAggregated(
        'compute.subnetworks.aggregatedList',
        paginate(ctx, 'compute:subnetworks.aggregatedList', (pageToken) =>
          ctx.context.clients.compute.subnetworks.aggregatedList(
            {
              project: ctx.context.project.projectId,
              maxResults: 500,
              ...(pageToken ? { pageToken } : {}),
            },
            { signal: ctx.signal },
          ),
        ),
      ),
    ),
  transform: (page, ctx) => transformSubnets(page, ctx.context.project.projectId),
});
