import type { DescribeSecurityGroupsCommandOutput } from '@aws-sdk/client-ec2';
import { describe, expect, it } from 'vitest';
import { transformSecurityGroups } from './security-groups.ts';

/** A DescribeSecurityGroups page as the SDK parses it (shapes from the EC2 API reference). */
const page: Pick<DescribeSecurityGroupsCommandOutput, 'SecurityGroups'> = {
  SecurityGroups: [
    {
      GroupId: 'sg-903004f8',
      GroupName: 'my-security-group',
      Description: 'My security group',
      OwnerId: '123456789012',
      VpcId: 'vpc-1a2b3c4d',
      IpPermissions: [
        {
          IpProtocol: 'tcp',
          FromPort: 22,
          ToPort: 22,
          IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'ssh' }],
          Ipv6Ranges: [{ CidrIpv6: '::/0' }],
          UserIdGroupPairs: [],
          PrefixListIds: [],
        },
        {
          IpProtocol: '-1',
          IpRanges: [],
          Ipv6Ranges: [],
          UserIdGroupPairs: [{ GroupId: 'sg-903004f8', UserId: '123456789012' }],
          PrefixListIds: [],
        },
      ],
      IpPermissionsEgress: [
        {
          IpProtocol: '-1',
          IpRanges: [{ CidrIp: '0.0.0.0/0' }],
          Ipv6Ranges: [],
          UserIdGroupPairs: [],
          PrefixListIds: [],
        },
      ],
    },
  ],
};

describe('transformSecurityGroups', () => {
  it("loads ranges, then groups, then inbound and outbound rules keyed like Cartography (Python's None for a missing port)", () => {
    const loads = transformSecurityGroups(page, { accountId: '123456789012', region: 'us-west-2' });
    expect(loads.map((l) => l.schema.label)).toEqual([
      'AWSIpRange',
      'AWSEC2SecurityGroup',
      'AWSIpPermissionInbound',
      'AWSIpRule',
    ]);
    const [ranges, groups, inbound, egress] = loads;
    expect(ranges?.rows).toEqual([
      { id: '0.0.0.0/0', range: '0.0.0.0/0', accounts: '123456789012' },
      { id: '::/0', range: '::/0', accounts: '123456789012' },
    ]);
    expect(groups?.rows).toEqual([
      {
        id: 'sg-903004f8',
        groupid: 'sg-903004f8',
        name: 'my-security-group',
        description: 'My security group',
        vpcid: 'vpc-1a2b3c4d',
        region: 'us-west-2',
        vpc: 'vpc-1a2b3c4d',
        allowsTrafficFrom: ['sg-903004f8'],
      },
    ]);
    expect(inbound?.rows).toEqual([
      {
        id: 'sg-903004f8/IpPermissions/2222tcp',
        ruleid: 'sg-903004f8/IpPermissions/2222tcp',
        groupid: 'sg-903004f8',
        protocol: 'tcp',
        fromport: 22,
        toport: 22,
        isegress: false,
        region: 'us-west-2',
        group: 'sg-903004f8',
        ranges: ['0.0.0.0/0', '::/0'],
      },
      {
        id: 'sg-903004f8/IpPermissions/NoneNone-1',
        ruleid: 'sg-903004f8/IpPermissions/NoneNone-1',
        groupid: 'sg-903004f8',
        protocol: '-1',
        fromport: null,
        toport: null,
        isegress: false,
        region: 'us-west-2',
        group: 'sg-903004f8',
        ranges: [],
      },
    ]);
    expect(egress?.rows.map((r) => [r.id, r.isegress, r.ranges])).toEqual([
      ['sg-903004f8/IpPermissionsEgress/NoneNone-1', true, ['0.0.0.0/0']],
    ]);
  });
});
