import {
  type AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  DescribeLaunchConfigurationsCommand,
  type AutoScalingGroup as SdkGroup,
  type LaunchConfiguration as SdkLaunchConfiguration,
} from '@aws-sdk/client-auto-scaling';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { AutoScalingGroup, LaunchConfiguration } from '../../schema/autoscaling.ts';
import { isoDate, present, type Where } from '../where.ts';

/**
 * A page of the collector: launch configurations, then (after all of them)
 * groups with the ARNs of the region's configurations by name, which a group
 * names only by name.
 */
export type AutoScalingPage =
  | { configurations: SdkLaunchConfiguration[] }
  | { groups: SdkGroup[]; configurationArns: ReadonlyMap<string, string> };

/** Launch configuration rows of one DescribeLaunchConfigurations page. */
export function transformLaunchConfigurations(
  configurations: readonly SdkLaunchConfiguration[],
  where: Where,
) {
  const rows: NodeRow<typeof LaunchConfiguration>[] = [];
  for (const c of configurations) {
    if (!c.LaunchConfigurationARN || !c.LaunchConfigurationName) continue;
    rows.push({
      id: c.LaunchConfigurationARN,
      arn: c.LaunchConfigurationARN,
      name: c.LaunchConfigurationName,
      created_time: isoDate(c.CreatedTime),
      image_id: c.ImageId,
      key_name: c.KeyName || undefined,
      security_groups: c.SecurityGroups,
      instance_type: c.InstanceType,
      kernel_id: c.KernelId || undefined,
      ramdisk_id: c.RamdiskId || undefined,
      instance_monitoring_enabled: c.InstanceMonitoring?.Enabled,
      spot_price: c.SpotPrice,
      iam_instance_profile: c.IamInstanceProfile,
      ebs_optimized: c.EbsOptimized,
      associate_public_ip_address: c.AssociatePublicIpAddress,
      placement_tenancy: c.PlacementTenancy,
      metadatahttptokens: c.MetadataOptions?.HttpTokens,
      metadatahttpendpoint: c.MetadataOptions?.HttpEndpoint,
      metadatahttpputresponsehoplimit: c.MetadataOptions?.HttpPutResponseHopLimit,
      region: where.region,
    });
  }
  return [load(LaunchConfiguration, rows)] as const;
}

/** Group rows of one DescribeAutoScalingGroups page, linked to their template or configuration, instances and subnets. */
export function transformAutoScalingGroups(
  groups: readonly SdkGroup[],
  configurationArns: ReadonlyMap<string, string>,
  where: Where,
) {
  const rows: NodeRow<typeof AutoScalingGroup>[] = [];
  for (const g of groups) {
    if (!g.AutoScalingGroupARN || !g.AutoScalingGroupName) continue;
    const template = g.LaunchTemplate ?? g.MixedInstancesPolicy?.LaunchTemplate?.LaunchTemplateSpecification;
    rows.push({
      id: g.AutoScalingGroupARN,
      arn: g.AutoScalingGroupARN,
      name: g.AutoScalingGroupName,
      capacityrebalance: g.CapacityRebalance,
      createdtime: isoDate(g.CreatedTime),
      defaultcooldown: g.DefaultCooldown,
      desiredcapacity: g.DesiredCapacity,
      healthcheckgraceperiod: g.HealthCheckGracePeriod,
      healthchecktype: g.HealthCheckType,
      launchconfigurationname: g.LaunchConfigurationName,
      launchtemplatename: template?.LaunchTemplateName,
      launchtemplateid: template?.LaunchTemplateId,
      launchtemplateversion: template?.Version,
      maxinstancelifetime: g.MaxInstanceLifetime,
      maxsize: g.MaxSize,
      minsize: g.MinSize,
      newinstancesprotectedfromscalein: g.NewInstancesProtectedFromScaleIn,
      status: g.Status,
      region: where.region,
      launchTemplate: template?.LaunchTemplateId,
      launchConfiguration: g.LaunchConfigurationName
        ? configurationArns.get(g.LaunchConfigurationName)
        : undefined,
      instances: present((g.Instances ?? []).map((i) => i.InstanceId)),
      subnets: present((g.VPCZoneIdentifier ?? '').split(',').map((s) => s.trim())),
    });
  }
  return [load(AutoScalingGroup, rows)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

async function* autoScalingPages(ctx: Ctx, client: AutoScalingClient): AsyncIterable<AutoScalingPage> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const configurationArns = new Map<string, string>();
  for await (const page of paginate(
    ctx,
    'autoscaling:DescribeLaunchConfigurations',
    (NextToken) =>
      client.send(new DescribeLaunchConfigurationsCommand({ MaxRecords: 100, NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    const configurations = page.LaunchConfigurations ?? [];
    for (const c of configurations)
      if (c.LaunchConfigurationName && c.LaunchConfigurationARN)
        configurationArns.set(c.LaunchConfigurationName, c.LaunchConfigurationARN);
    yield { configurations };
  }
  for await (const page of paginate(
    ctx,
    'autoscaling:DescribeAutoScalingGroups',
    (NextToken) =>
      client.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 100, NextToken }), signal()),
    (p) => p.NextToken,
  )) {
    yield { groups: page.AutoScalingGroups ?? [], configurationArns };
  }
}

/**
 * The launch configurations and Auto Scaling groups of a region, each group
 * linked to its launch template or configuration, its instances and its
 * subnets (Auto Scaling DescribeLaunchConfigurations, DescribeAutoScalingGroups).
 */
export const autoScalingGroupsCollector = defineCollector<AwsScopeContext, AutoScalingPage>({
  name: 'autoscaling:groups',
  schemas: [LaunchConfiguration, AutoScalingGroup],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.autoScaling(ctx.context.region), (client) =>
      autoScalingPages(ctx, client),
    ),
  transform: (page, ctx) =>
    'configurations' in page
      ? transformLaunchConfigurations(page.configurations, ctx.context)
      : transformAutoScalingGroups(page.groups, page.configurationArns, ctx.context),
});
