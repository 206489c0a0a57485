import { describe, expect, it } from 'vitest';
import { addGeneratedAccount, generateAwsEstate } from './generate-estate.ts';

describe('generateAwsEstate', () => {
  it('is the same for the same seed and differs for another seed', () => {
    const a = generateAwsEstate({ seed: 42, now: '2025-01-01T00:00:00Z' });
    const b = generateAwsEstate({ seed: 42, now: '2025-01-01T00:00:00Z' });
    const c = generateAwsEstate({ seed: 43, now: '2025-01-01T00:00:00Z' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(c.organization.managementAccountId).not.toBe(a.organization.managementAccountId);
  });

  it('builds an organisation of accounts in nested OUs, with a suspended account and an outside vendor', () => {
    const estate = generateAwsEstate({ seed: 1, accounts: 8, regionsPerAccount: 3 });
    const members = estate.accounts.filter((a) => a.parentId !== undefined);
    expect(members).toHaveLength(8);
    expect(members[0]?.id).toBe(estate.organization.managementAccountId);
    expect(members.filter((a) => a.status === 'SUSPENDED')).toHaveLength(1);
    const sandbox = estate.organizationalUnits.find((o) => o.name === 'Sandbox');
    const nonProd = estate.organizationalUnits.find((o) => o.name === 'NonProd');
    expect(sandbox?.parentId).toBe(nonProd?.id);
    expect(estate.accounts.find((a) => a.parentId === undefined)?.name).toBe('vendor-external');
    for (const account of members) {
      expect(Object.keys(account.regions)).toEqual(['us-east-1', 'eu-west-1', 'us-west-2']);
      expect(account.id).toMatch(/^\d{12}$/);
    }
  });

  it('uses realistic ids and scales each kind from resourcesPerRegion', () => {
    const estate = generateAwsEstate({
      seed: 3,
      accounts: 1,
      regionsPerAccount: 1,
      resourcesPerRegion: 40,
      misconfigurations: false,
    });
    const region = estate.accounts[0]?.regions['us-east-1'];
    expect(region?.instances).toHaveLength(40);
    expect(region?.vpcs).toHaveLength(4);
    expect(region?.instances[0]?.instanceId).toMatch(/^i-0[0-9a-f]{16}$/);
    expect(region?.securityGroups[0]?.groupId).toMatch(/^sg-0[0-9a-f]{16}$/);
    expect(region?.vpcs[0]?.vpcId).toMatch(/^vpc-0[0-9a-f]{16}$/);
    expect(region?.loadBalancers[0]?.loadBalancerArn).toMatch(
      /^arn:aws:elasticloadbalancing:us-east-1:\d{12}:loadbalancer\/(app|net)\//,
    );
    expect(region?.securityGroups.some((g) => g.groupName === 'open-ssh-world')).toBe(false);
  });

  it('seeds the documented misconfigurations in the first region of each account', () => {
    const estate = generateAwsEstate({ seed: 5 });
    const account = estate.accounts[0];
    const region = account?.regions['us-east-1'];
    const bastion = region?.instances.find((i) => i.tags.some((t) => t.value === 'bastion-ssh-open'));
    expect(bastion?.publicIpAddress).toBeDefined();
    expect(bastion?.securityGroups.map((g) => g.groupName)).toEqual(['open-ssh-world']);
    expect(region?.dbInstances.find((d) => d.dbInstanceIdentifier === 'public-unencrypted-db')).toMatchObject(
      {
        publiclyAccessible: true,
        storageEncrypted: false,
        iamDatabaseAuthenticationEnabled: false,
      },
    );
    const usedKeys = new Set(region?.instances.map((i) => i.keyName));
    expect(region?.keyPairs.filter((k) => !usedKeys.has(k.keyName)).map((k) => k.keyName)).toContain(
      'unused-legacy-key',
    );
    expect(
      account?.iam.users.find((u) => u.userName === 'many-groups-carol')?.groups.length,
    ).toBeGreaterThanOrEqual(5);
    expect(account?.buckets.some((b) => b.name.includes('-public-acl-'))).toBe(true);
    expect(
      estate.accounts[0]?.regions['eu-west-1']?.instances.some((i) =>
        i.tags.some((t) => t.value === 'bastion-ssh-open'),
      ),
    ).toBe(false);
  });

  it('adds an account to an existing estate', () => {
    const estate = generateAwsEstate({ seed: 9 });
    const before = estate.accounts.length;
    const account = addGeneratedAccount(estate, { name: 'acme-new-team', regions: ['us-east-1'] });
    expect(estate.accounts).toHaveLength(before + 1);
    expect(account.parentId).toBe(estate.organization.rootId);
    expect(account.iam.roles.some((r) => r.roleName === estate.auditRoleName)).toBe(true);
    expect(account.regions['us-east-1']?.instances.length).toBeGreaterThan(0);
  });

  it('generates a benchmark-sized estate quickly', () => {
    const start = Date.now();
    const estate = generateAwsEstate({
      seed: 2,
      accounts: 20,
      regionsPerAccount: 4,
      resourcesPerRegion: 190,
    });
    let resources = 0;
    for (const a of estate.accounts)
      for (const r of Object.values(a.regions)) for (const v of Object.values(r)) resources += v.length;
    expect(resources).toBeGreaterThan(100_000);
    expect(Date.now() - start).toBeLessThan(10_000);
  });
});
