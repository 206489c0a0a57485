import {
  DescribeInstancesCommand,
  DescribeKeyPairsCommand,
  DescribeRegionsCommand,
  DescribeSecurityGroupsCommand,
  DescribeVpcPeeringConnectionsCommand,
  DescribeVpcsCommand,
  EC2Client,
  paginateDescribeInstances,
  paginateDescribeInternetGateways,
  paginateDescribeNetworkInterfaces,
  paginateDescribeSecurityGroups,
  paginateDescribeSubnets,
  paginateDescribeVolumes,
  paginateDescribeVpcs,
} from '@aws-sdk/client-ec2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;
let ec2: EC2Client;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 11,
    scale: { accounts: 3, regionsPerAccount: 2, resourcesPerRegion: 23 },
  });
  ec2 = new EC2Client(clientConfig(emulator));
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const account = emulator.estate.accounts[0];
  const region = account?.regions['us-east-1'];
  if (!account || !region) throw new Error('estate has no hub region');
  return { account, region };
};

describe('EC2 emulation', () => {
  it('pages DescribeInstances across several pages with the SDK paginator', async () => {
    const { region } = hubRegion();
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 5 }, {})) {
      pages++;
      for (const r of page.Reservations ?? [])
        for (const i of r.Instances ?? []) if (i.InstanceId) ids.push(i.InstanceId);
    }
    expect(pages).toBe(Math.ceil(region.instances.length / 5));
    expect(ids).toEqual(region.instances.map((i) => i.instanceId));
  });

  it('returns the documented instance fields', async () => {
    const { account, region } = hubRegion();
    const bastion = region.instances.find((i) => i.tags.some((t) => t.value === 'bastion-ssh-open'));
    const out = await ec2.send(new DescribeInstancesCommand({ InstanceIds: [bastion?.instanceId ?? ''] }));
    const reservation = out.Reservations?.[0];
    const instance = reservation?.Instances?.[0];
    expect(reservation?.OwnerId).toBe(account.id);
    expect(instance).toMatchObject({
      InstanceId: bastion?.instanceId,
      State: { Code: 16, Name: 'running' },
      InstanceType: bastion?.instanceType,
      ImageId: bastion?.imageId,
      PublicIpAddress: bastion?.publicIpAddress,
      PublicDnsName: bastion?.publicDnsName,
      PrivateIpAddress: bastion?.privateIpAddress,
      PrivateDnsName: bastion?.privateDnsName,
      SubnetId: bastion?.subnetId,
      VpcId: bastion?.vpcId,
      SecurityGroups: [{ GroupId: expect.stringMatching(/^sg-/), GroupName: 'open-ssh-world' }],
    });
    expect(instance?.LaunchTime).toBeInstanceOf(Date);
    expect(instance?.BlockDeviceMappings?.[0]?.Ebs?.VolumeId).toMatch(/^vol-/);
    expect(instance?.NetworkInterfaces?.[0]?.Association?.PublicIp).toBe(bastion?.publicIpAddress);
    expect(instance?.Placement?.AvailabilityZone).toMatch(/^us-east-1[abc]$/);
  });

  it('answers InvalidParameterCombination for InstanceIds with MaxResults and NotFound for unknown ids', async () => {
    const combined = await rejectionOf(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0123'], MaxResults: 5 })),
    );
    expect(combined.name).toBe('InvalidParameterCombination');
    const missing = await rejectionOf(
      ec2.send(new DescribeInstancesCommand({ InstanceIds: ['i-0000000000000dead'] })),
    );
    expect(missing.name).toBe('InvalidInstanceID.NotFound');
  });

  it('filters security groups and renders ip permissions with ranges, ipv6 ranges, groups and prefix lists', async () => {
    const open = await ec2.send(
      new DescribeSecurityGroupsCommand({ Filters: [{ Name: 'ip-permission.cidr', Values: ['0.0.0.0/0'] }] }),
    );
    const names = open.SecurityGroups?.map((g) => g.GroupName) ?? [];
    expect(names).toEqual(expect.arrayContaining(['open-ssh-world', 'open-rdp-world', 'open-all-world']));
    const rdp = open.SecurityGroups?.find((g) => g.GroupName === 'open-rdp-world');
    expect(rdp?.IpPermissions?.[0]).toMatchObject({
      IpProtocol: 'tcp',
      FromPort: 3389,
      ToPort: 3389,
      IpRanges: [{ CidrIp: '0.0.0.0/0' }],
      Ipv6Ranges: [{ CidrIpv6: '::/0' }],
    });
    const all = open.SecurityGroups?.find((g) => g.GroupName === 'open-all-world');
    expect(all?.IpPermissions?.[0]?.IpProtocol).toBe('-1');
    expect(all?.IpPermissions?.[0]?.FromPort).toBeUndefined();
    const groups: string[] = [];
    for await (const page of paginateDescribeSecurityGroups({ client: ec2, pageSize: 5 }, {})) {
      for (const g of page.SecurityGroups ?? []) {
        if (g.IpPermissions?.some((p) => (p.UserIdGroupPairs?.length ?? 0) > 0)) groups.push('pair');
        if (g.IpPermissions?.some((p) => (p.PrefixListIds?.length ?? 0) > 0)) groups.push('prefix');
        expect(g.IpPermissionsEgress?.length).toBeGreaterThan(0);
      }
    }
    expect(groups).toContain('pair');
    expect(groups).toContain('prefix');
  });

  it('refuses an unknown filter name as EC2 does', async () => {
    const error = await rejectionOf(
      ec2.send(new DescribeVpcsCommand({ Filters: [{ Name: 'no-such-filter', Values: ['x'] }] })),
    );
    expect(error.name).toBe('InvalidParameterValue');
  });

  it('pages VPCs, subnets, interfaces, volumes and internet gateways', async () => {
    const { region } = hubRegion();
    const count = async <T>(pages: AsyncIterable<T>, items: (page: T) => unknown[] | undefined) => {
      let n = 0;
      let p = 0;
      for await (const page of pages) {
        p++;
        n += items(page)?.length ?? 0;
      }
      return { n, p };
    };
    const vpcs = await count(paginateDescribeVpcs({ client: ec2, pageSize: 5 }, {}), (p) => p.Vpcs);
    expect(vpcs.n).toBe(region.vpcs.length);
    const subnets = await count(paginateDescribeSubnets({ client: ec2, pageSize: 5 }, {}), (p) => p.Subnets);
    expect(subnets).toEqual({ n: region.subnets.length, p: Math.ceil(region.subnets.length / 5) });
    const enis = await count(
      paginateDescribeNetworkInterfaces({ client: ec2, pageSize: 5 }, {}),
      (p) => p.NetworkInterfaces,
    );
    expect(enis.n).toBe(region.networkInterfaces.length);
    const volumes = await count(paginateDescribeVolumes({ client: ec2, pageSize: 5 }, {}), (p) => p.Volumes);
    expect(volumes.n).toBe(region.volumes.length);
    expect(volumes.p).toBeGreaterThan(2);
    const igws = await count(
      paginateDescribeInternetGateways({ client: ec2, pageSize: 5 }, {}),
      (p) => p.InternetGateways,
    );
    expect(igws.n).toBe(region.internetGateways.length);

    const vpc = (await ec2.send(new DescribeVpcsCommand({ VpcIds: [region.vpcs[1]?.vpcId ?? ''] })))
      .Vpcs?.[0];
    expect(vpc?.CidrBlockAssociationSet?.[0]).toMatchObject({
      CidrBlock: vpc?.CidrBlock,
      CidrBlockState: { State: 'associated' },
    });
    expect(vpc?.CidrBlockAssociationSet?.[0]?.AssociationId).toMatch(/^vpc-cidr-assoc-/);
  });

  it('lists key pairs, including ones no instance uses', async () => {
    const out = await ec2.send(new DescribeKeyPairsCommand({}));
    const names = out.KeyPairs?.map((k) => k.KeyName);
    expect(names).toContain('unused-legacy-key');
    expect(out.KeyPairs?.[0]?.KeyFingerprint).toMatch(/^([0-9a-f]{2}:){19}[0-9a-f]{2}$/);
  });

  it('shows a cross-account peering connection to both sides', async () => {
    const { account } = hubRegion();
    const mine = await ec2.send(new DescribeVpcPeeringConnectionsCommand({}));
    const cross = mine.VpcPeeringConnections?.find((p) =>
      p.Tags?.some((t) => t.Value === 'cross-account-peering'),
    );
    expect(cross?.RequesterVpcInfo?.OwnerId).toBe(account.id);
    const accepterId = cross?.AccepterVpcInfo?.OwnerId ?? '';
    expect(accepterId).not.toBe(account.id);
    const theirs = new EC2Client(
      clientConfig(emulator, { credentials: await assumeAuditRole(emulator, accepterId) }),
    );
    const seen = await theirs.send(new DescribeVpcPeeringConnectionsCommand({}));
    expect(seen.VpcPeeringConnections?.map((p) => p.VpcPeeringConnectionId)).toContain(
      cross?.VpcPeeringConnectionId,
    );
  });

  it('describes the enabled regions, and all regions with AllRegions', async () => {
    const enabled = await ec2.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions?.map((r) => r.RegionName)).toEqual(['us-east-1', 'eu-west-1']);
    expect(enabled.Regions?.[0]).toMatchObject({
      Endpoint: 'ec2.us-east-1.amazonaws.com',
      OptInStatus: 'opt-in-not-required',
    });
    const all = await ec2.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions?.find((r) => r.RegionName === 'af-south-1')?.OptInStatus).toBe('not-opted-in');
  });

  it('serves another region of the account, and nothing from a region it did not opt into', async () => {
    const { account } = hubRegion();
    const euClient = new EC2Client(clientConfig(emulator, { region: 'eu-west-1' }));
    const eu = await euClient.send(new DescribeVpcsCommand({}));
    expect(eu.Vpcs?.map((v) => v.VpcId)).toEqual(account.regions['eu-west-1']?.vpcs.map((v) => v.vpcId));
    const west = new EC2Client(clientConfig(emulator, { region: 'us-west-1' }));
    expect((await west.send(new DescribeVpcsCommand({}))).Vpcs).toEqual([]);
    const optIn = new EC2Client(clientConfig(emulator, { region: 'af-south-1' }));
    expect((await rejectionOf(optIn.send(new DescribeVpcsCommand({})))).name).toBe('AuthFailure');
  });

  it('sees estate changes made between calls', async () => {
    const { region } = hubRegion();
    const group = region.securityGroups.find((g) => g.groupName.startsWith('mgmt-'));
    if (!group) throw new Error('no mgmt group');
    group.ipPermissions.push({
      ipProtocol: 'tcp',
      fromPort: 5432,
      toPort: 5432,
      ipRanges: [{ cidrIp: '0.0.0.0/0' }],
      ipv6Ranges: [],
      userIdGroupPairs: [],
      prefixListIds: [],
    });
    const out = await ec2.send(new DescribeSecurityGroupsCommand({ GroupIds: [group.groupId] }));
    expect(
      out.SecurityGroups?.[0]?.IpPermissions?.some(
        (p) => p.FromPort === 5432 && p.IpRanges?.[0]?.CidrIp === '0.0.0.0/0',
      ),
    ).toBe(true);
    const removed = region.instances.pop();
    const ids: string[] = [];
    for await (const page of paginateDescribeInstances({ client: ec2, pageSize: 1000 }, {})) {
      for (const r of page.Reservations ?? [])
        for (const i of r.Instances ?? []) ids.push(i.InstanceId ?? '');
    }
    expect(ids).not.toContain(removed?.instanceId);
  });
});
