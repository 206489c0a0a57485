import type {
  AwsAutoScalingGroup,
  AwsLaunchConfiguration,
  AwsLaunchTemplate,
  AwsLaunchTemplateVersion,
  AwsMetadataOptions,
} from './estate-autoscaling-types.ts';
import type { AwsRegionResources } from './estate-types.ts';
import { ec2Id, uuid } from './ids.ts';
import type { Rng } from './random.ts';

export interface AutoScalingGenerationInput {
  rng: Rng;
  /** Reference time of the estate (ms). */
  now: number;
  accountId: string;
  accountName: string;
  region: string;
  /** The region's resources the groups and templates use (instances are handed out to groups). */
  resources: Pick<AwsRegionResources, 'instances' | 'subnets' | 'securityGroups' | 'keyPairs' | 'images'>;
  groups: number;
  /** Seed the deliberate misconfigurations in this region. */
  misconfigurations: boolean;
}

export type GeneratedAutoScaling = Pick<
  AwsRegionResources,
  'launchTemplates' | 'launchConfigurations' | 'autoScalingGroups'
>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000Z');
const IMDS_V2: AwsMetadataOptions = {
  httpTokens: 'required',
  httpEndpoint: 'enabled',
  httpPutResponseHopLimit: 2,
};
const IMDS_V1: AwsMetadataOptions = {
  httpTokens: 'optional',
  httpEndpoint: 'enabled',
  httpPutResponseHopLimit: 1,
};

/**
 * The launch templates, launch configurations and Auto Scaling groups of one
 * region: each generic group runs on a launch template of its own (IMDSv2
 * required, no public IP) and takes a few of the region's instances. Where
 * misconfigurations are seeded: a template whose latest version allows IMDSv1
 * (`<account>-legacy-imdsv1`, the first version was fine), one that assigns
 * public IPs (`<account>-public-web`), and a launch configuration doing both
 * (`<account>-legacy-lc`), each used by a group.
 */
export function generateAutoScaling(input: AutoScalingGenerationInput): GeneratedAutoScaling {
  const { rng, accountId, accountName, region, resources } = input;
  const at = (daysAgo: number) => iso(input.now - daysAgo * DAY - rng.int(0, 86_399) * 1000);
  const free = [...resources.instances];
  const launchTemplates: AwsLaunchTemplate[] = [];
  const launchConfigurations: AwsLaunchConfiguration[] = [];
  const autoScalingGroups: AwsAutoScalingGroup[] = [];
  const image = () => resources.images[0]?.imageId ?? ec2Id(rng, 'ami');
  const securityGroup = () =>
    resources.securityGroups.length > 0 ? [rng.pick(resources.securityGroups).groupId] : [];
  const keyName = () => (resources.keyPairs.length > 0 ? rng.pick(resources.keyPairs).keyName : undefined);

  const version = (n: number, fields: Partial<AwsLaunchTemplateVersion> = {}): AwsLaunchTemplateVersion => {
    const key = keyName();
    return {
      versionNumber: n,
      createTime: at(100 - n * 10),
      imageId: image(),
      instanceType: rng.pick(['t3.medium', 'm6i.large', 'c6g.large']),
      ...(key ? { keyName: key } : {}),
      securityGroupIds: securityGroup(),
      associatePublicIpAddress: false,
      metadataOptions: IMDS_V2,
      ...fields,
    };
  };
  const template = (name: string, versions: AwsLaunchTemplateVersion[]): AwsLaunchTemplate => {
    const t: AwsLaunchTemplate = {
      launchTemplateId: ec2Id(rng, 'lt'),
      launchTemplateName: name,
      createTime: versions[0]?.createTime ?? at(100),
      createdBy: `arn:aws:iam::${accountId}:role/${accountName}-deployer`,
      defaultVersionNumber: 1,
      versions,
      tags: [{ key: 'Name', value: name }],
    };
    launchTemplates.push(t);
    return t;
  };
  const group = (
    name: string,
    launch: Pick<AwsAutoScalingGroup, 'launchTemplate' | 'launchConfigurationName'>,
  ) => {
    const subnets = resources.subnets.slice(0, 2);
    const instanceIds = free.splice(0, Math.min(2, free.length)).map((i) => i.instanceId);
    autoScalingGroups.push({
      name,
      arn: `arn:aws:autoscaling:${region}:${accountId}:autoScalingGroup:${uuid(rng)}:autoScalingGroupName/${name}`,
      ...launch,
      minSize: instanceIds.length,
      maxSize: Math.max(4, instanceIds.length),
      desiredCapacity: instanceIds.length,
      defaultCooldown: 300,
      availabilityZones: [...new Set(subnets.map((s) => s.availabilityZone))],
      subnetIds: subnets.map((s) => s.subnetId),
      healthCheckType: rng.chance(0.5) ? 'ELB' : 'EC2',
      healthCheckGracePeriod: 300,
      createdTime: at(rng.int(30, 400)),
      instanceIds,
      newInstancesProtectedFromScaleIn: false,
      capacityRebalance: false,
      tags: [{ key: 'Name', value: name }],
    });
  };
  const onTemplate = (t: AwsLaunchTemplate, v = '$Latest') => ({
    launchTemplate: { id: t.launchTemplateId, name: t.launchTemplateName, version: v },
  });

  for (let i = 0; i < input.groups; i++) {
    const t = template(`${accountName}-app-${i + 1}`, [version(1), version(2)]);
    group(`${accountName}-app-${i + 1}-asg`, onTemplate(t));
  }
  if (input.misconfigurations) {
    const legacy = template(`${accountName}-legacy-imdsv1`, [
      version(1),
      version(2, { metadataOptions: IMDS_V1 }),
    ]);
    group(`${accountName}-legacy-asg`, onTemplate(legacy));
    const web = template(`${accountName}-public-web`, [version(1, { associatePublicIpAddress: true })]);
    group(`${accountName}-public-web-asg`, onTemplate(web, '1'));
    const name = `${accountName}-legacy-lc`;
    launchConfigurations.push({
      name,
      arn: `arn:aws:autoscaling:${region}:${accountId}:launchConfiguration:${uuid(rng)}:launchConfigurationName/${name}`,
      createdTime: at(900),
      imageId: image(),
      instanceType: 't2.micro',
      securityGroups: securityGroup(),
      associatePublicIpAddress: true,
      metadataOptions: IMDS_V1,
    });
    group(`${accountName}-legacy-lc-asg`, { launchConfigurationName: name });
  }
  return { launchTemplates, launchConfigurations, autoScalingGroups };
}
