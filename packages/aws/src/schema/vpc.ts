import { defineNode, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/** A VPC, keyed by its id (`vpc-...`, unique across AWS). */
export const AWSVpc = defineNode({
  label: 'AWSVpc',
  extraLabels: ['VirtualNetwork'],
  key: 'id',
  properties: {
    id: 'string',
    vpcid: 'string',
    primary_cidr_block: 'string?',
    instance_tenancy: 'string?',
    state: 'string?',
    is_default: 'boolean?',
    dhcp_options_id: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An AWS VPC (EC2 DescribeVpcs).',
});
