import { type AnyLoad, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { compute_v1 } from 'googleapis/build/src/apis/compute/v1.js';
import { paginate } from '../api/paginate.ts';
import type { ProjectContext } from '../project-context.ts';
import { GCPInstance } from '../schema/instance.ts';
import { GCPNetworkInterface } from '../schema/network-interface.ts';
import { GCPNetworkTag } from '../schema/network-tag.ts';
import { GCPNicAccessConfig } from '../schema/nic-access-config.ts';
import { SERVICE_APIS, whenApiEnabled } from '../services/api-gate.ts';
import { aggregatedItems, checkedAggregated } from './aggregated-list.ts';
import { lastSegment, networkTagId, partialUri } from './compute-uri.ts';

/** One page of `instances.aggregatedList`. */
export type InstanceAggregatedPage = compute_v1.Schema$InstanceAggregatedList;

/**
 * Instances of every zone of one page, with their network tags, network
 * interfaces and access configs, in the order their relationships need them.
 */
export function transformInstances(page: InstanceAggregatedPage, projectId: string): AnyLoad[] {
  const tags = new Map<string, NodeRow<typeof GCPNetworkTag>>();
  const instances: NodeRow<typeof GCPInstance>[] = [];
  const nics: NodeRow<typeof GCPNetworkInterface>[] = [];
  const accessConfigs: NodeRow<typeof GCPNicAccessConfig>[] = [];
  for (const instance of aggregatedItems(page, 'instances')) {
    if (!instance.name) continue;
    const zone = lastSegment(instance.zone) ?? 'unknown';
    const id = instance.selfLink
      ? partialUri(instance.selfLink)
      : `projects/${projectId}/zones/${zone}/instances/${instance.name}`;
    const interfaces = instance.networkInterfaces ?? [];
    const vpcs = [...new Set(interfaces.flatMap((nic) => (nic.network ? [partialUri(nic.network)] : [])))];
    const tagIds: string[] = [];
    for (const tag of instance.tags?.items ?? []) {
      for (const vpc of vpcs) {
        const tagId = networkTagId(vpc, tag);
        tagIds.push(tagId);
        tags.set(tagId, { id: tagId, tag_id: tagId, value: tag, vpc });
      }
    }
    const primary = interfaces[0];
    const serviceAccount = instance.serviceAccounts?.[0];
    instances.push({
      id,
      partial_uri: id,
      self_link: instance.selfLink ?? null,
      instancename: instance.name,
      hostname: instance.hostname ?? null,
      zone_name: zone,
      project_id: projectId,
      status: instance.status ?? null,
      machine_type: lastSegment(instance.machineType) ?? null,
      creation_timestamp: instance.creationTimestamp ?? null,
      private_ip: primary?.networkIP ?? null,
      public_ip: primary?.accessConfigs?.find((ac) => ac.natIP)?.natIP ?? null,
      service_account_email: serviceAccount?.email ?? null,
      service_account_scopes: serviceAccount?.scopes ?? null,
      can_ip_forward: instance.canIpForward ?? null,
      deletion_protection: instance.deletionProtection ?? null,
      enable_secure_boot: instance.shieldedInstanceConfig?.enableSecureBoot ?? null,
      enable_vtpm: instance.shieldedInstanceConfig?.enableVtpm ?? null,
      enable_integrity_monitoring: instance.shieldedInstanceConfig?.enableIntegrityMonitoring ?? null,
      network_tags: instance.tags?.items ?? null,
      tags: tagIds,
      vpcs,
    });
    for (const nic of interfaces) {
      if (!nic.name) continue;
      const nicId = `${id}/networkinterfaces/${nic.name}`;
      const subnet = nic.subnetwork ? partialUri(nic.subnetwork) : null;
      nics.push({
        id: nicId,
        nic_id: nicId,
        name: nic.name,
        private_ip: nic.networkIP ?? null,
        subnet_partial_uri: subnet,
        vpc_partial_uri: nic.network ? partialUri(nic.network) : null,
        instance: id,
        subnet,
      });
      for (const ac of nic.accessConfigs ?? []) {
        const acId = `${nicId}/accessconfigs/${ac.type ?? 'ONE_TO_ONE_NAT'}`;
        accessConfigs.push({
          id: acId,
          partial_uri: acId,
          type: ac.type ?? null,
          name: ac.name ?? null,
          public_ip: ac.natIP ?? null,
          set_public_ptr: ac.setPublicPtr ?? null,
          public_ptr_domain_name: ac.publicPtrDomainName ?? null,
          network_tier: ac.networkTier ?? null,
          networkInterface: nicId,
        });
      }
    }
  }
  return [
    load(GCPNetworkTag, [...tags.values()]),
    load(GCPInstance, instances),
    load(GCPNetworkInterface, nics),
    load(GCPNicAccessConfig, accessConfigs),
  ];
}

/** Instances of every zone of a project (`compute.instances.aggregatedList`). */
export const instancesCollector = defineCollector<ProjectContext, InstanceAggregatedPage>({
  name: 'compute-instances',
  schemas: [GCPNetworkTag, GCPInstance, GCPNetworkInterface, GCPNicAccessConfig],
  fetch: (ctx) =>
    whenApiEnabled(ctx, SERVICE_APIS.compute, () =>
      checkedAggregated(
        'compute.instances.aggregatedList',
        paginate(ctx, 'compute:instances.aggregatedList', (pageToken) =>
          ctx.context.clients.compute.instances.aggregatedList(
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
  transform: (page, ctx) => transformInstances(page, ctx.context.project.projectId),
});
