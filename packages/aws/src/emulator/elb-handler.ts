import { AwsApiError } from './api-error.ts';
import type { AwsClassicLoadBalancer } from './estate-types.ts';
import { markerPage } from './query-paging.ts';
import { listParam, type RequestContext } from './request-context.ts';
import { el, list, stringList, wrap } from './xml.ts';

function render(lb: AwsClassicLoadBalancer): string {
  const hc = lb.healthCheck;
  return (
    el('LoadBalancerName', lb.loadBalancerName) +
    el('DNSName', lb.dnsName) +
    el('CanonicalHostedZoneName', lb.canonicalHostedZoneName) +
    el('CanonicalHostedZoneNameID', lb.canonicalHostedZoneNameId) +
    list(
      'ListenerDescriptions',
      'member',
      lb.listeners,
      (l) =>
        wrap(
          'Listener',
          el('Protocol', l.protocol) +
            el('LoadBalancerPort', l.loadBalancerPort) +
            el('InstanceProtocol', l.instanceProtocol) +
            el('InstancePort', l.instancePort) +
            el('SSLCertificateId', l.sslCertificateId),
        ) + stringList('PolicyNames', 'member', l.policyNames),
    ) +
    wrap('Policies', '<AppCookieStickinessPolicies/><LBCookieStickinessPolicies/><OtherPolicies/>') +
    '<BackendServerDescriptions/>' +
    stringList('AvailabilityZones', 'member', lb.availabilityZones) +
    stringList('Subnets', 'member', lb.subnets) +
    el('VPCId', lb.vpcId) +
    list('Instances', 'member', lb.instanceIds, (id) => el('InstanceId', id)) +
    wrap(
      'HealthCheck',
      el('Target', hc.target) +
        el('Interval', hc.interval) +
        el('Timeout', hc.timeout) +
        el('UnhealthyThreshold', hc.unhealthyThreshold) +
        el('HealthyThreshold', hc.healthyThreshold),
    ) +
    wrap(
      'SourceSecurityGroup',
      el('OwnerAlias', lb.sourceSecurityGroup.ownerAlias) + el('GroupName', lb.sourceSecurityGroup.groupName),
    ) +
    stringList('SecurityGroups', 'member', lb.securityGroups) +
    el('CreatedTime', lb.createdTime) +
    el('Scheme', lb.scheme)
  );
}

function describeLoadBalancers(ctx: RequestContext): string {
  const all = ctx.account.regions[ctx.region]?.classicLoadBalancers ?? [];
  const names = listParam(ctx.params, 'LoadBalancerNames');
  let items: readonly AwsClassicLoadBalancer[] = all;
  if (names.length > 0) {
    const missing = names.find((n) => !all.some((lb) => lb.loadBalancerName === n));
    if (missing)
      throw new AwsApiError('LoadBalancerNotFound', `There is no ACTIVE Load Balancer named '${missing}'`);
    items = all.filter((lb) => names.includes(lb.loadBalancerName));
  }
  const page = markerPage(ctx, items, {
    sizeParam: 'PageSize',
    min: 1,
    max: 400,
    defaultSize: 400,
    errorCode: 'ValidationError',
  });
  return list('LoadBalancerDescriptions', 'member', page.items, render) + el('NextMarker', page.nextMarker);
}

export const ELB_OPERATIONS: readonly string[] = ['DescribeLoadBalancers'];

export function handleElb(ctx: RequestContext): string {
  if (ctx.operation === 'DescribeLoadBalancers') return describeLoadBalancers(ctx);
  throw new AwsApiError('InvalidAction', `Could not find operation ${ctx.operation} for version 2012-06-01`);
}
