import { describe, expect, it } from 'vitest';
import { transformAutoScalingGroups, transformLaunchConfigurations } from './groups.ts';

const where = { accountId: '111122223333', region: 'us-west-2' };
const LC_ARN =
  'arn:aws:autoscaling:us-west-2:111122223333:launchConfiguration:0d2fa7f4-1f83-4a8c-a9a6-1f0dbc7e4b3f:launchConfigurationName/my-lc';

describe('Auto Scaling', () => {
  it('links a group to its configuration by ARN, its instances and the subnets of VPCZoneIdentifier', () => {
    const [groups] = transformAutoScalingGroups(
      [
        {
          AutoScalingGroupName: 'my-asg',
          AutoScalingGroupARN:
            'arn:aws:autoscaling:us-west-2:111122223333:autoScalingGroup:930d940e:autoScalingGroupName/my-asg',
          LaunchConfigurationName: 'my-lc',
          MinSize: 0,
          MaxSize: 1,
          DesiredCapacity: 1,
          DefaultCooldown: 300,
          AvailabilityZones: ['us-west-2a'],
          HealthCheckType: 'EC2',
          CreatedTime: new Date('2023-03-09T22:15:11.611Z'),
          VPCZoneIdentifier: 'subnet-057fb7a5bb0e1a3f2, subnet-0bd5c0b6c17d7a0c7',
          Instances: [{ InstanceId: 'i-05b4f7d5be44822a6' } as never],
        },
      ],
      new Map([['my-lc', LC_ARN]]),
      where,
    );
    expect(groups.rows[0]).toMatchObject({
      name: 'my-asg',
      createdtime: '2023-03-09T22:15:11.611Z',
      launchconfigurationname: 'my-lc',
      launchConfiguration: LC_ARN,
      instances: ['i-05b4f7d5be44822a6'],
      subnets: ['subnet-057fb7a5bb0e1a3f2', 'subnet-0bd5c0b6c17d7a0c7'],
    });
  });

  it('reads a launch configuration’s IMDS and public IP settings', () => {
    const [configs] = transformLaunchConfigurations(
      [
        {
          LaunchConfigurationName: 'my-lc',
          LaunchConfigurationARN: LC_ARN,
          ImageId: 'ami-0528a5175983e7f28',
          InstanceType: 't2.micro',
          KeyName: '',
          CreatedTime: new Date('2023-03-09T22:15:11.611Z'),
          AssociatePublicIpAddress: true,
          MetadataOptions: { HttpTokens: 'optional', HttpEndpoint: 'enabled' },
        },
      ],
      where,
    );
    expect(configs.rows[0]).toMatchObject({
      id: LC_ARN,
      key_name: undefined,
      associate_public_ip_address: true,
      metadatahttptokens: 'optional',
    });
  });
});
