import { type AwsEmulator, generateAwsEstate, startAwsEmulator } from '@skygraph/aws/emulator';
import { type GraphStore, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, emulatedProvider, FAST_RETRY, syncAws } from './sync-helpers.ts';

describe('AWS provider when the APIs misbehave', () => {
  let store: GraphStore;
  let emulator: AwsEmulator | undefined;

  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
    await emulator?.close();
    emulator = undefined;
  });

  it('keeps the old data of a scope denied access and reports the account, region and service', async () => {
    const estate = generateAwsEstate({
      seed: 41,
      accounts: 3,
      regionsPerAccount: 2,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({ estate });
    expect((await syncAws(store, emulator)).status).toBe('success');

    const [, member] = activeMembers(estate);
    if (!member) throw new Error('the estate has no member account');
    const region = member.enabledRegions[1] as string;
    const otherRegion = member.enabledRegions[0] as string;
    const denied = member.regions[region];
    const open = member.regions[otherRegion];
    if (!denied || !open) throw new Error('the member has no regions');
    const goneHere = denied.instances.pop();
    const goneThere = open.instances.pop();
    emulator.setFaults([
      { service: 'ec2', account: member.id, region, operation: 'DescribeInstances', kind: 'AccessDenied' },
    ]);

    const result = await syncAws(store, emulator);
    expect(result.status).toBe('partial');
    const failed = result.scopes.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.id)).toEqual([`aws/${member.id}/${region}`]);
    expect(failed[0]?.cleanedUp).toBe(false);
    expect(result.errors).toHaveLength(1);
    const [error] = result.errors;
    expect(error).toMatchObject({
      provider: 'aws',
      scope: `aws/${member.id}/${region}`,
      collector: 'ec2:instances',
    });
    expect(error?.code).toBe('ACCESS_DENIED');
    expect(error?.message).toContain(member.id);
    expect(error?.message).toContain(region);
    expect(error?.message).toContain('UnauthorizedOperation');

    // The denied region keeps the instance the estate no longer has; the other region is up to date.
    expect(
      await count(store, 'MATCH (i:EC2Instance {id: $id}) RETURN count(i) AS c', {
        id: goneHere?.instanceId,
      }),
    ).toBe(1);
    expect(
      await count(store, 'MATCH (i:EC2Instance {id: $id}) RETURN count(i) AS c', {
        id: goneThere?.instanceId,
      }),
    ).toBe(0);
    // Collectors before the denied one still refreshed their nodes, and nothing of the scope was deleted.
    expect(
      await count(
        store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(v:AWSVpc {region: $region}) RETURN count(v) AS c',
        { account: member.id, region },
      ),
    ).toBe(denied.vpcs.length);

    // Once access is back, the next sync catches up.
    emulator.setFaults([]);
    const healed = await syncAws(store, emulator);
    expect(healed.status).toBe('success');
    await expectGraphMatchesEstate(store, estate);
  });

  it('skips the IAM account details an audit role may not read, with the rest of the account synced', async () => {
    const estate = generateAwsEstate({
      seed: 43,
      accounts: 3,
      regionsPerAccount: 1,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({ estate });
    const [, member, other] = activeMembers(estate);
    if (!member || !other) throw new Error('the estate has too few member accounts');
    emulator.setFaults(
      ['GetAccountSummary', 'GenerateCredentialReport', 'ListMFADevices'].map((operation) => ({
        service: 'iam',
        account: member.id,
        operation,
        kind: 'AccessDenied' as const,
      })),
    );
    const result = await syncAws(store, emulator);
    expect(result.status).toBe('success');
    expect(result.errors).toEqual([]);
    const facts = async (id: string) => {
      const [account] = await store.read(
        'MATCH (a:AWSAccount {id: $id}) RETURN a.account_mfa_enabled AS mfa, a.password_policy_present AS policy, a.root_mfa_active AS rootMfa',
        { id },
      );
      const devices = await count(
        store,
        'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(d:AWSMfaDevice) RETURN count(d) AS c',
        { id },
      );
      const reported = await count(
        store,
        'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(u:AWSUser) WHERE u.password_enabled IS NOT NULL RETURN count(u) AS c',
        { id },
      );
      return { mfa: account?.mfa, policy: account?.policy, rootMfa: account?.rootMfa, devices, reported };
    };
    // Refused parts are unknown, not false; what the role may read is there.
    expect(await facts(member.id)).toEqual({
      mfa: null,
      policy: member.iam.passwordPolicy !== undefined,
      rootMfa: null,
      devices: 0,
      reported: 0,
    });
    const seen = await facts(other.id);
    expect(seen?.mfa).toBe(other.iam.root.mfaDevices.length > 0 ? 1 : 0);
    expect(seen?.devices).toBe(other.iam.users.reduce((n, u) => n + u.mfaDevices.length, 0));
    expect(seen?.reported).toBe(other.iam.users.length);
    expect(
      await count(store, 'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(u:AWSUser) RETURN count(u) AS c', {
        id: member.id,
      }),
    ).toBe(member.iam.users.length);
  });

  it('absorbs throttling with retries', async () => {
    const estate = generateAwsEstate({
      seed: 42,
      accounts: 2,
      regionsPerAccount: 1,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({ estate, throttleRate: 0.2 });
    const result = await syncAws(store, emulator);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    expect(emulator.stats().throttled).toBeGreaterThan(0);
    expect(result.counts.retries).toBeGreaterThan(0);
    await expectGraphMatchesEstate(store, estate);
  });

  it('retries dropped connections and server errors', async () => {
    const estate = generateAwsEstate({
      seed: 43,
      accounts: 2,
      regionsPerAccount: 1,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({
      estate,
      faults: [
        { service: 'ec2', operation: 'DescribeSecurityGroups', kind: 'DropConnection', times: 2 },
        { service: 'iam', operation: 'GetAccountAuthorizationDetails', kind: 'InternalError', times: 2 },
        { service: 's3', operation: 'GetBucketAcl', kind: 'InternalError', times: 1 },
        { service: 'elbv2', kind: 'Throttling', times: 2 },
        { service: 'organizations', operation: 'ListAccountsForParent', kind: 'InternalError', times: 1 },
      ],
    });
    const result = await syncAws(store, emulator);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    expect(emulator.stats().faults).toBe(8);
    expect(result.counts.retries).toBeGreaterThanOrEqual(7);
    await expectGraphMatchesEstate(store, estate);
  });

  it('renews credentials that expire mid-run: the role is assumed again and the sync completes', async () => {
    const estate = generateAwsEstate({
      seed: 46,
      accounts: 3,
      regionsPerAccount: 2,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({ estate });
    const [, member] = activeMembers(estate);
    if (!member) throw new Error('the estate has no member account');
    expect((await syncAws(store, emulator)).status).toBe('success');
    const assumedInCleanRun = emulator.stats().byOperation['sts:AssumeRole'] ?? 0;
    emulator.resetStats();

    // The member's session ends early (revoked, or the clocks disagree): from this request on,
    // everything it signs is refused with ExpiredToken until the role is assumed again.
    emulator.setFaults([
      {
        service: 'ec2',
        account: member.id,
        operation: 'DescribeSecurityGroups',
        kind: 'ExpiredToken',
        times: 1,
      },
    ]);
    const result = await syncAws(store, emulator);
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    expect(emulator.stats().byOperation['sts:AssumeRole']).toBe(assumedInCleanRun + 1);
    await expectGraphMatchesEstate(store, estate);
  });

  it('keeps the data of an account whose credentials stay expired, says so, and syncs the others', async () => {
    const estate = generateAwsEstate({
      seed: 47,
      accounts: 3,
      regionsPerAccount: 1,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({ estate });
    expect((await syncAws(store, emulator)).status).toBe('success');
    const [, member] = activeMembers(estate);
    if (!member) throw new Error('the estate has no member account');
    const region = member.enabledRegions[0] as string;
    const gone = member.regions[region]?.instances.pop();
    // Every request the member's sessions sign is refused as expired, fresh session or not.
    emulator.setFaults([{ account: member.id, kind: 'ExpiredToken' }]);
    const result = await syncAws(store, emulator);
    expect(result.status).toBe('partial');
    // Its regions cannot be listed either, so only its global scope is planned, and it fails.
    const failed = result.scopes.filter((s) => s.status === 'failed');
    expect(failed.map((s) => s.id)).toEqual([`aws/${member.id}/global`]);
    expect(failed[0]?.cleanedUp).toBe(false);
    expect(result.scopes.filter((s) => s.labels.account === member.id)).toHaveLength(1);
    for (const error of result.errors) {
      expect(error.message).toContain(member.id);
      expect(error.message).toMatch(/ExpiredToken: .*(is|has) expired/);
    }
    expect(
      result.scopes.filter((s) => s.status === 'success' && s.labels.account !== member.id).length,
    ).toBeGreaterThan(0);
    // Its instance removed from the estate is still in the graph: a failed scope is not cleaned up.
    expect(
      await count(store, 'MATCH (i:AWSEC2Instance {id: $id}) RETURN count(i) AS c', { id: gone?.instanceId }),
    ).toBe(1);
  });

  it.each([
    ['never answers', 'Stall'],
    ['resets every connection', 'DropConnection'],
  ] as const)(
    'an endpoint that %s fails its scope in bounded time, keeps its data and syncs the rest',
    async (_, kind) => {
      const estate = generateAwsEstate({
        seed: 48,
        accounts: 2,
        regionsPerAccount: 2,
        now: '2025-06-01T00:00:00Z',
      });
      emulator = await startAwsEmulator({ estate });
      const provider = () => emulatedProvider(emulator as AwsEmulator, {}, {}, 300);
      expect((await sync({ store, providers: [provider()], retry: FAST_RETRY })).status).toBe('success');
      const before = await count(store, 'MATCH (i:AWSEC2Instance) RETURN count(i) AS c');
      const [, member] = activeMembers(estate);
      if (!member) throw new Error('the estate has no member account');
      const region = member.enabledRegions[1] as string;
      member.regions[region]?.instances.pop();
      emulator.setFaults([
        { service: 'ec2', account: member.id, region, operation: 'DescribeInstances', kind },
      ]);

      const result = await sync({ store, providers: [provider()], retry: { ...FAST_RETRY, retries: 2 } });
      expect(result.status).toBe('partial');
      expect(result.errors.map((e) => e.scope)).toEqual([`aws/${member.id}/${region}`]);
      expect(result.errors[0]?.message).toMatch(
        kind === 'Stall' ? /timed? ?out|timeout/i : /socket hang up|ECONNRESET|reset/i,
      );
      // Three attempts (two retries), each bounded by the request timeout.
      expect(emulator.stats().faults).toBe(3);
      expect(result.scopes.filter((s) => s.status === 'success')).toHaveLength(result.scopes.length - 1);
      expect(await count(store, 'MATCH (i:AWSEC2Instance) RETURN count(i) AS c')).toBe(before);
    },
  );

  it('reports an account whose audit role cannot be assumed and syncs the others', async () => {
    const estate = generateAwsEstate({
      seed: 44,
      accounts: 3,
      regionsPerAccount: 1,
      accountsWithoutAuditRole: 1,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({ estate });
    const locked = estate.accounts[2];
    const result = await syncAws(store, emulator);
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      scope: `aws/${locked?.id}/global`,
      collector: 'sts:assume-role',
    });
    expect(result.errors[0]?.message).toMatch(/AccessDenied/);
    // Its regions are unknown without its credentials: only the global scope is planned (and fails).
    expect(result.scopes.filter((s) => s.labels.account === locked?.id).map((s) => s.status)).toEqual([
      'failed',
    ]);
    const synced = result.scopes.filter((s) => s.status === 'success').map((s) => s.labels.account);
    expect(new Set(synced)).toEqual(new Set([estate.accounts[0]?.id, estate.accounts[1]?.id]));
  });

  it('reports an account whose regions cannot be listed, and still syncs its IAM and S3', async () => {
    const estate = generateAwsEstate({
      seed: 45,
      accounts: 2,
      regionsPerAccount: 1,
      now: '2025-06-01T00:00:00Z',
    });
    emulator = await startAwsEmulator({
      estate,
      faults: [
        {
          service: 'ec2',
          account: estate.accounts[1]?.id,
          operation: 'DescribeRegions',
          kind: 'AccessDenied',
        },
      ],
    });
    const member = estate.accounts[1];
    const result = await syncAws(store, emulator);
    expect(result.status).toBe('partial');
    expect(result.errors).toEqual([
      expect.objectContaining({
        scope: `aws/${member?.id}/global`,
        collector: 'ec2:regions',
        code: 'ACCESS_DENIED',
      }),
    ]);
    expect(result.scopes.filter((s) => s.labels.account === member?.id).map((s) => s.id)).toEqual([
      `aws/${member?.id}/global`,
    ]);
    expect(
      await count(store, 'MATCH (:AWSAccount {id: $id})-[:RESOURCE]->(u:AWSUser) RETURN count(u) AS c', {
        id: member?.id,
      }),
    ).toBe(member?.iam.users.length);
  });
});
