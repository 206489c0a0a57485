import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../inventory-one-account.ts';
import type { DemoGraph } from '../lib/demo-graph.ts';
import { captureOutput } from './capture-output.ts';
import { openTestDemoGraph } from './demo-fixture.ts';

describe('inventory-one-account example', () => {
  let graph: DemoGraph;
  beforeAll(async () => {
    graph = await openTestDemoGraph();
  });
  afterAll(async () => {
    await graph?.close();
  });

  const estateAccount = (name: string) => {
    const account = graph.demo.aws?.estate.accounts.find((a) => a.name === name);
    if (!account) throw new Error(`the demo estate has no account ${name}`);
    return account;
  };

  it("lists the account's instances and buckets as the emulated AWS holds them, and only those", async () => {
    const account = estateAccount('acme-security');
    const out = captureOutput();
    const inventory = await main({ client: graph.client, account: 'acme-security', out: out.stream });

    expect(inventory.account).toEqual({ id: account.id, name: 'acme-security', status: 'ACTIVE' });
    const instances = Object.values(account.regions).flatMap((r) => r.instances.map((i) => i.instanceId));
    expect(inventory.lists.ec2_instances.map((r) => r.instance_id).sort()).toEqual(instances.sort());
    expect(inventory.lists.s3_buckets.map((r) => r.bucket).sort()).toEqual(
      account.buckets.map((b) => b.name).sort(),
    );
    expect(inventory.lists.iam_users.map((r) => r.user_name).sort()).toEqual(
      account.iam.users.map((u) => u.userName).sort(),
    );
    expect(inventory.counts.find((c) => c.label === 'AWSEC2Instance')?.count).toBe(instances.length);

    const text = out.text();
    expect(text).toMatch(new RegExp(`^Account acme-security \\(${account.id}\\), ACTIVE: \\d+ resources`));
    expect(text).toContain(`EC2 instances (${instances.length})`);
    for (const id of instances) expect(text).toContain(id);
  });

  it('takes the account id as well as its name', async () => {
    const account = estateAccount('acme-log-archive');
    const byId = await main({ client: graph.client, account: account.id });
    const byName = await main({ client: graph.client, account: 'acme-log-archive' });
    expect(byId).toEqual(byName);
  });

  it('names the accounts it knows when asked for one it does not', async () => {
    await expect(main({ client: graph.client, account: 'acme-nope' })).rejects.toThrow(
      /no AWS account "acme-nope" in the graph; accounts: .*acme-management \(\d{12}\)/,
    );
  });
});
