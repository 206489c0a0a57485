import {
  DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand,
  ElasticLoadBalancingClient,
  paginateDescribeLoadBalancers as paginateClassicLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeListenersCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeLoadBalancers,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  DescribeDBClustersCommand,
  DescribeDBInstancesCommand,
  DescribeDBSubnetGroupsCommand,
  paginateDescribeDBInstances,
  RDSClient,
} from '@aws-sdk/client-rds';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 51,
    scale: {
      accounts: 2,
      regionsPerAccount: 1,
      resourcesPerRegion: 12,
      counts: { dbInstances: 50, classicLoadBalancers: 7, loadBalancers: 7 },
    },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};

describe('Classic ELB emulation', () => {
  const elb = () => new ElasticLoadBalancingClient(clientConfig(emulator));

  it('pages DescribeLoadBalancers with Marker', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateClassicLoadBalancers({ client: elb() }, { PageSize: 3 })) {
      pages++;
      names.push(...(page.LoadBalancerDescriptions ?? []).map((l) => l.LoadBalancerName ?? ''));
    }
    expect(names).toEqual(hubRegion().classicLoadBalancers.map((l) => l.loadBalancerName));
    expect(pages).toBe(3);
  });

  it('describes the public ELB with listeners, instances, security groups and scheme', async () => {
    const out = await elb().send(
      new DescribeClassicLoadBalancersCommand({ LoadBalancerNames: ['public-web-elb'] }),
    );
    const lb = out.LoadBalancerDescriptions?.[0];
    const model = hubRegion().classicLoadBalancers.find((l) => l.loadBalancerName === 'public-web-elb');
    expect(lb).toMatchObject({
      Scheme: 'internet-facing',
      DNSName: model?.dnsName,
      VPCId: model?.vpcId,
      Subnets: model?.subnets,
      SecurityGroups: model?.securityGroups,
      Instances: model?.instanceIds.map((InstanceId) => ({ InstanceId })),
      ListenerDescriptions: [
        {
          Listener: { Protocol: 'HTTP', LoadBalancerPort: 80, InstanceProtocol: 'HTTP', InstancePort: 80 },
          PolicyNames: [],
        },
      ],
    });
    expect(lb?.CreatedTime).toBeInstanceOf(Date);
    const missing = await rejectionOf(
      elb().send(new DescribeClassicLoadBalancersCommand({ LoadBalancerNames: ['nope'] })),
    );
    expect(missing.name).toBe('AccessPointNotFoundException');
  });
});

describe('ELBv2 emulation', () => {
  const elbv2 = () => new ElasticLoadBalancingV2Client(clientConfig(emulator));

  it('pages load balancers and follows listeners, target groups and target health', async () => {
    const arns: string[] = [];
    for await (const page of paginateDescribeLoadBalancers({ client: elbv2(), pageSize: 2 }, {})) {
      arns.push(...(page.LoadBalancers ?? []).map((l) => l.LoadBalancerArn ?? ''));
    }
    expect(arns).toEqual(hubRegion().loadBalancers.map((l) => l.loadBalancerArn));

    const alb = hubRegion().loadBalancers.find((l) => l.loadBalancerName === 'public-web-alb');
    const listeners = await elbv2().send(
      new DescribeListenersCommand({ LoadBalancerArn: alb?.loadBalancerArn }),
    );
    expect(listeners.Listeners?.[0]).toMatchObject({
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'forward' }],
    });
    const tgArn = listeners.Listeners?.[0]?.DefaultActions?.[0]?.TargetGroupArn;
    const groups = await elbv2().send(
      new DescribeTargetGroupsCommand({ LoadBalancerArn: alb?.loadBalancerArn }),
    );
    expect(groups.TargetGroups?.[0]).toMatchObject({
      TargetGroupArn: tgArn,
      TargetType: 'instance',
      LoadBalancerArns: [alb?.loadBalancerArn],
    });
    const health = await elbv2().send(new DescribeTargetHealthCommand({ TargetGroupArn: tgArn }));
    const webIds = hubRegion()
      .instances.filter((i) => i.tags.some((t) => t.value.startsWith('web-public-')))
      .map((i) => i.instanceId);
    expect(health.TargetHealthDescriptions?.map((d) => d.Target?.Id)).toEqual(webIds);
    expect(health.TargetHealthDescriptions?.[0]?.TargetHealth?.State).toMatch(/healthy|unhealthy/);
    const missing = await rejectionOf(
      elbv2().send(new DescribeTargetHealthCommand({ TargetGroupArn: `${tgArn}0` })),
    );
    expect(missing.name).toBe('TargetGroupNotFoundException');
  });
});

describe('RDS emulation', () => {
  const rds = () => new RDSClient(clientConfig(emulator));

  it('pages DescribeDBInstances with MaxRecords and Marker', async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateDescribeDBInstances({ client: rds(), pageSize: 20 }, {})) {
      pages++;
      ids.push(...(page.DBInstances ?? []).map((d) => d.DBInstanceIdentifier ?? ''));
    }
    expect(ids).toEqual(hubRegion().dbInstances.map((d) => d.dbInstanceIdentifier));
    expect(pages).toBe(Math.ceil(ids.length / 20));
    const tooSmall = await rejectionOf(rds().send(new DescribeDBInstancesCommand({ MaxRecords: 5 })));
    expect(tooSmall.name).toBe('InvalidParameterValue');
  });

  it('describes the public unencrypted database with its subnet group and security groups', async () => {
    const out = await rds().send(
      new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'public-unencrypted-db' }),
    );
    const db = out.DBInstances?.[0];
    expect(db).toMatchObject({
      PubliclyAccessible: true,
      StorageEncrypted: false,
      IAMDatabaseAuthenticationEnabled: false,
      Engine: 'mysql',
      Endpoint: { Port: 3306 },
    });
    expect(db?.DBSubnetGroup?.Subnets?.[0]?.SubnetIdentifier).toMatch(/^subnet-/);
    expect(db?.DBSubnetGroup?.Subnets?.[0]?.SubnetAvailabilityZone?.Name).toMatch(/^us-east-1/);
    expect(db?.VpcSecurityGroups?.[0]?.VpcSecurityGroupId).toMatch(/^sg-/);
    const missing = await rejectionOf(
      rds().send(new DescribeDBInstancesCommand({ DBInstanceIdentifier: 'nope' })),
    );
    expect(missing.name).toBe('DBInstanceNotFoundFault');
  });

  it('describes clusters with their members and the subnet groups', async () => {
    const clusters = await rds().send(new DescribeDBClustersCommand({}));
    const cluster = clusters.DBClusters?.[0];
    expect(cluster?.DBClusterMembers?.map((m) => m.IsClusterWriter)).toEqual([true, false]);
    const members = await rds().send(
      new DescribeDBInstancesCommand({
        Filters: [{ Name: 'db-cluster-id', Values: [cluster?.DBClusterIdentifier ?? ''] }],
      }),
    );
    expect(members.DBInstances?.map((d) => d.DBClusterIdentifier)).toEqual([
      cluster?.DBClusterIdentifier,
      cluster?.DBClusterIdentifier,
    ]);
    const groups = await rds().send(new DescribeDBSubnetGroupsCommand({}));
    expect(groups.DBSubnetGroups?.map((g) => g.DBSubnetGroupName)).toEqual(
      hubRegion().dbSubnetGroups.map((g) => g.dbSubnetGroupName),
    );
    expect(groups.DBSubnetGroups?.[0]?.DBSubnetGroupArn).toMatch(/^arn:aws:rds:us-east-1:\d{12}:subgrp:/);
  });
});
