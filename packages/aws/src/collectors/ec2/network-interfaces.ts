import {
  DescribeNetworkInterfacesCommand,
  type DescribeNetworkInterfacesCommandOutput,
} from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { NetworkInterface } from '../../schema/network-interface.ts';
import { isoDate, present, type Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';

type Page = Pick<DescribeNetworkInterfacesCommandOutput, 'NetworkInterfaces'>;

/** Network interface rows of one DescribeNetworkInterfaces page. */
export function transformNetworkInterfaces(page: Page, where: Where) {
  const rows: NodeRow<typeof NetworkInterface>[] = [];
  for (const n of page.NetworkInterfaces ?? []) {
    if (!n.NetworkInterfaceId) continue;
    rows.push({
      id: n.NetworkInterfaceId,
      mac_address: n.MacAddress,
      private_ip_address: n.PrivateIpAddress,
      private_dns_name: n.PrivateDnsName,
      public_ip: n.Association?.PublicIp,
      description: n.Description,
      status: n.Status,
      interface_type: n.InterfaceType,
      subnetid: n.SubnetId,
      subnet_id: n.SubnetId,
      vpc_id: n.VpcId,
      requester_id: n.RequesterId,
      requester_managed: n.RequesterManaged,
      source_dest_check: n.SourceDestCheck,
      instance_id: n.Attachment?.InstanceId,
      attach_time: isoDate(n.Attachment?.AttachTime),
      device_index: n.Attachment?.DeviceIndex,
      region: where.region,
      subnet: n.SubnetId,
      securityGroups: present((n.Groups ?? []).map((g) => g.GroupId)),
    });
  }
  return [load(NetworkInterface, rows)];
}

/** Network interfaces of a region (EC2 DescribeNetworkInterfaces). */
export const networkInterfacesCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:network-interfaces',
  schemas: [NetworkInterface],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeNetworkInterfaces', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeNetworkInterfacesCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformNetworkInterfaces(page, ctx.context),
});
