import {
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  type ElasticLoadBalancingV2Client,
  type Listener,
  type LoadBalancer,
  type TargetGroup,
  type TargetHealthDescription,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AWSLoadBalancerV2, ELBV2Listener } from '../../schema/load-balancer-v2.ts';
import { loadBalancerInterfaceDescription } from '../../schema/network-interface.ts';
import { isoDate, present, type Where } from '../where.ts';

/** One load balancer with what hangs off it. */
export interface LoadBalancerV2Details {
  loadBalancer: LoadBalancer;
  listeners: Listener[];
  targetGroups: { targetGroup: TargetGroup; targets: TargetHealthDescription[] }[];
}

/** A page of load balancers (small, so the details of a page stay small). */
export interface LoadBalancersV2Page {
  loadBalancers: LoadBalancerV2Details[];
}

/**
 * Load balancer and listener rows. A load balancer EXPOSEs the instances
 * registered in its target groups (instance targets only), with the target
 * port, the target group protocol and ARN on the edge.
 */
export function transformLoadBalancersV2(page: LoadBalancersV2Page, where: Where) {
  const balancers: NodeRow<typeof AWSLoadBalancerV2>[] = [];
  const listeners: NodeRow<typeof ELBV2Listener>[] = [];
  for (const { loadBalancer: lb, listeners: lbListeners, targetGroups } of page.loadBalancers) {
    if (!lb.DNSName || !lb.LoadBalancerArn || !lb.LoadBalancerName) continue;
    const subnets = present((lb.AvailabilityZones ?? []).map((z) => z.SubnetId));
    const exposed = new Map<string, { key: string; props: Record<string, unknown> }>();
    for (const { targetGroup, targets } of targetGroups) {
      if (targetGroup.TargetType !== undefined && targetGroup.TargetType !== 'instance') continue;
      for (const t of targets) {
        const id = t.Target?.Id;
        if (!id || exposed.has(id)) continue;
        exposed.set(id, {
          key: id,
          props: {
            port: t.Target?.Port ?? targetGroup.Port ?? null,
            protocol: targetGroup.Protocol ?? null,
            target_group_arn: targetGroup.TargetGroupArn ?? null,
          },
        });
      }
    }
    balancers.push({
      id: lb.DNSName,
      arn: lb.LoadBalancerArn,
      name: lb.LoadBalancerName,
      dnsname: lb.DNSName,
      type: lb.Type,
      scheme: lb.Scheme,
      state: lb.State?.Code,
      vpcid: lb.VpcId,
      ipaddresstype: lb.IpAddressType,
      canonicalhostedzonenameid: lb.CanonicalHostedZoneId,
      createdtime: isoDate(lb.CreatedTime),
      region: where.region,
      instances: [...exposed.values()],
      securityGroups: present(lb.SecurityGroups),
      subnets,
      partOfSubnets: subnets,
      networkInterfaces: [loadBalancerInterfaceDescription(lb.LoadBalancerName, lb.LoadBalancerArn)],
    });
    for (const l of lbListeners) {
      if (!l.ListenerArn) continue;
      const forward = (l.DefaultActions ?? []).find((a) => a.Type === 'forward');
      listeners.push({
        id: l.ListenerArn,
        arn: l.ListenerArn,
        port: l.Port,
        protocol: l.Protocol,
        ssl_policy: l.SslPolicy,
        targetgrouparn: forward?.TargetGroupArn ?? forward?.ForwardConfig?.TargetGroups?.[0]?.TargetGroupArn,
        region: where.region,
        loadBalancer: lb.DNSName,
      });
    }
  }
  return [load(AWSLoadBalancerV2, balancers), load(ELBV2Listener, listeners)] as const;
}

async function detailsOf(
  ctx: CollectContext<AwsScopeContext>,
  elbv2: ElasticLoadBalancingV2Client,
  lb: LoadBalancer,
): Promise<LoadBalancerV2Details> {
  const arn = lb.LoadBalancerArn;
  const listeners: Listener[] = [];
  const targetGroups: LoadBalancerV2Details['targetGroups'] = [];
  if (!arn) return { loadBalancer: lb, listeners, targetGroups };
  for await (const page of paginate(
    ctx,
    'elbv2:DescribeListeners',
    (Marker) =>
      elbv2.send(new DescribeListenersCommand({ LoadBalancerArn: arn, Marker }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextMarker,
  ))
    listeners.push(...(page.Listeners ?? []));
  for await (const page of paginate(
    ctx,
    'elbv2:DescribeTargetGroups',
    (Marker) =>
      elbv2.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: arn, Marker }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextMarker,
  )) {
    for (const targetGroup of page.TargetGroups ?? []) {
      const tgArn = targetGroup.TargetGroupArn;
      const health = tgArn
        ? await ctx.call('elbv2:DescribeTargetHealth', () =>
            elbv2.send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }), {
              abortSignal: requestSignal(ctx.signal),
            }),
          )
        : undefined;
      targetGroups.push({ targetGroup, targets: health?.TargetHealthDescriptions ?? [] });
    }
  }
  return { loadBalancer: lb, listeners, targetGroups };
}

/** Application and network load balancers of a region with listeners and targets (ELBv2). */
export const loadBalancersV2Collector = defineCollector<AwsScopeContext, LoadBalancersV2Page>({
  name: 'elbv2:load-balancers',
  schemas: [AWSLoadBalancerV2, ELBV2Listener],
  async *fetch(ctx) {
    const elbv2 = ctx.context.clients.elbv2(ctx.context.region);
    try {
      for await (const page of paginate(
        ctx,
        'elbv2:DescribeLoadBalancers',
        (Marker) =>
          elbv2.send(new DescribeLoadBalancersCommand({ PageSize: 20, Marker }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        (p) => p.NextMarker,
      )) {
        const loadBalancers: LoadBalancerV2Details[] = [];
        for (const lb of page.LoadBalancers ?? []) loadBalancers.push(await detailsOf(ctx, elbv2, lb));
        yield { loadBalancers };
      }
    } finally {
      elbv2.destroy();
    }
  },
  transform: (page, ctx) => transformLoadBalancersV2(page, ctx.context),
});
