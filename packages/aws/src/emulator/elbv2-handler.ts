import { AwsApiError } from './api-error.ts';
import type { AwsListener, AwsLoadBalancerV2, AwsRegionResources, AwsTargetGroup } from './estate-types.ts';
import { emptyRegion } from './generate-region.ts';
import { markerPage } from './query-paging.ts';
import { listParam, type RequestContext, structListParam } from './request-context.ts';
import { el, list, stringList, wrap } from './xml.ts';

const EMPTY = emptyRegion();
const regionOf = (ctx: RequestContext): AwsRegionResources => ctx.account.regions[ctx.region] ?? EMPTY;
const PAGING = { sizeParam: 'PageSize', min: 1, max: 400, defaultSize: 400, errorCode: 'ValidationError' };

function byArnOrName<T>(
  all: readonly T[],
  arns: string[],
  names: string[],
  arnOf: (t: T) => string,
  nameOf: (t: T) => string,
  notFound: () => AwsApiError,
): readonly T[] {
  if (arns.length === 0 && names.length === 0) return all;
  const out = all.filter((t) => arns.includes(arnOf(t)) || names.includes(nameOf(t)));
  if (out.length < arns.length + names.length) throw notFound();
  return out;
}

const lbNotFound = () => new AwsApiError('LoadBalancerNotFound', 'One or more load balancers not found');
const tgNotFound = () => new AwsApiError('TargetGroupNotFound', 'One or more target groups not found');

function renderLoadBalancer(lb: AwsLoadBalancerV2): string {
  return (
    el('LoadBalancerArn', lb.loadBalancerArn) +
    el('DNSName', lb.dnsName) +
    el('CanonicalHostedZoneId', lb.canonicalHostedZoneId) +
    el('CreatedTime', lb.createdTime) +
    el('LoadBalancerName', lb.loadBalancerName) +
    el('Scheme', lb.scheme) +
    el('VpcId', lb.vpcId) +
    wrap('State', el('Code', lb.state)) +
    el('Type', lb.type) +
    list(
      'AvailabilityZones',
      'member',
      lb.availabilityZones,
      (z) => `${el('ZoneName', z.zoneName) + el('SubnetId', z.subnetId)}<LoadBalancerAddresses/>`,
    ) +
    (lb.type === 'network' && lb.securityGroups.length === 0
      ? ''
      : stringList('SecurityGroups', 'member', lb.securityGroups)) +
    el('IpAddressType', lb.ipAddressType)
  );
}

function describeLoadBalancers(ctx: RequestContext): string {
  const items = byArnOrName(
    regionOf(ctx).loadBalancers,
    listParam(ctx.params, 'LoadBalancerArns'),
    listParam(ctx.params, 'Names'),
    (lb) => lb.loadBalancerArn,
    (lb) => lb.loadBalancerName,
    lbNotFound,
  );
  const page = markerPage(ctx, items, PAGING);
  return list('LoadBalancers', 'member', page.items, renderLoadBalancer) + el('NextMarker', page.nextMarker);
}

function renderListener(l: AwsListener): string {
  return (
    el('ListenerArn', l.listenerArn) +
    el('LoadBalancerArn', l.loadBalancerArn) +
    el('Port', l.port) +
    el('Protocol', l.protocol) +
    (l.certificateArns.length > 0
      ? list('Certificates', 'member', l.certificateArns, (c) => el('CertificateArn', c))
      : '') +
    el('SslPolicy', l.sslPolicy) +
    list(
      'DefaultActions',
      'member',
      l.defaultActions,
      (a) =>
        el('Type', a.type) +
        el('TargetGroupArn', a.targetGroupArn) +
        el('Order', a.order) +
        (a.type === 'forward' && a.targetGroupArn
          ? wrap(
              'ForwardConfig',
              list(
                'TargetGroups',
                'member',
                [a.targetGroupArn],
                (arn) => el('TargetGroupArn', arn) + el('Weight', 1),
              ) + wrap('TargetGroupStickinessConfig', el('Enabled', false)),
            )
          : '') +
        (a.redirect
          ? wrap(
              'RedirectConfig',
              el('Protocol', a.redirect.protocol) +
                el('Port', a.redirect.port) +
                el('StatusCode', a.redirect.statusCode),
            )
          : ''),
    )
  );
}

function describeListeners(ctx: RequestContext): string {
  const region = regionOf(ctx);
  const lbArn = ctx.params.get('LoadBalancerArn');
  const arns = listParam(ctx.params, 'ListenerArns');
  let items: readonly AwsListener[];
  if (lbArn) {
    if (!region.loadBalancers.some((lb) => lb.loadBalancerArn === lbArn)) throw lbNotFound();
    items = region.listeners.filter((l) => l.loadBalancerArn === lbArn);
  } else if (arns.length > 0) {
    items = region.listeners.filter((l) => arns.includes(l.listenerArn));
    if (items.length < arns.length)
      throw new AwsApiError('ListenerNotFound', 'One or more listeners not found');
  } else {
    throw new AwsApiError('ValidationError', 'You must specify either listener ARNs or a load balancer ARN');
  }
  const page = markerPage(ctx, items, PAGING);
  return list('Listeners', 'member', page.items, renderListener) + el('NextMarker', page.nextMarker);
}

function renderTargetGroup(tg: AwsTargetGroup): string {
  const http = tg.protocol === 'HTTP' || tg.protocol === 'HTTPS';
  return (
    el('TargetGroupArn', tg.targetGroupArn) +
    el('TargetGroupName', tg.targetGroupName) +
    el('Protocol', tg.protocol) +
    el('Port', tg.port) +
    el('VpcId', tg.vpcId) +
    el('HealthCheckProtocol', tg.healthCheckProtocol) +
    el('HealthCheckPort', tg.healthCheckPort) +
    el('HealthCheckEnabled', true) +
    el('HealthCheckIntervalSeconds', 30) +
    el('HealthCheckTimeoutSeconds', http ? 5 : 10) +
    el('HealthyThresholdCount', 5) +
    el('UnhealthyThresholdCount', 2) +
    el('HealthCheckPath', tg.healthCheckPath) +
    (http ? wrap('Matcher', el('HttpCode', '200')) : '') +
    stringList('LoadBalancerArns', 'member', tg.loadBalancerArns) +
    el('TargetType', tg.targetType) +
    (http ? el('ProtocolVersion', 'HTTP1') : '') +
    el('IpAddressType', 'ipv4')
  );
}

function describeTargetGroups(ctx: RequestContext): string {
  const region = regionOf(ctx);
  const lbArn = ctx.params.get('LoadBalancerArn');
  let all: readonly AwsTargetGroup[] = region.targetGroups;
  if (lbArn) {
    if (!region.loadBalancers.some((lb) => lb.loadBalancerArn === lbArn)) throw lbNotFound();
    all = all.filter((tg) => tg.loadBalancerArns.includes(lbArn));
  }
  const items = byArnOrName(
    all,
    listParam(ctx.params, 'TargetGroupArns'),
    listParam(ctx.params, 'Names'),
    (tg) => tg.targetGroupArn,
    (tg) => tg.targetGroupName,
    tgNotFound,
  );
  const page = markerPage(ctx, items, PAGING);
  return list('TargetGroups', 'member', page.items, renderTargetGroup) + el('NextMarker', page.nextMarker);
}

function describeTargetHealth(ctx: RequestContext): string {
  const arn = ctx.params.get('TargetGroupArn');
  if (!arn)
    throw new AwsApiError(
      'ValidationError',
      "1 validation error detected: Value null at 'targetGroupArn' failed to satisfy constraint: Member must not be null",
    );
  const tg = regionOf(ctx).targetGroups.find((t) => t.targetGroupArn === arn);
  if (!tg) throw tgNotFound();
  const wanted = structListParam(ctx.params, 'Targets').map((t) => t.get('Id'));
  const targets = wanted.length > 0 ? tg.targets.filter((t) => wanted.includes(t.id)) : tg.targets;
  return list(
    'TargetHealthDescriptions',
    'member',
    targets,
    (t) =>
      wrap('Target', el('Id', t.id) + el('Port', t.port) + el('AvailabilityZone', t.availabilityZone)) +
      el('HealthCheckPort', String(t.port)) +
      wrap(
        'TargetHealth',
        el('State', t.health) +
          el('Reason', t.reason) +
          el('Description', t.health === 'unhealthy' ? 'Health checks failed' : undefined),
      ),
  );
}

const OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeLoadBalancers: describeLoadBalancers,
  DescribeListeners: describeListeners,
  DescribeTargetGroups: describeTargetGroups,
  DescribeTargetHealth: describeTargetHealth,
};

export const ELBV2_OPERATIONS: readonly string[] = Object.keys(OPERATIONS);

export function handleElbv2(ctx: RequestContext): string {
  const op = OPERATIONS[ctx.operation];
  if (!op)
    throw new AwsApiError(
      'InvalidAction',
      `Could not find operation ${ctx.operation} for version 2015-12-01`,
    );
  return op(ctx);
}
