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
  },
  description: 'An EC2 network interface (EC2 DescribeNetworkInterfaces).',
});

/**
 * `(load balancer)-[:NETWORK_INTERFACE]->(interface)`, declared on the load
 * balancers (which load after the interfaces in a region) and matched by the
 * description AWS gives a load balancer's interfaces: `ELB <name>` for a
 * classic one, `ELB app|net|gwy/<name>/<id>` (the end of its ARN) for the
 * others. Rows give that description: {@link loadBalancerInterfaceDescription}.
 */
export const loadBalancerInterfaces = defineRel(
  'NETWORK_INTERFACE',
  { label: NetworkInterface.label, key: 'description' },
  {
    sameScope: true,
    alsoMatch: ['region'],
    description: "an interface of the load balancer (the interface's description names it)",
  },
);

/** The description of a load balancer's interfaces: `ELB <name>`, or `ELB <type>/<name>/<id>` from an ARN. */
export function loadBalancerInterfaceDescription(name: string, arn?: string): string {
  const path = arn?.split(':loadbalancer/')[1];
  return `ELB ${path ?? name}`;
}
