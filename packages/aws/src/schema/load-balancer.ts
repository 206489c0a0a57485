import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EXPOSURE_PROPERTIES } from './exposure.ts';
import { EC2Instance } from './instance.ts';
import { loadBalancerInterfaces } from './network-interface.ts';
import { AWSAccount } from './organization.ts';
import { EC2SecurityGroup } from './security-group.ts';
import { EC2Subnet } from './subnet.ts';

/**
 * A classic load balancer, keyed by its DNS name. The `exposed_internet*`
 * properties are set by the `aws_ec2_asset_exposure` analysis job.
 */
export const AWSLoadBalancer = defineNode({
  label: 'AWSLoadBalancer',
  extraLabels: ['LoadBalancer'],
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    dnsname: 'string',
    canonicalhostedzonename: 'string?',
    canonicalhostedzonenameid: 'string?',
    /** `internet-facing` or `internal`. */
    scheme: 'string?',
    vpcid: 'string?',
    createdtime: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  computed: EXPOSURE_PROPERTIES,
  relationships: {
    networkInterfaces: loadBalancerInterfaces,
    instances: defineRel('EXPOSE', refOf(EC2Instance), {
      description: 'an instance registered with the load balancer',
    }),
    securityGroups: defineRel('MEMBER_OF_EC2_SECURITY_GROUP', refOf(EC2SecurityGroup), {
      description: 'a security group of the load balancer',
    }),
    partOfSubnets: defineRel('PART_OF_SUBNET', refOf(EC2Subnet), {
      description: 'a subnet the load balancer serves',
    }),
    sourceSecurityGroup: defineRel(
      'SOURCE_SECURITY_GROUP',
      { label: EC2SecurityGroup.label, key: 'name' },
      {
        sameScope: true,
        // Cartography matches by name within the account; a group of that name in another
        // region would link too, and whether it exists yet depends on which region synced first.
        alsoMatch: ['region'],
        description:
          "the group whose members the load balancer's traffic comes from, by name within the account and the load balancer's region",
      },
    ),
  },
  description: 'A classic Elastic Load Balancer (ELB DescribeLoadBalancers).',
});

/** A classic load balancer listener, keyed `<dns name><port><protocol>` (Cartography's id). */
export const ELBListener = defineNode({
  label: 'AWSELBListener',
  extraLabels: ['Endpoint'],
  legacyLabels: ['ELBListener'],
  key: 'id',
  properties: {
    id: 'string',
    port: 'number',
    protocol: 'string',
    instance_port: 'number?',
    instance_protocol: 'string?',
    policy_names: 'string[]?',
    ssl_certificate_id: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    loadBalancer: defineRel('ELB_LISTENER', refOf(AWSLoadBalancer), {
      direction: 'in',
      description: 'the load balancer the listener is installed on',
    }),
  },
  description: 'A listener of a classic load balancer.',
});
