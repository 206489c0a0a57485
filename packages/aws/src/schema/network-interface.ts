import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';
import { EC2SecurityGroup } from './security-group.ts';
import { EC2Subnet } from './subnet.ts';

/** An elastic network interface, keyed by its id (`eni-...`). */
export const NetworkInterface = defineNode({
  label: 'AWSNetworkInterface',
  legacyLabels: ['NetworkInterface'],
  key: 'id',
  properties: {
    id: 'string',
    mac_address: 'string?',
    private_ip_address: 'string?',
    private_dns_name: 'string?',
    public_ip: 'string?',
    description: 'string?',
    status: 'string?',
    interface_type: 'string?',
    subnetid: 'string?',
    subnet_id: 'string?',
    vpc_id: 'string?',
    requester_id: 'string?',
    requester_managed: 'boolean?',
    source_dest_check: 'boolean?',
    /** The instance the interface is attached to, if any. */
    instance_id: 'string?',
    attach_time: 'string?',
    /** 0 for an instance's primary interface. */
    device_index: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    subnet: defineRel('PART_OF_SUBNET', refOf(EC2Subnet), { description: 'the subnet the interface is in' }),
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a security group applied to the interface',
    }),
    // Literal refs: the load balancer schemas import the instance schema, which imports this one.
    classicLoadBalancer: defineRel(
      'NETWORK_INTERFACE',
      { label: 'AWSLoadBalancer', key: 'name' },
      {
        direction: 'in',
        sameScope: true,
        description: 'the classic load balancer the interface belongs to (description `ELB <name>`)',
      },
    ),
    loadBalancerV2: defineRel(
      'NETWORK_INTERFACE',
      { label: 'AWSLoadBalancerV2', key: 'arn' },
      {
        direction: 'in',
        description: 'the application, network or gateway load balancer the interface belongs to',
      },
    ),
  },
  description: 'An EC2 network interface (EC2 DescribeNetworkInterfaces).',
});
