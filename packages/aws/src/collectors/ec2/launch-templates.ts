import {
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  type EC2Client,
  type LaunchTemplate as SdkLaunchTemplate,
  type LaunchTemplateVersion as SdkLaunchTemplateVersion,
} from '@aws-sdk/client-ec2';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { LaunchTemplate, LaunchTemplateVersion } from '../../schema/autoscaling.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, unixSeconds, type Where } from '../where.ts';

/** One DescribeLaunchTemplates page with every version of its templates. */
export interface LaunchTemplatePage {
  templates: SdkLaunchTemplate[];
  versions: SdkLaunchTemplateVersion[];
}

/** Seconds since the epoch as a string, as Cartography writes launch template times. */
const epochString = (value: Date | undefined) => {
  const seconds = unixSeconds(value);
  return seconds === undefined ? undefined : String(seconds);
};

/** Whether a template's network interfaces ask for a public IP (undefined when none says). */
function publicIp(version: SdkLaunchTemplateVersion): boolean | undefined {
  const answers = present(
    (version.LaunchTemplateData?.NetworkInterfaces ?? []).map((n) => n.AssociatePublicIpAddress),
  );
  return answers.length === 0 ? undefined : answers.some((a) => a);
}

/** Template and version rows of one page (templates first: versions point at them). */
export function transformLaunchTemplates(page: LaunchTemplatePage, where: Where) {
  const templates: NodeRow<typeof LaunchTemplate>[] = [];
  for (const t of page.templates) {
    if (!t.LaunchTemplateId) continue;
    templates.push({
      id: t.LaunchTemplateId,
      launch_template_id: t.LaunchTemplateId,
      name: t.LaunchTemplateName,
      create_time: epochString(t.CreateTime),
      created_by: t.CreatedBy,
      default_version_number: t.DefaultVersionNumber,
      latest_version_number: t.LatestVersionNumber,
      region: where.region,
    });
  }
  const versions: NodeRow<typeof LaunchTemplateVersion>[] = [];
  for (const v of page.versions) {
    if (!v.LaunchTemplateId || v.VersionNumber === undefined) continue;
    const data = v.LaunchTemplateData ?? {};
    const interfaces = data.NetworkInterfaces ?? [];
    const metadata = data.MetadataOptions;
    versions.push({
      id: `${v.LaunchTemplateId}-${v.VersionNumber}`,
      name: v.LaunchTemplateName,
      create_time: epochString(v.CreateTime),
      created_by: v.CreatedBy,
      default_version: v.DefaultVersion,
      version_number: v.VersionNumber,
      version_description: v.VersionDescription,
      kernel_id: data.KernelId,
      ebs_optimized: data.EbsOptimized,
      iam_instance_profile_arn: data.IamInstanceProfile?.Arn,
      iam_instance_profile_name: data.IamInstanceProfile?.Name,
      image_id: data.ImageId,
      instance_type: data.InstanceType,
      key_name: data.KeyName,
      monitoring_enabled: data.Monitoring?.Enabled,
      ramdisk_id: data.RamDiskId,
      disable_api_termination: data.DisableApiTermination,
      instance_initiated_shutdown_behavior: data.InstanceInitiatedShutdownBehavior,
      // Groups on the network interfaces count too: a template with interfaces must put them there.
      security_group_ids: [
        ...new Set([...(data.SecurityGroupIds ?? []), ...interfaces.flatMap((n) => n.Groups ?? [])]),
      ],
      security_groups: data.SecurityGroups,
      metadatahttptokens: metadata?.HttpTokens,
      metadatahttpendpoint: metadata?.HttpEndpoint,
      metadatahttpputresponsehoplimit: metadata?.HttpPutResponseHopLimit,
      associate_public_ip_address: publicIp(v),
      region: where.region,
      template: v.LaunchTemplateId,
    });
  }
  return [load(LaunchTemplate, templates), load(LaunchTemplateVersion, versions)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** Every version of one template; a template deleted since it was listed has none (with a warning). */
async function versionsOf(ctx: Ctx, ec2: EC2Client, LaunchTemplateId: string) {
  const versions: SdkLaunchTemplateVersion[] = [];
  await unlessRefused(
    ctx,
    {
      message: 'a launch template request refused; left unknown',
      operation: 'DescribeLaunchTemplateVersions',
      id: LaunchTemplateId,
    },
    async () => {
      for await (const page of paginate(
        ctx,
        'ec2:DescribeLaunchTemplateVersions',
        (NextToken) =>
          ec2.send(
            new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId, MaxResults: 200, NextToken }),
            {
              abortSignal: requestSignal(ctx.signal),
            },
          ),
        (p) => p.NextToken,
      )) {
        versions.push(...(page.LaunchTemplateVersions ?? []));
      }
    },
  );
  return versions;
}

async function* launchTemplatePages(ctx: Ctx, ec2: EC2Client): AsyncIterable<LaunchTemplatePage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'ec2:DescribeLaunchTemplates',
    (NextToken) =>
      ec2.send(new DescribeLaunchTemplatesCommand({ MaxResults: 200, NextToken }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextToken,
  )) {
    const templates = page.LaunchTemplates ?? [];
    const ids = present(templates.map((t) => t.LaunchTemplateId));
    const versions = await Promise.all(ids.map((id) => limit(() => versionsOf(ctx, ec2, id))));
    yield { templates, versions: versions.flat() };
  }
}

/**
 * The launch templates of a region with every version, their IMDS settings
 * and public IP assignment (EC2 DescribeLaunchTemplates, then
 * DescribeLaunchTemplateVersions per template).
 */
export const launchTemplatesCollector = defineCollector<AwsScopeContext, LaunchTemplatePage>({
  name: 'ec2:launch-templates',
  schemas: [LaunchTemplate, LaunchTemplateVersion],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.ec2(ctx.context.region), (ec2) => launchTemplatePages(ctx, ec2)),
  transform: (page, ctx) => transformLaunchTemplates(page, ctx.context),
});
