import { DescribeSubnetsCommand, type DescribeSubnetsCommandOutput } from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { EC2Subnet } from '../../schema/subnet.ts';
import type { Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeSubnetsCommandOutput, 'Subnets'>;

/** Subnet rows of one DescribeSubnets page. */
export function transformSubnets(page: Page, where: Where) {
  const rows: NodeRow<typeof EC2Subnet>[] = [];
  for (const s of page.Subnets ?? []) {
    if (!s.SubnetId) continue;
    rows.push({
      id: s.SubnetId,
      subnetid: s.SubnetId,
      subnet_id: s.SubnetId,
      subnet_arn: s.SubnetArn ?? `arn:aws:ec2:${where.region}:${where.accountId}:subnet/${s.SubnetId}`,
      vpc_id: s.VpcId,
      name: s.CidrBlock,
      cidr_block: s.CidrBlock,
      available_ip_address_count: s.AvailableIpAddressCount,
      default_for_az: s.DefaultForAz,
      map_public_ip_on_launch: s.MapPublicIpOnLaunch,
      map_customer_owned_ip_on_launch: s.MapCustomerOwnedIpOnLaunch,
      assignipv6addressoncreation: s.AssignIpv6AddressOnCreation,
      availability_zone: s.AvailabilityZone,
      availability_zone_id: s.AvailabilityZoneId,
      state: s.State,
      region: where.region,
      vpc: s.VpcId,
    });
  }
  return [load(EC2Subnet, rows)];
}

/** Subnets of a region (EC2 DescribeSubnets), linked to their VPCs. */
export const subnetsCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:subnets',
  schemas: [EC2Subnet],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeSubnets', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeSubnetsCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformSubnets(page, ctx.context),
});
