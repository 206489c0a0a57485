import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EXPOSURE_PROPERTIES } from './exposure.ts';
import { EC2Instance } from './instance.ts';
import { loadBalancerInterfaces } from './network-interface.ts';
import { AWSAccount } from './organization.ts';
import { EC2SecurityGroup } from './security-group.ts';
import { EC2Subnet } from './subnet.ts';

/**
 * An application, network or gateway load balancer, keyed by its DNS name.
 * Carries the legacy `LoadBalancerV2` label too. The `exposed_internet*`
 * properties are set by the `aws_ec2_asset_exposure` analysis job.
 */
export const AWSLoadBalancerV2 = defineNode({
  label: 'AWSLoadBalancerV2',
  extraLabels: ['LoadBalancerV2', 'LoadBalancer'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    dnsname: 'string',
    /** `application`, `network` or `gateway`. */
    type: 'string?',
    /** `internet-facing` or `internal`. */
    scheme: 'string?',
    state: 'string?',
    vpcid: 'string?',
    ipaddresstype: 'string?',
    canonicalhostedzonenameid: 'string?',
    createdtime: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  computed: EXPOSURE_PROPERTIES,
  relationships: {
    networkInterfaces: loadBalancerInterfaces,
    instances: defineRel('EXPOSE', refOf(EC2Instance), {
      properties: { port: 'number?', protocol: 'string?', target_group_arn: 'string?' },
      description: 'an instance registered in one of its target groups',
    }),
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a security group of the load balancer (application load balancers, some network ones)',
    }),
    subnets: defineRel('SUBNET', refOf(EC2Subnet), { description: 'a subnet the load balancer serves' }),
    partOfSubnets: defineRel('PART_OF_SUBNET', refOf(EC2Subnet), {
      description: 'a subnet the load balancer serves (the newer Cartography edge)',
    }),
  },
  description: 'An Elastic Load Balancer v2: application, network or gateway (ELBv2 DescribeLoadBalancers).',
});

/** A listener of a v2 load balancer, keyed by its ARN. */
export const ELBV2Listener = defineNode({
  label: 'AWSELBV2Listener',
  extraLabels: ['Endpoint'],
  legacyLabels: ['ELBV2Listener'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    port: 'number?',
    protocol: 'string?',
    ssl_policy: 'string?',
    /** The target group of the default forward action, if any. */
    targetgrouparn: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    loadBalancer: defineRel('ELBV2_LISTENER', refOf(AWSLoadBalancerV2), {
      direction: 'in',
      description: 'the load balancer the listener belongs to',
    }),
  },
  description: 'A listener of an application or network load balancer (ELBv2 DescribeListeners).',
});
