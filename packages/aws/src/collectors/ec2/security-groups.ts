import {
  DescribeSecurityGroupsCommand,
  type DescribeSecurityGroupsCommandOutput,
  type IpPermission,
} from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import {
  AWSIpPermissionInbound,
  AWSIpRange,
  AWSIpRule,
  EC2SecurityGroup,
} from '../../schema/security-group.ts';
import { present, type Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeSecurityGroupsCommandOutput, 'SecurityGroups'>;
type RuleRow = NodeRow<typeof AWSIpPermissionInbound>;

/**
 * Cartography's rule id: `<group id>/<IpPermissions|IpPermissionsEgress>/<from port><to port><protocol>`,
 * where a port the API leaves out reads `None` and a missing protocol `all` (Python's formatting).
 */
export function ruleId(groupId: string, egress: boolean, permission: IpPermission): string {
  const type = egress ? 'IpPermissionsEgress' : 'IpPermissions';
  const from = permission.FromPort ?? 'None';
  const to = permission.ToPort ?? 'None';
  return `${groupId}/${type}/${from}${to}${permission.IpProtocol ?? 'all'}`;
}

function ruleRows(groupId: string, egress: boolean, permissions: IpPermission[] | undefined, where: Where) {
  const rules: RuleRow[] = [];
  const ranges = new Set<string>();
  const peers = new Set<string>();
  for (const p of permissions ?? []) {
    const id = ruleId(groupId, egress, p);
    const cidrs = [
      ...present((p.IpRanges ?? []).map((r) => r.CidrIp)),
      ...present((p.Ipv6Ranges ?? []).map((r) => r.CidrIpv6)),
    ];
    for (const cidr of cidrs) ranges.add(cidr);
    if (!egress) for (const pair of p.UserIdGroupPairs ?? []) if (pair.GroupId) peers.add(pair.GroupId);
    // All-traffic rules carry no ports (the API reports -1 or nothing); keep them null.
    const allPorts = p.IpProtocol === '-1';
    rules.push({
      id,
      ruleid: id,
      groupid: groupId,
      protocol: p.IpProtocol ?? '-1',
      fromport: allPorts ? null : p.FromPort,
      toport: allPorts ? null : p.ToPort,
      isegress: egress,
      region: where.region,
      group: groupId,
      ranges: cidrs,
    });
  }
  return { rules, ranges, peers };
}

/**
 * Rows of one DescribeSecurityGroups page: the groups, their inbound and
 * outbound rules, and the CIDR ranges the rules name. Ranges come first and
 * groups before rules, so every relationship finds its target in the batch.
 */
export function transformSecurityGroups(page: Page, where: Where) {
  const groups: NodeRow<typeof EC2SecurityGroup>[] = [];
  const inbound: RuleRow[] = [];
  const egress: RuleRow[] = [];
  const ranges = new Set<string>();
  for (const g of page.SecurityGroups ?? []) {
    if (!g.GroupId) continue;
    const inRules = ruleRows(g.GroupId, false, g.IpPermissions, where);
    const outRules = ruleRows(g.GroupId, true, g.IpPermissionsEgress, where);
    for (const r of [...inRules.ranges, ...outRules.ranges]) ranges.add(r);
    inbound.push(...inRules.rules);
    egress.push(...outRules.rules);
    groups.push({
      id: g.GroupId,
      groupid: g.GroupId,
      name: g.GroupName,
      description: g.Description,
      vpcid: g.VpcId,
      region: where.region,
      vpc: g.VpcId,
      allowsTrafficFrom: [...inRules.peers],
    });
  }
  return [
    load(
      AWSIpRange,
      [...ranges].map((range) => ({ id: range, range, accounts: where.accountId })),
    ),
    load(EC2SecurityGroup, groups),
    load(AWSIpPermissionInbound, inbound),
    load(AWSIpRule, egress),
  ] as const;
}

/** Security groups of a region with their rules (EC2 DescribeSecurityGroups). */
export const securityGroupsCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:security-groups',
  schemas: [AWSIpRange, EC2SecurityGroup, AWSIpPermissionInbound, AWSIpRule],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeSecurityGroups', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeSecurityGroupsCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformSecurityGroups(page, ctx.context),
});
