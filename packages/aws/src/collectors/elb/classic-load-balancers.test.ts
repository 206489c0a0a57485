import type { DescribeLoadBalancersCommandOutput } from '@aws-sdk/client-elastic-load-balancing';
import { describe, expect, it } from 'vitest';
import { transformClassicLoadBalancers } from './classic-load-balancers.ts';

/** A classic DescribeLoadBalancers page (ELB API reference example). */
const page: Pick<DescribeLoadBalancersCommandOutput, 'LoadBalancerDescriptions'> = {
  LoadBalancerDescriptions: [
    {
      LoadBalancerName: 'my-load-balancer',
      DNSName: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
      CanonicalHostedZoneName: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
      CanonicalHostedZoneNameID: 'Z3DZXE0EXAMPLE',
      ListenerDescriptions: [
        {
          Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 },
          PolicyNames: [],
        },
        {
          Listener: {
            Protocol: 'HTTPS',
            LoadBalancerPort: 443,
            InstanceProtocol: 'HTTP',
            InstancePort: 80,
            SSLCertificateId: 'arn:aws:iam::123456789012:server-certificate/my-server-cert',
          },
          PolicyNames: ['ELBSecurityPolicy-2015-03'],
        },
      ],
      AvailabilityZones: ['us-west-2a'],
      Subnets: ['subnet-15aaab61'],
      VPCId: 'vpc-a01106c2',
      Instances: [{ InstanceId: 'i-207d9717' }, { InstanceId: 'i-afefb49b' }],
      SourceSecurityGroup: { OwnerAlias: '123456789012', GroupName: 'my-elb-sg' },
      SecurityGroups: ['sg-a61988c3'],
      CreatedTime: new Date('2015-03-19T03:24:02.650Z'),
      Scheme: 'internet-facing',
    },
  ],
};

describe('transformClassicLoadBalancers', () => {
  it('keys load balancers and listeners like Cartography and exposes registered instances', () => {
    const [balancers, listeners] = transformClassicLoadBalancers(page, {
      accountId: '123456789012',
      region: 'us-west-2',
    });
    expect(balancers?.rows).toEqual([
      expect.objectContaining({
        id: 'my-load-balancer-1234567890.us-west-2.elb.amazonaws.com',
        name: 'my-load-balancer',
        scheme: 'internet-facing',
        instances: ['i-207d9717', 'i-afefb49b'],
        securityGroups: ['sg-a61988c3'],
        partOfSubnets: ['subnet-15aaab61'],
        sourceSecurityGroup: 'my-elb-sg',
      }),
    ]);
    expect(listeners?.rows.map((l) => [l.id, l.instance_port, l.policy_names])).toEqual([
      ['my-load-balancer-1234567890.us-west-2.elb.amazonaws.com80HTTP', 80, []],
      ['my-load-balancer-1234567890.us-west-2.elb.amazonaws.com443HTTPS', 80, ['ELBSecurityPolicy-2015-03']],
    ]);
  });
});
