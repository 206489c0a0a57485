import { DescribeDBSubnetGroupsCommand, type DescribeDBSubnetGroupsCommandOutput } from '@aws-sdk/client-rds';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { DBSubnetGroup } from '../../schema/rds.ts';
import { present, type Where } from '../where.ts';
import { rdsPages } from './rds-pages.ts';

type Page = Pick<DescribeDBSubnetGroupsCommandOutput, 'DBSubnetGroups'>;

/** The ARN of a DB subnet group (older API answers lack it). */
export function subnetGroupArn(where: Where, name: string): string {
  return `arn:aws:rds:${where.region}:${where.accountId}:subgrp:${name}`;
}

/** DB subnet group rows of one DescribeDBSubnetGroups page. */
export function transformSubnetGroups(page: Page, where: Where) {
  const rows: NodeRow<typeof DBSubnetGroup>[] = [];
  for (const g of page.DBSubnetGroups ?? []) {
    if (!g.DBSubnetGroupName) continue;
    const arn = g.DBSubnetGroupArn ?? subnetGroupArn(where, g.DBSubnetGroupName);
    rows.push({
      id: arn,
      arn,
      name: g.DBSubnetGroupName,
      description: g.DBSubnetGroupDescription,
      status: g.SubnetGroupStatus,
      vpc_id: g.VpcId,
      region: where.region,
      subnets: present((g.Subnets ?? []).map((s) => s.SubnetIdentifier)),
    });
  }
  return [load(DBSubnetGroup, rows)];
}

/** DB subnet groups of a region (RDS DescribeDBSubnetGroups). */
export const dbSubnetGroupsCollector = defineCollector<AwsScopeContext, Page>({
  name: 'rds:subnet-groups',
  schemas: [DBSubnetGroup],
  fetch: (ctx) =>
    rdsPages(ctx, 'DescribeDBSubnetGroups', (rds, Marker, abortSignal) =>
      rds.send(new DescribeDBSubnetGroupsCommand({ MaxRecords: 100, Marker }), { abortSignal }),
    ),
  transform: (page, ctx) => transformSubnetGroups(page, ctx.context),
});
