import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';
import { AWSVpc } from './vpc.ts';

/**
 * A VPC peering connection, keyed by its id (`pcx-...`). It belongs to the
 * account (and region) that sees it; the VPCs on either side may live in other
 * accounts, and are linked once those accounts are synced.
 */
export const AWSPeeringConnection = defineNode({
  label: 'AWSPeeringConnection',
  key: 'id',
  properties: {
    id: 'string',
    status_code: 'string?',
    status_message: 'string?',
    requester_vpc_id: 'string?',
    requester_owner_id: 'string?',
    requester_region: 'string?',
    requester_cidr_block: 'string?',
    accepter_vpc_id: 'string?',
    accepter_owner_id: 'string?',
    accepter_region: 'string?',
    accepter_cidr_block: 'string?',
    allow_dns_resolution_from_remote_vpc: 'boolean?',
    allow_egress_from_local_classic_link_to_remote_vpc: 'boolean?',
    allow_egress_from_local_vpc_to_remote_classic_link: 'boolean?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    requesterVpc: defineRel('REQUESTER_VPC', refOf(AWSVpc), { description: 'the VPC that asked to peer' }),
    accepterVpc: defineRel('ACCEPTER_VPC', refOf(AWSVpc), { description: 'the VPC that accepted' }),
  },
  description: 'A VPC peering connection (EC2 DescribeVpcPeeringConnections).',
});
