import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';
import { AWSVpc } from './vpc.ts';

/** An internet gateway, keyed by its id (`igw-...`). */
export const AWSInternetGateway = defineNode({
  label: 'AWSInternetGateway',
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    ownerid: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    vpcs: defineRel('ATTACHED_TO', refOf(AWSVpc), { description: 'the VPC the gateway is attached to' }),
  },
  description: 'An internet gateway of a VPC (EC2 DescribeInternetGateways).',
});
