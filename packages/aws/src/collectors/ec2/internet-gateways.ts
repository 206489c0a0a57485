import {
  DescribeInternetGatewaysCommand,
  type DescribeInternetGatewaysCommandOutput,
} from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { AWSInternetGateway } from '../../schema/internet-gateway.ts';
import { present, type Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeInternetGatewaysCommandOutput, 'InternetGateways'>;

/** Internet gateway rows of one DescribeInternetGateways page. */
export function transformInternetGateways(page: Page, where: Where) {
  const rows: NodeRow<typeof AWSInternetGateway>[] = [];
  for (const g of page.InternetGateways ?? []) {
    if (!g.InternetGatewayId) continue;
    const owner = g.OwnerId ?? where.accountId;
    rows.push({
      id: g.InternetGatewayId,
      arn: `arn:aws:ec2:${where.region}:${owner}:internet-gateway/${g.InternetGatewayId}`,
      ownerid: owner,
      region: where.region,
      vpcs: present((g.Attachments ?? []).map((a) => a.VpcId)),
    });
  }
  return [load(AWSInternetGateway, rows)];
}

/** Internet gateways of a region (EC2 DescribeInternetGateways). */
export const internetGatewaysCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:internet-gateways',
  schemas: [AWSInternetGateway],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeInternetGateways', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeInternetGatewaysCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformInternetGateways(page, ctx.context),
});
