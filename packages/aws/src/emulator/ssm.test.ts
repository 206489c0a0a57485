import {
  DescribeInstanceInformationCommand,
  DescribeParametersCommand,
  paginateDescribeParameters,
  SSMClient,
} from '@aws-sdk/client-ssm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 73,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 8, counts: { ssmParameters: 13 } },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const ssm = () => new SSMClient(clientConfig(emulator));

describe('SSM emulation', () => {
  it('pages DescribeParameters (10 by default) with metadata only', async () => {
    const names: string[] = [];
    for await (const page of paginateDescribeParameters({ client: ssm() }, { MaxResults: 4 })) {
      names.push(...(page.Parameters ?? []).map((p) => p.Name ?? ''));
      for (const p of page.Parameters ?? []) expect(p).not.toHaveProperty('Value');
    }
    expect(names).toEqual(hubRegion().ssmParameters.map((p) => p.name));
    const first = await ssm().send(new DescribeParametersCommand({}));
    expect(first.Parameters?.length).toBe(Math.min(10, names.length));
    const bad = await rejectionOf(ssm().send(new DescribeParametersCommand({ NextToken: 'bogus' })));
    expect(bad.name).toBe('InvalidNextToken');
  });

  it('describes managed instances, filtered by instance id', async () => {
    const managed = hubRegion().ssmManagedInstances;
    const all = await ssm().send(new DescribeInstanceInformationCommand({ MaxResults: 50 }));
    expect(all.InstanceInformationList?.map((i) => i.InstanceId)).toEqual(managed.map((m) => m.instanceId));
    const one = managed[0]?.instanceId ?? '';
    const filtered = await ssm().send(
      new DescribeInstanceInformationCommand({ Filters: [{ Key: 'InstanceIds', Values: [one] }] }),
    );
    expect(filtered.InstanceInformationList).toEqual([
      expect.objectContaining({
        InstanceId: one,
        ResourceType: 'EC2Instance',
        PingStatus: managed[0]?.pingStatus,
      }),
    ]);
    const tooFew = await rejectionOf(ssm().send(new DescribeInstanceInformationCommand({ MaxResults: 4 })));
    expect(tooFew.name).toBe('ValidationException');
  });
});
