import {
  DescribeLoadBalancersCommand,
  type DescribeLoadBalancersCommandOutput,
} from '@aws-sdk/client-elastic-load-balancing';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AWSLoadBalancer, ELBListener } from '../../schema/load-balancer.ts';
import { loadBalancerInterfaceDescription } from '../../schema/network-interface.ts';
import { isoDate, present, type Where } from '../where.ts';

type Page = Pick<DescribeLoadBalancersCommandOutput, 'LoadBalancerDescriptions'>;

/** Classic load balancer and listener rows of one DescribeLoadBalancers page (listeners after their load balancer). */
export function transformClassicLoadBalancers(page: Page, where: Where) {
  const balancers: NodeRow<typeof AWSLoadBalancer>[] = [];
  const listeners: NodeRow<typeof ELBListener>[] = [];
  for (const lb of page.LoadBalancerDescriptions ?? []) {
    if (!lb.DNSName || !lb.LoadBalancerName) continue;
    const subnets = present(lb.Subnets);
    balancers.push({
      id: lb.DNSName,
      name: lb.LoadBalancerName,
      dnsname: lb.DNSName,
      canonicalhostedzonename: lb.CanonicalHostedZoneName,
      canonicalhostedzonenameid: lb.CanonicalHostedZoneNameID,
      scheme: lb.Scheme,
      vpcid: lb.VPCId,
      createdtime: isoDate(lb.CreatedTime),
      region: where.region,
      instances: present((lb.Instances ?? []).map((i) => i.InstanceId)),
      securityGroups: present(lb.SecurityGroups),
      partOfSubnets: subnets,
      sourceSecurityGroup: lb.SourceSecurityGroup?.GroupName,
      networkInterfaces: [loadBalancerInterfaceDescription(lb.LoadBalancerName)],
    });
    for (const d of lb.ListenerDescriptions ?? []) {
      const l = d.Listener;
      if (!l?.Protocol || l.LoadBalancerPort === undefined) continue;
      listeners.push({
        id: `${lb.DNSName}${l.LoadBalancerPort}${l.Protocol}`,
        port: l.LoadBalancerPort,
        protocol: l.Protocol,
        instance_port: l.InstancePort,
        instance_protocol: l.InstanceProtocol,
        policy_names: present(d.PolicyNames),
        ssl_certificate_id: l.SSLCertificateId,
        region: where.region,
        loadBalancer: lb.DNSName,
      });
    }
  }
  return [load(AWSLoadBalancer, balancers), load(ELBListener, listeners)] as const;
}

/** Classic load balancers of a region with their listeners and registered instances (ELB DescribeLoadBalancers). */
export const classicLoadBalancersCollector = defineCollector<AwsScopeContext, Page>({
  name: 'elb:load-balancers',
  schemas: [AWSLoadBalancer, ELBListener],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.elb(ctx.context.region), (elb) =>
      paginate(
        ctx,
        'elb:DescribeLoadBalancers',
        (Marker) =>
          elb.send(new DescribeLoadBalancersCommand({ PageSize: 400, Marker }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        (p) => p.NextMarker,
      ),
    ),
  transform: (page, ctx) => transformClassicLoadBalancers(page, ctx.context),
});
