import {
  AutoScalingClient,
  DescribeAutoScalingGroupsCommand,
  DescribeLaunchConfigurationsCommand,
  paginateDescribeAutoScalingGroups,
} from '@aws-sdk/client-auto-scaling';
import {
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  EC2Client,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 93,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 20, counts: { autoScalingGroups: 5 } },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const autoscaling = () => new AutoScalingClient(clientConfig(emulator));
const ec2 = () => new EC2Client(clientConfig(emulator));

describe('Auto Scaling emulation', () => {
  it('pages DescribeAutoScalingGroups with MaxRecords and NextToken, with the documented fields', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeAutoScalingGroups({ client: autoscaling(), pageSize: 3 }, {})) {
      pages++;
      names.push(...(page.AutoScalingGroups ?? []).map((g) => g.AutoScalingGroupName ?? ''));
    }
    const model = hubRegion().autoScalingGroups;
    expect(names).toEqual(model.map((g) => g.name));
    expect(pages).toBe(Math.ceil(model.length / 3));
    const first = model[0];
    const out = await autoscaling().send(
      new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [first?.name ?? ''] }),
    );
    const group = out.AutoScalingGroups?.[0];
    expect(group).toMatchObject({
      AutoScalingGroupARN: first?.arn,
      LaunchTemplate: {
        LaunchTemplateId: first?.launchTemplate?.id,
        Version: first?.launchTemplate?.version,
      },
      VPCZoneIdentifier: first?.subnetIds.join(','),
      MinSize: first?.minSize,
    });
    expect(group?.Instances?.map((i) => i.InstanceId)).toEqual(first?.instanceIds);
    expect(group?.CreatedTime).toBeInstanceOf(Date);
    const bad = await rejectionOf(
      autoscaling().send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 101 })),
    );
    expect(bad.name).toBe('ValidationError');
  });

  it('describes launch configurations with their metadata options and public IP setting', async () => {
    const out = await autoscaling().send(new DescribeLaunchConfigurationsCommand({}));
    const model = hubRegion().launchConfigurations;
    expect(out.LaunchConfigurations?.map((c) => c.LaunchConfigurationARN)).toEqual(model.map((c) => c.arn));
    expect(out.LaunchConfigurations?.[0]).toMatchObject({
      AssociatePublicIpAddress: true,
      MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
    });
  });
});

describe('EC2 launch template emulation', () => {
  it('lists templates and every version with metadata options and network interfaces', async () => {
    const model = hubRegion().launchTemplates;
    const templates = await ec2().send(new DescribeLaunchTemplatesCommand({}));
    expect(templates.LaunchTemplates?.map((t) => t.LaunchTemplateId)).toEqual(
      model.map((t) => t.launchTemplateId),
    );
    const legacy = model.find((t) => t.launchTemplateName.endsWith('-legacy-imdsv1'));
    const versions = await ec2().send(
      new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: legacy?.launchTemplateId }),
    );
    expect(
      versions.LaunchTemplateVersions?.map((v) => v.LaunchTemplateData?.MetadataOptions?.HttpTokens),
    ).toEqual(['required', 'optional']);
    expect(versions.LaunchTemplateVersions?.[0]?.LaunchTemplateData?.NetworkInterfaces?.[0]).toMatchObject({
      AssociatePublicIpAddress: false,
      DeviceIndex: 0,
    });
    const latest = await ec2().send(
      new DescribeLaunchTemplateVersionsCommand({
        LaunchTemplateId: legacy?.launchTemplateId,
        Versions: ['$Latest'],
      }),
    );
    expect(latest.LaunchTemplateVersions?.map((v) => v.VersionNumber)).toEqual([2]);
    const missing = await rejectionOf(
      ec2().send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: 'lt-0123456789abcdef0' })),
    );
    expect(missing.name).toBe('InvalidLaunchTemplateId.NotFound');
  });
});
