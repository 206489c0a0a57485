import { AwsApiError } from './api-error.ts';
import type { AwsAutoScalingGroup, AwsLaunchConfiguration } from './estate-autoscaling-types.ts';
import type { AwsInstance, AwsTag } from './estate-types.ts';
import { emptyRegion } from './generate-region.ts';
import { decodeToken, encodeToken, intParam, pageOf } from './paging.ts';
import { queryService } from './query-service.ts';
import { listParam, type RequestContext, structListParam, subList } from './request-context.ts';
import type { EmulatedService } from './services.ts';
import { el, list, stringList, wrap } from './xml.ts';

/**
 * Amazon EC2 Auto Scaling (AWS Query, 2011-01-01): DescribeAutoScalingGroups
 * and DescribeLaunchConfigurations, paged with MaxRecords (1..100, default
 * 50) and NextToken.
 */

const EMPTY = emptyRegion();
const regionOf = (ctx: RequestContext) => ctx.account.regions[ctx.region] ?? EMPTY;
const validation = (message: string) => new AwsApiError('ValidationError', message);

function page<T>(ctx: RequestContext, items: readonly T[]): { items: T[]; nextToken: string | undefined } {
  const size = intParam(ctx.params.get('MaxRecords') ?? undefined, 'MaxRecords', validation) ?? 50;
  if (size < 1 || size > 100) {
    throw validation(
      `1 validation error detected: Value '${size}' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100`,
    );
  }
  const token = ctx.params.get('NextToken') ?? undefined;
  const start = decodeToken(
    ctx.operation,
    token,
    () => new AwsApiError('InvalidNextToken', `The token '${token}' is invalid.`),
  );
  const p = pageOf(items, start, size);
  return { items: p.items, nextToken: p.next === undefined ? undefined : encodeToken(ctx.operation, p.next) };
}

/** Only the named ones when names are given (unknown names are left out, as AWS does). */
function named<T>(
  ctx: RequestContext,
  param: string,
  items: readonly T[],
  nameOf: (t: T) => string,
): readonly T[] {
  const names = listParam(ctx.params, param);
  return names.length === 0 ? items : items.filter((i) => names.includes(nameOf(i)));
}

/** `Filters.member.N`: tag-key, tag-value and tag:<key>. */
function filtered(
  ctx: RequestContext,
  groups: readonly AwsAutoScalingGroup[],
): readonly AwsAutoScalingGroup[] {
  const filters = structListParam(ctx.params, 'Filters').map((f) => {
    const name = f.get('Name') ?? '';
    const values = subList(f, 'Values');
    if (name !== 'tag-key' && name !== 'tag-value' && !name.startsWith('tag:')) {
      throw validation(
        `Filter type ${name} is not correct. Allowed Filter types are: auto-scaling-group tag-key tag-value tag`,
      );
    }
    const test = (t: AwsTag) =>
      name === 'tag-key'
        ? values.includes(t.key)
        : name === 'tag-value'
          ? values.includes(t.value)
          : t.key === name.slice(4) && values.includes(t.value);
    return (g: AwsAutoScalingGroup) => g.tags.some(test);
  });
  return groups.filter((g) => filters.every((f) => f(g)));
}

function renderGroup(g: AwsAutoScalingGroup, instances: Map<string, AwsInstance>): string {
  const launch = g.launchTemplate
    ? wrap(
        'LaunchTemplate',
        el('LaunchTemplateId', g.launchTemplate.id) +
          el('LaunchTemplateName', g.launchTemplate.name) +
          el('Version', g.launchTemplate.version),
      )
    : el('LaunchConfigurationName', g.launchConfigurationName);
  return (
    el('AutoScalingGroupName', g.name) +
    el('AutoScalingGroupARN', g.arn) +
    launch +
    el('MinSize', g.minSize) +
    el('MaxSize', g.maxSize) +
    el('DesiredCapacity', g.desiredCapacity) +
    el('DefaultCooldown', g.defaultCooldown) +
    stringList('AvailabilityZones', 'member', g.availabilityZones) +
    '<LoadBalancerNames/><TargetGroupARNs/>' +
    el('HealthCheckType', g.healthCheckType) +
    el('HealthCheckGracePeriod', g.healthCheckGracePeriod) +
    list('Instances', 'member', g.instanceIds, (id) => {
      const i = instances.get(id);
      return (
        el('InstanceId', id) +
        el('InstanceType', i?.instanceType) +
        el('AvailabilityZone', i?.availabilityZone) +
        el('LifecycleState', i?.state === 'running' ? 'InService' : 'Standby') +
        el('HealthStatus', 'Healthy') +
        launch +
        el('ProtectedFromScaleIn', g.newInstancesProtectedFromScaleIn)
      );
    }) +
    el('CreatedTime', g.createdTime) +
    '<SuspendedProcesses/>' +
    el('VPCZoneIdentifier', g.subnetIds.join(',')) +
    '<EnabledMetrics/>' +
    list(
      'Tags',
      'member',
      g.tags,
      (t) =>
        el('ResourceId', g.name) +
        el('ResourceType', 'auto-scaling-group') +
        el('Key', t.key) +
        el('Value', t.value) +
        el('PropagateAtLaunch', true),
    ) +
    stringList('TerminationPolicies', 'member', ['Default']) +
    el('NewInstancesProtectedFromScaleIn', g.newInstancesProtectedFromScaleIn) +
    el(
      'ServiceLinkedRoleARN',
      `arn:aws:iam::${g.arn.split(':')[4]}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`,
    ) +
    el('CapacityRebalance', g.capacityRebalance)
  );
}

function describeAutoScalingGroups(ctx: RequestContext): string {
  const region = regionOf(ctx);
  const groups = filtered(
    ctx,
    named(ctx, 'AutoScalingGroupNames', region.autoScalingGroups, (g) => g.name),
  );
  const { items, nextToken } = page(ctx, groups);
  const instances = new Map(region.instances.map((i) => [i.instanceId, i]));
  return (
    list('AutoScalingGroups', 'member', items, (g) => renderGroup(g, instances)) + el('NextToken', nextToken)
  );
}

function renderLaunchConfiguration(c: AwsLaunchConfiguration): string {
  const m = c.metadataOptions;
  return (
    el('LaunchConfigurationName', c.name) +
    el('LaunchConfigurationARN', c.arn) +
    el('ImageId', c.imageId) +
    el('KeyName', c.keyName ?? '') +
    stringList('SecurityGroups', 'member', c.securityGroups) +
    '<ClassicLinkVPCSecurityGroups/>' +
    el('UserData', '') +
    el('InstanceType', c.instanceType) +
    el('KernelId', '') +
    el('RamdiskId', '') +
    '<BlockDeviceMappings/>' +
    wrap('InstanceMonitoring', el('Enabled', true)) +
    el('IamInstanceProfile', c.iamInstanceProfile) +
    el('CreatedTime', c.createdTime) +
    el('EbsOptimized', false) +
    el('AssociatePublicIpAddress', c.associatePublicIpAddress) +
    (m
      ? wrap(
          'MetadataOptions',
          el('HttpTokens', m.httpTokens) +
            el('HttpPutResponseHopLimit', m.httpPutResponseHopLimit) +
            el('HttpEndpoint', m.httpEndpoint),
        )
      : '')
  );
}

function describeLaunchConfigurations(ctx: RequestContext): string {
  const configs = named(ctx, 'LaunchConfigurationNames', regionOf(ctx).launchConfigurations, (c) => c.name);
  const { items, nextToken } = page(ctx, configs);
  return (
    list('LaunchConfigurations', 'member', items, renderLaunchConfiguration) + el('NextToken', nextToken)
  );
}

const OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  DescribeAutoScalingGroups: describeAutoScalingGroups,
  DescribeLaunchConfigurations: describeLaunchConfigurations,
};

/** Auto Scaling in the emulator's service registry (AWS Query, API version 2011-01-01). */
export const AUTOSCALING_SERVICE: EmulatedService = queryService('autoscaling', '2011-01-01', OPERATIONS);
