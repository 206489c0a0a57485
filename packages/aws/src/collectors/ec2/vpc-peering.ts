import {
  DescribeVpcPeeringConnectionsCommand,
  type DescribeVpcPeeringConnectionsCommandOutput,
} from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { AWSPeeringConnection } from '../../schema/peering-connection.ts';
import type { Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeVpcPeeringConnectionsCommandOutput, 'VpcPeeringConnections'>;

/** Peering connection rows of one DescribeVpcPeeringConnections page. */
export function transformVpcPeering(page: Page, where: Where) {
  const rows: NodeRow<typeof AWSPeeringConnection>[] = [];
  for (const p of page.VpcPeeringConnections ?? []) {
    if (!p.VpcPeeringConnectionId) continue;
    const requester = p.RequesterVpcInfo;
    const accepter = p.AccepterVpcInfo;
    const options = requester?.PeeringOptions;
    rows.push({
      id: p.VpcPeeringConnectionId,
      status_code: p.Status?.Code,
      status_message: p.Status?.Message,
      requester_vpc_id: requester?.VpcId,
      requester_owner_id: requester?.OwnerId,
      requester_region: requester?.Region,
      requester_cidr_block: requester?.CidrBlock,
      accepter_vpc_id: accepter?.VpcId,
      accepter_owner_id: accepter?.OwnerId,
      accepter_region: accepter?.Region,
      accepter_cidr_block: accepter?.CidrBlock,
      allow_dns_resolution_from_remote_vpc: options?.AllowDnsResolutionFromRemoteVpc,
      allow_egress_from_local_classic_link_to_remote_vpc: options?.AllowEgressFromLocalClassicLinkToRemoteVpc,
      allow_egress_from_local_vpc_to_remote_classic_link: options?.AllowEgressFromLocalVpcToRemoteClassicLink,
      // Both sides list the connection; keep one region so the node does not flip between their scopes.
      region: requester?.Region ?? where.region,
      requesterVpc: requester?.VpcId,
      accepterVpc: accepter?.VpcId,
    });
  }
  return [load(AWSPeeringConnection, rows)];
}

/** VPC peering connections of a region (EC2 DescribeVpcPeeringConnections). */
export const vpcPeeringCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:vpc-peering',
  schemas: [AWSPeeringConnection],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeVpcPeeringConnections', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeVpcPeeringConnectionsCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformVpcPeering(page, ctx.context),
});
