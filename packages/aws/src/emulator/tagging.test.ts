import {
  GetResourcesCommand,
  paginateGetResources,
  ResourceGroupsTaggingAPIClient,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 71,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4 },
  });
});
afterAll(() => emulator.close());

const tagging = (region = 'us-east-1') =>
  new ResourceGroupsTaggingAPIClient(clientConfig(emulator, { region }));
const hub = () => {
  const account = emulator.estate.accounts[0];
  if (!account) throw new Error('no hub account');
  return account;
};

async function allArns(
  region: string,
  input: { ResourceTypeFilters?: string[]; ResourcesPerPage?: number } = {},
) {
  const arns: string[] = [];
  let pages = 0;
  for await (const page of paginateGetResources({ client: tagging(region) }, input)) {
    pages++;
    arns.push(...(page.ResourceTagMappingList ?? []).map((m) => m.ResourceARN ?? ''));
  }
  return { arns, pages };
}

describe('Resource Groups Tagging API emulation', () => {
  it("lists the region's tagged resources with their tags, paged with PaginationToken", async () => {
    const region = hub().regions['us-east-1'];
    const instance = region?.instances.find((i) => i.tags.length > 0);
    if (!instance) throw new Error('no tagged instance');
    const whole = await allArns('us-east-1');
    const paged = await allArns('us-east-1', { ResourcesPerPage: 5 });
    expect(paged.arns).toEqual(whole.arns);
    expect(paged.pages).toBe(Math.ceil(whole.arns.length / 5));
    const arn = `arn:aws:ec2:us-east-1:${hub().id}:instance/${instance.instanceId}`;
    expect(whole.arns).toContain(arn);
    const one = await tagging().send(new GetResourcesCommand({ ResourceARNList: [arn] }));
    expect(one.ResourceTagMappingList).toEqual([
      { ResourceARN: arn, Tags: instance.tags.map((t) => ({ Key: t.key, Value: t.value })) },
    ]);
    // The last page carries an empty token.
    expect(one.PaginationToken).toBe('');
    // Untagged resources are not listed.
    const untagged = region?.instances.find((i) => i.tags.length === 0);
    if (untagged) expect(whole.arns.join()).not.toContain(untagged.instanceId);
  });

  it('filters by resource type (service or service:type) and tag', async () => {
    const { arns } = await allArns('us-east-1', { ResourceTypeFilters: ['ec2:instance', 's3'] });
    expect(arns.length).toBeGreaterThan(0);
    for (const arn of arns) expect(arn).toMatch(/^arn:aws:(ec2:us-east-1:\d{12}:instance\/|s3:::)/);
    const buckets = hub().buckets.filter((b) => b.region === 'us-east-1' && b.tags.length > 0);
    expect(arns.filter((a) => a.startsWith('arn:aws:s3'))).toEqual(
      buckets.map((b) => `arn:aws:s3:::${b.name}`),
    );
    const instance = hub().regions['us-east-1']?.instances.find((v) => v.tags.length > 0);
    const tag = instance?.tags[1];
    if (!instance || !tag) throw new Error('no tagged instance');
    const byTag = await tagging().send(
      new GetResourcesCommand({
        TagFilters: [{ Key: tag.key, Values: [tag.value] }],
        ResourceTypeFilters: ['ec2'],
      }),
    );
    expect(byTag.ResourceTagMappingList?.map((m) => m.ResourceARN)).toContain(
      `arn:aws:ec2:us-east-1:${hub().id}:instance/${instance.instanceId}`,
    );
    const wrongValue = await tagging().send(
      new GetResourcesCommand({ TagFilters: [{ Key: tag.key, Values: ['no-such-value'] }] }),
    );
    expect(wrongValue.ResourceTagMappingList).toEqual([]);
  });

  it('answers the documented errors', async () => {
    const tooMany = await rejectionOf(tagging().send(new GetResourcesCommand({ ResourcesPerPage: 101 })));
    expect(tooMany.name).toBe('InvalidParameterException');
    const foreign = await rejectionOf(tagging().send(new GetResourcesCommand({ PaginationToken: 'bogus' })));
    expect(foreign.name).toBe('PaginationTokenExpiredException');
    emulator.setFaults([{ service: 'tagging', operation: 'GetResources', kind: 'AccessDenied' }]);
    try {
      const denied = await rejectionOf(tagging().send(new GetResourcesCommand({})));
      expect(denied.name).toBe('AccessDeniedException');
      expect(denied.message).toContain('tag:GetResources');
    } finally {
      emulator.setFaults([]);
    }
  });
});
