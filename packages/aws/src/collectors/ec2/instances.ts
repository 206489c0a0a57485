import {
  DescribeInstancesCommand,
  type DescribeInstancesCommandOutput,
  type Instance,
  type InstanceMetadataOptionsResponse,
} from '@aws-sdk/client-ec2';
import { defineCollector, load, type NodeRow } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { EC2Instance, EC2Reservation } from '../../schema/instance.ts';
import { isoDate, partitionOf, present, unixSeconds, type Where } from '../where.ts';
import { ec2Pages } from './ec2-pages.ts';
import { keyPairArn } from './key-pairs.ts';

type Page = Pick<DescribeInstancesCommandOutput, 'Reservations'>;

/** Reservation and instance rows of one DescribeInstances page (reservations first: instances point at them). */
export function transformInstances(page: Page, where: Where) {
  const reservations: NodeRow<typeof EC2Reservation>[] = [];
  const instances: NodeRow<typeof EC2Instance>[] = [];
  for (const r of page.Reservations ?? []) {
    if (r.ReservationId) {
      reservations.push({
        id: r.ReservationId,
        reservationid: r.ReservationId,
        ownerid: r.OwnerId,
        requesterid: r.RequesterId,
        region: where.region,
      });
    }
    for (const i of r.Instances ?? []) {
      if (!i.InstanceId) continue;
      const groups = new Set(present((i.SecurityGroups ?? []).map((g) => g.GroupId)));
      instances.push({
        id: i.InstanceId,
        instanceid: i.InstanceId,
        publicdnsname: i.PublicDnsName || undefined,
        publicipaddress: i.PublicIpAddress,
        privateipaddress: i.PrivateIpAddress,
        privatednsname: i.PrivateDnsName || undefined,
        imageid: i.ImageId,
        instancetype: i.InstanceType,
        subnetid: i.SubnetId,
        vpcid: i.VpcId,
        iaminstanceprofile: i.IamInstanceProfile?.Arn,
        keyname: i.KeyName,
        launchtime: isoDate(i.LaunchTime),
        launchtimeunix: unixSeconds(i.LaunchTime),
        monitoringstate: i.Monitoring?.State,
        state: i.State?.Name,
        availabilityzone: i.Placement?.AvailabilityZone,
        tenancy: i.Placement?.Tenancy,
        hostresourcegrouparn: i.Placement?.HostResourceGroupArn,
        platform: i.Platform,
        architecture: i.Architecture,
        ebsoptimized: i.EbsOptimized,
        bootmode: i.BootMode,
        instancelifecycle: i.InstanceLifecycle,
        hibernationoptions: i.HibernationOptions?.Configured,
        arn: `arn:${partitionOf(where.region)}:ec2:${where.region}:${where.accountId}:instance/${i.InstanceId}`,
        ipv6address: primaryIpv6(i),
        eks_cluster_name: i.Tags?.find(
          (t) => (t.Key === 'eks:cluster-name' || t.Key === 'alpha.eksctl.io/cluster-name') && t.Value,
        )?.Value,
        ...metadataOptions(i.MetadataOptions),
        region: where.region,
        reservation: r.ReservationId,
        subnet: i.SubnetId,
        securityGroups: [...groups],
        networkInterfaces: present((i.NetworkInterfaces ?? []).map((n) => n.NetworkInterfaceId)),
        keyPair: i.KeyName ? keyPairArn(where, i.KeyName) : undefined,
        instanceProfile: i.IamInstanceProfile?.Arn,
      });
    }
  }
  return [load(EC2Reservation, reservations), load(EC2Instance, instances)] as const;
}

/** The IMDS settings as Cartography stores them, with its derived access mode. */
function metadataOptions(options: InstanceMetadataOptionsResponse | undefined) {
  const tokens = options?.HttpTokens;
  return {
    metadatahttptokens: tokens,
    metadatahttpputresponsehoplimit: options?.HttpPutResponseHopLimit,
    metadatahttpendpoint: options?.HttpEndpoint,
    metadatahttpprotocolipv6: options?.HttpProtocolIpv6,
    metadatainstancetags: options?.InstanceMetadataTags,
    imdsaccessmode: tokens === 'required' ? 'v2_only' : tokens === 'optional' ? 'v1_or_v2' : undefined,
    imdsv1enabled: tokens ? tokens === 'optional' : undefined,
    imdsv2required: tokens ? tokens === 'required' : undefined,
  };
}

/** The primary IPv6 address of the instance's primary interface (device index 0). */
function primaryIpv6(instance: Instance): string | undefined {
  const primary = instance.NetworkInterfaces?.find((n) => n.Attachment?.DeviceIndex === 0);
  const addresses = primary?.Ipv6Addresses ?? [];
  return (addresses.find((a) => a.IsPrimaryIpv6) ?? addresses[0])?.Ipv6Address;
}

/** Instances of a region with their reservations (EC2 DescribeInstances). */
export const instancesCollector = defineCollector<AwsScopeContext, Page>({
  name: 'ec2:instances',
  schemas: [EC2Reservation, EC2Instance],
  fetch: (ctx) =>
    ec2Pages(ctx, 'DescribeInstances', (ec2, NextToken, abortSignal) =>
      ec2.send(new DescribeInstancesCommand({ MaxResults: 1000, NextToken }), { abortSignal }),
    ),
  transform: (page, ctx) => transformInstances(page, ctx.context),
});
