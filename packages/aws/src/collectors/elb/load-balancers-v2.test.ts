import { describe, expect, it } from 'vitest';
import { type LoadBalancersV2Page, transformLoadBalancersV2 } from './load-balancers-v2.ts';

const arn =
  'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/my-load-balancer/50dc6c495c0c9188';
const tgArn = 'arn:aws:elasticloadbalancing:us-west-2:123456789012:targetgroup/my-targets/73e2d6bc24d8a067';

/** One load balancer with a listener, a target group and its target health (ELBv2 API reference shapes). */
const page: LoadBalancersV2Page = {
  loadBalancers: [
    {
      loadBalancer: {
        LoadBalancerArn: arn,
        DNSName: 'my-load-balancer-424835706.us-west-2.elb.amazonaws.com',
        CanonicalHostedZoneId: 'Z2P70J7EXAMPLE',
        CreatedTime: new Date('2016-03-25T21:26:12.920Z'),
        LoadBalancerName: 'my-load-balancer',
        Scheme: 'internet-facing',
        VpcId: 'vpc-3ac0fb5f',
        State: { Code: 'active' },
        Type: 'application',
        AvailabilityZones: [
          { ZoneName: 'us-west-2a', SubnetId: 'subnet-8360a9e7' },
          { ZoneName: 'us-west-2b', SubnetId: 'subnet-b7d581c0' },
        ],
        SecurityGroups: ['sg-5943793c'],
        IpAddressType: 'ipv4',
      },
      listeners: [
        {
          ListenerArn:
            'arn:aws:elasticloadbalancing:us-west-2:123456789012:listener/app/my-load-balancer/50dc6c495c0c9188/f2f7dc8efc522ab2',
          LoadBalancerArn: arn,
          Port: 80,
          Protocol: 'HTTP',
          DefaultActions: [{ Type: 'forward', TargetGroupArn: tgArn }],
        },
      ],
      targetGroups: [
        {
          targetGroup: {
            TargetGroupArn: tgArn,
            TargetGroupName: 'my-targets',
            Protocol: 'HTTP',
            Port: 80,
            TargetType: 'instance',
          },
          targets: [
            {
              Target: { Id: 'i-0f76fade', Port: 80 },
              HealthCheckPort: '80',
              TargetHealth: { State: 'healthy' },
            },
            { Target: { Id: 'i-0f76fade', Port: 8080 }, TargetHealth: { State: 'healthy' } },
            {
              Target: { Id: 'i-0abcdef1', Port: 80 },
              TargetHealth: { State: 'unhealthy', Reason: 'Target.Timeout' },
            },
          ],
        },
        {
          targetGroup: { TargetGroupArn: `${tgArn}-ip`, Protocol: 'HTTP', Port: 80, TargetType: 'ip' },
          targets: [{ Target: { Id: '10.0.0.12', Port: 80 } }],
        },
      ],
    },
  ],
};

describe('transformLoadBalancersV2', () => {
  it('keys load balancers by DNS name, exposes instance targets once, and links listeners', () => {
    const [balancers, listeners] = transformLoadBalancersV2(page, {
      accountId: '123456789012',
      region: 'us-west-2',
    });
    const [lb] = balancers?.rows ?? [];
    expect(lb).toMatchObject({
      id: 'my-load-balancer-424835706.us-west-2.elb.amazonaws.com',
      arn,
      name: 'my-load-balancer',
      type: 'application',
      scheme: 'internet-facing',
      createdtime: '2016-03-25T21:26:12.920Z',
      securityGroups: ['sg-5943793c'],
      subnets: ['subnet-8360a9e7', 'subnet-b7d581c0'],
      partOfSubnets: ['subnet-8360a9e7', 'subnet-b7d581c0'],
    });
    // IP targets are not instances; an instance registered twice is exposed once.
    expect(lb?.instances).toEqual([
      { key: 'i-0f76fade', props: { port: 80, protocol: 'HTTP', target_group_arn: tgArn } },
      { key: 'i-0abcdef1', props: { port: 80, protocol: 'HTTP', target_group_arn: tgArn } },
    ]);
    expect(listeners?.rows).toEqual([
      expect.objectContaining({ port: 80, protocol: 'HTTP', targetgrouparn: tgArn, loadBalancer: lb?.id }),
    ]);
  });
});
