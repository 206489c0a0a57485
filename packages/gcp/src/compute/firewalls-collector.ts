import { type AnyLoad, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { compute_v1 } from 'googleapis/build/src/apis/compute/v1.js';
import { paginate } from '../api/paginate.ts';
import type { ProjectContext } from '../project-context.ts';
import { GCPFirewall } from '../schema/firewall.ts';
import { GCPIpRange } from '../schema/ip-range.ts';
import { GCPIpRule } from '../schema/ip-rule.ts';
import { GCPNetworkTag } from '../schema/network-tag.ts';
import { SERVICE_APIS, whenApiEnabled } from '../services/api-gate.ts';
import { networkTagId, partialUri } from './compute-uri.ts';

/** One page of `firewalls.list`. */
export type FirewallListPage = compute_v1.Schema$FirewallList;

/** Protocols whose rules carry ports; for the others a rule covers the whole protocol. */
const PORTED = new Set(['tcp', 'udp', 'sctp']);

interface ParsedRule {
  id: string;
  protocol: string;
  fromport: number | null;
  toport: number | null;
}

/**
 * One allowed/denied entry -> one rule per port or port range, with
 * Cartography's ids: `<fw>/allow/80tcp`, `<fw>/deny/1000to2000udp`,
 * `<fw>/allow/0to65535tcp` for a ported protocol without ports, `<fw>/allow/icmp`.
 */
export function parseFirewallEntry(
  entry: { IPProtocol?: string | null; ports?: string[] | null },
  firewallId: string,
  action: 'allow' | 'deny',
): ParsedRule[] {
  const protocol = (entry.IPProtocol ?? 'all').toLowerCase();
  if (!PORTED.has(protocol)) {
    return [{ id: `${firewallId}/${action}/${protocol}`, protocol, fromport: null, toport: null }];
  }
  const ports = entry.ports && entry.ports.length > 0 ? entry.ports : ['0-65535'];
  return ports.map((port) => {
    const [from = '0', to = from] = port.split('-');
    const label = from === to && !port.includes('-') ? from : `${from}to${to}`;
    return {
      id: `${firewallId}/${action}/${label}${protocol}`,
      protocol,
      fromport: Number(from),
      toport: Number(to),
    };
  });
}

/**
 * Ingress firewalls of one page: target tags, the firewalls, their source
 * ranges and their rules, in the order their relationships need them.
 */
export function transformFirewalls(page: FirewallListPage, projectId: string): AnyLoad[] {
  const tags = new Map<string, NodeRow<typeof GCPNetworkTag>>();
  const firewalls: NodeRow<typeof GCPFirewall>[] = [];
  const ranges = new Map<string, NodeRow<typeof GCPIpRange>>();
  const rules: NodeRow<typeof GCPIpRule>[] = [];
  for (const fw of page.items ?? []) {
    if (!fw.name || (fw.direction ?? 'INGRESS') !== 'INGRESS') continue;
    const id = fw.selfLink ? partialUri(fw.selfLink) : `projects/${projectId}/global/firewalls/${fw.name}`;
    const vpc = fw.network ? partialUri(fw.network) : null;
    const targetTagIds: string[] = [];
    for (const tag of fw.targetTags ?? []) {
      if (!vpc) continue;
      const tagId = networkTagId(vpc, tag);
      targetTagIds.push(tagId);
      tags.set(tagId, { id: tagId, tag_id: tagId, value: tag, vpc });
    }
    firewalls.push({
      id,
      partial_uri: id,
      name: fw.name,
      self_link: fw.selfLink ?? null,
      description: fw.description || null,
      direction: fw.direction ?? 'INGRESS',
      disabled: fw.disabled ?? false,
      priority: fw.priority ?? 1000,
      has_target_service_accounts: (fw.targetServiceAccounts ?? []).length > 0,
      target_service_accounts: fw.targetServiceAccounts ?? null,
      source_ranges: fw.sourceRanges ?? null,
      source_tags: fw.sourceTags ?? null,
      target_tags: fw.targetTags ?? null,
      vpc_partial_uri: vpc,
      log_config_enabled: fw.logConfig?.enable ?? null,
      vpc,
      targetTags: targetTagIds,
    });
    const sourceRanges = fw.sourceRanges ?? [];
    for (const range of sourceRanges) ranges.set(range, { id: range, range });
    const entries = [
      ...(fw.allowed ?? []).map((e) => ({ entry: e, action: 'allow' as const })),
      ...(fw.denied ?? []).map((e) => ({ entry: e, action: 'deny' as const })),
    ];
    for (const { entry, action } of entries) {
      for (const rule of parseFirewallEntry(entry, id, action)) {
        rules.push({
          id: rule.id,
          ruleid: rule.id,
          protocol: rule.protocol,
          fromport: rule.fromport,
          toport: rule.toport,
          ...(action === 'allow' ? { allowedBy: id } : { deniedBy: id }),
          ranges: sourceRanges,
        });
      }
    }
  }
  return [
    load(GCPNetworkTag, [...tags.values()]),
    load(GCPFirewall, firewalls),
    load(GCPIpRange, [...ranges.values()]),
    load(GCPIpRule, rules),
  ];
}

/** Ingress firewall rules of a project (`compute.firewalls.list`), as Cartography loads them. */
export const firewallsCollector = defineCollector<ProjectContext, FirewallListPage>({
  name: 'compute-firewalls',
  schemas: [GCPNetworkTag, GCPFirewall, GCPIpRange, GCPIpRule],
  fetch: (ctx) =>
    whenApiEnabled(ctx, SERVICE_APIS.compute, () =>
      paginate(ctx, 'compute:firewalls.list', (pageToken) =>
        ctx.context.clients.compute.firewalls.list(
          {
            project: ctx.context.project.projectId,
            filter: 'direction = "INGRESS"',
            maxResults: 500,
            ...(pageToken ? { pageToken } : {}),
          },
          { signal: ctx.signal },
        ),
      ),
    ),
  transform: (page, ctx) => transformFirewalls(page, ctx.context.project.projectId),
});
