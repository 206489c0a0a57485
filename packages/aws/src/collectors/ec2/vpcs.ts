import { DescribeVpcsCommand, type DescribeVpcsCommandOutput } from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { AWSVpc } from '../../schema/vpc.ts';
import type { Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeVpcsCommandOutput, 'Vpcs'>;

/** VPC rows of one DescribeVpcs page. */
export function transformVpcs(page: Page, where: Where) {
  const rows: NodeRow<typeof AWSVpc>[] = [];
  for (const vpc of page.Vpcs ?? []) {
    if (!vpc.VpcId) continue;
    rows.push({
      id: vpc.VpcId,
      vpcid: vpc.VpcId,
      primary_cidr_block: vpc.CidrBlock,
      instance_tenancy: vpc.InstanceTenancy,
      state: vpc.State,
      is_default: vpc.IsDefault,
      dhcp_options_id: vpc.DhcpOptionsId,
      region: where.region,
    });
  }
  return [load(AWSVpc, rows)];
}

/** VPCs of a region (EC2 DescribeVpcs). */
export const vpcsCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:vpcs',
  schemas: [AWSVpc],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeVpcs', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeVpcsCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformVpcs(page, ctx.context),
});
