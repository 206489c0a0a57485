import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';
import { AWSVpc } from './vpc.ts';

/** A VPC subnet, keyed by its id (`subnet-...`). */
export const EC2Subnet = defineNode({
  label: 'AWSEC2Subnet',
  extraLabels: ['Subnet'],
  legacyLabels: ['EC2Subnet'],
  key: 'id',
  properties: {
    id: 'string',
    subnetid: 'string',
    subnet_id: 'string',
    subnet_arn: 'string?',
    vpc_id: 'string?',
    /** Cartography names the subnet after its CIDR block. */
    name: 'string?',
    cidr_block: 'string?',
    available_ip_address_count: 'number?',
    default_for_az: 'boolean?',
    map_public_ip_on_launch: 'boolean?',
    map_customer_owned_ip_on_launch: 'boolean?',
    assignipv6addressoncreation: 'boolean?',
    availability_zone: 'string?',
    availability_zone_id: 'string?',
    state: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    vpc: defineRel('MEMBER_OF_AWS_VPC', refOf(AWSVpc), { description: 'the VPC the subnet is carved from' }),
  },
  description: 'An AWS VPC subnet (EC2 DescribeSubnets).',
});
