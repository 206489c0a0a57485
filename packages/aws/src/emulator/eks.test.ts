import {
  DescribeAccessEntryCommand,
  DescribeClusterCommand,
  DescribeNodegroupCommand,
  EKSClient,
  ListAccessEntriesCommand,
  ListClustersCommand,
  ListNodegroupsCommand,
  paginateListClusters,
} from '@aws-sdk/client-eks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsEksCluster } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 73,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4, counts: { eksClusters: 3 } },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const eks = (region = 'us-east-1') => new EKSClient(clientConfig(emulator, { region }));
const named = (suffix: string): AwsEksCluster => {
  const c = hubRegion().eksClusters.find((x) => x.name.endsWith(suffix));
  if (!c) throw new Error(`no cluster ${suffix}`);
  return c;
};

describe('EKS emulation', () => {
  it('pages ListClusters with maxResults and nextToken, per region', async () => {
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListClusters({ client: eks() }, { maxResults: 2 })) {
      pages++;
      names.push(...(page.clusters ?? []));
    }
    const model = hubRegion().eksClusters;
    expect(names).toEqual(model.map((c) => c.name));
    expect(pages).toBe(Math.ceil(model.length / 2));
    const other = await eks('eu-west-1').send(new ListClustersCommand({}));
    expect(other.clusters).toEqual(
      emulator.estate.accounts[0]?.regions['eu-west-1']?.eksClusters.map((c) => c.name),
    );
  });

  it('describes a cluster with the documented endpoint access, logging, encryption and access config', async () => {
    const open = named('-public-api');
    const out = await eks().send(new DescribeClusterCommand({ name: open.name }));
    expect(out.cluster).toMatchObject({
      name: open.name,
      arn: open.arn,
      version: open.version,
      resourcesVpcConfig: { endpointPublicAccess: true, publicAccessCidrs: ['0.0.0.0/0'], vpcId: open.vpcId },
      logging: {
        clusterLogging: [
          { types: ['api', 'audit', 'authenticator', 'controllerManager', 'scheduler'], enabled: false },
        ],
      },
      accessConfig: { authenticationMode: 'API_AND_CONFIG_MAP' },
      certificateAuthority: { data: open.certificateAuthorityData },
    });
    expect(out.cluster?.createdAt).toBeInstanceOf(Date);
    const legacy = await eks().send(new DescribeClusterCommand({ name: named('-legacy').name }));
    expect(legacy.cluster?.encryptionConfig).toBeUndefined();
    expect(legacy.cluster?.resourcesVpcConfig?.endpointPublicAccess).toBe(false);
    const generic = hubRegion().eksClusters.find((c) => c.secretsKeyArn);
    const encrypted = await eks().send(new DescribeClusterCommand({ name: generic?.name }));
    expect(encrypted.cluster?.encryptionConfig).toEqual([
      { resources: ['secrets'], provider: { keyArn: generic?.secretsKeyArn } },
    ]);
  });

  it('lists and describes node groups and access entries', async () => {
    const c = named('-public-api');
    const groups = await eks().send(new ListNodegroupsCommand({ clusterName: c.name }));
    expect(groups.nodegroups).toEqual(c.nodegroups.map((n) => n.nodegroupName));
    const group = await eks().send(
      new DescribeNodegroupCommand({ clusterName: c.name, nodegroupName: c.nodegroups[0]?.nodegroupName }),
    );
    expect(group.nodegroup).toMatchObject({
      clusterName: c.name,
      nodegroupArn: c.nodegroups[0]?.nodegroupArn,
      nodeRole: c.nodegroups[0]?.nodeRole,
      scalingConfig: c.nodegroups[0]?.scaling,
    });
    const entries = await eks().send(new ListAccessEntriesCommand({ clusterName: c.name }));
    expect(entries.accessEntries).toEqual(c.accessEntries.map((e) => e.principalArn));
    const entry = await eks().send(
      new DescribeAccessEntryCommand({ clusterName: c.name, principalArn: c.accessEntries[0]?.principalArn }),
    );
    expect(entry.accessEntry).toMatchObject({
      clusterName: c.name,
      principalArn: c.accessEntries[0]?.principalArn,
      type: 'EC2_LINUX',
      kubernetesGroups: ['system:nodes'],
    });
    expect(entry.accessEntry?.accessEntryArn).toMatch(
      new RegExp(`^arn:aws:eks:us-east-1:\\d{12}:access-entry/${c.name}/role/\\d{12}/[^/]+/[0-9a-f-]{36}$`),
    );
  });

  it('answers EKS errors: missing clusters, CONFIG_MAP access entries, bad paging, faults', async () => {
    const missing = await rejectionOf(eks().send(new DescribeClusterCommand({ name: 'no-such-cluster' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(404);
    const configMap = await rejectionOf(
      eks().send(new ListAccessEntriesCommand({ clusterName: named('-legacy').name })),
    );
    expect(configMap.name).toBe('InvalidRequestException');
    const bad = await rejectionOf(eks().send(new ListClustersCommand({ maxResults: 101 })));
    expect(bad.name).toBe('InvalidParameterException');
    emulator.setFaults([{ service: 'eks', operation: 'ListClusters', kind: 'AccessDenied', times: 1 }]);
    const denied = await rejectionOf(eks().send(new ListClustersCommand({})));
    expect(denied.name).toBe('AccessDeniedException');
    expect(denied.message).toContain('eks:ListClusters');
    emulator.setFaults([]);
  });

  it('serves each account its own clusters through the audit role', async () => {
    const account = emulator.estate.accounts[1];
    if (!account) throw new Error('no second account');
    const credentials = await assumeAuditRole(emulator, account.id);
    const out = await new EKSClient(clientConfig(emulator, { credentials })).send(
      new ListClustersCommand({}),
    );
    expect(out.clusters).toEqual(account.regions['us-east-1']?.eksClusters.map((c) => c.name));
  });
});
