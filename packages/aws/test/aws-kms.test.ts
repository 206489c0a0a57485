import { Writable } from 'node:stream';
import {
  type AwsEmulator,
  type AwsEstate,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import { createLogger, type GraphStore, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, emulatedProvider, FAST_RETRY } from './sync-helpers.ts';

interface Warning {
  msg: string;
  collector?: string;
  key?: string;
  operation?: string;
}

/** A logger that keeps its warnings, as a user reads them on standard error. */
function recordingLogger() {
  const warnings: Warning[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as Warning & { level: number };
        if (entry.level === 40)
          warnings.push({
            msg: entry.msg,
            collector: entry.collector,
            key: entry.key,
            operation: entry.operation,
          });
      }
      done();
    },
  });
  return { log: createLogger({ level: 'warn', json: true, destination }), warnings };
}

describe('AWS KMS when access is refused', () => {
  let store: GraphStore;
  let emulator: AwsEmulator | undefined;
  let estate: AwsEstate;

  const syncLogged = async (values: Record<string, unknown> = {}) => {
    const recorder = recordingLogger();
    if (!emulator) throw new Error('no emulator');
    const result = await sync({
      store,
      providers: [emulatedProvider(emulator, values)],
      retry: FAST_RETRY,
      log: recorder.log,
    });
    return { result, warnings: recorder.warnings };
  };

  beforeEach(async () => {
    store = await openTestStore();
    estate = generateAwsEstate({ seed: 47, accounts: 3, regionsPerAccount: 2, now: '2025-06-01T00:00:00Z' });
    emulator = await startAwsEmulator({ estate });
  });
  afterEach(async () => {
    await store.close();
    await emulator?.close();
    emulator = undefined;
  });

  it('keeps a key whose policy the audit role may not read, with its analysis unknown, and says which', async () => {
    const [, member] = activeMembers(estate);
    const region = member?.enabledRegions[0] as string;
    const key = member?.regions[region]?.kmsKeys.find((k) => k.keyManager === 'CUSTOMER');
    if (!member || !key) throw new Error('the member has no customer key');
    // The account may use and describe the key, not read its policy or rotation status.
    key.policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${member.id}:root` },
          Action: ['kms:Describe*', 'kms:List*', 'kms:Encrypt', 'kms:Decrypt'],
          Resource: '*',
        },
      ],
    };
    const { result, warnings } = await syncLogged();
    expect(result.errors).toEqual([]);
    expect(result.status).toBe('success');
    await expectGraphMatchesEstate(store, estate);
    const [row] = await store.read(
      'MATCH (k:AWSKMSKey {id: $id}) RETURN k.anonymous_access AS anonymous, k.policy AS policy, k.rotation_enabled AS rotation, k.key_state AS state',
      { id: key.keyId },
    );
    expect(row).toEqual({ anonymous: null, policy: null, rotation: null, state: 'Enabled' });
    expect(warnings.filter((w) => w.key !== undefined)).toEqual([
      {
        msg: 'a KMS key request refused; left unknown',
        collector: 'kms:keys',
        key: key.keyId,
        operation: 'GetKeyPolicy',
      },
      {
        msg: 'a KMS key request refused; left unknown',
        collector: 'kms:keys',
        key: key.keyId,
        operation: 'GetKeyRotationStatus',
      },
    ]);
  });

  it('reports a region where KMS is denied, keeps its keys, and syncs the rest of the region', async () => {
    const first = await syncLogged();
    expect(first.result.status).toBe('success');
    const [, member] = activeMembers(estate);
    const region = member?.enabledRegions[1] as string;
    const resources = member?.regions[region];
    if (!member || !resources) throw new Error('the member has no second region');
    // A key deleted for good takes its aliases with it.
    const goneKey = resources.kmsKeys.pop();
    resources.kmsAliases = resources.kmsAliases.filter((a) => a.targetKeyId !== goneKey?.keyId);
    const goneInstance = resources.instances.pop();
    emulator?.setFaults([
      { service: 'kms', account: member.id, region, operation: 'ListKeys', kind: 'AccessDenied' },
    ]);

    const { result, warnings } = await syncLogged();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      provider: 'aws',
      scope: `aws/${member.id}/${region}`,
      collector: 'kms:keys',
      code: 'ACCESS_DENIED',
    });
    expect(result.errors[0]?.message).toContain('AccessDeniedException');
    expect(
      warnings.filter((w) => w.collector === 'kms:keys' || w.msg.includes('collector failed')),
    ).toHaveLength(1);
    // The denied region keeps the key it can no longer list; its EC2 data is refreshed but, the scope having failed, not cleaned up.
    expect(
      await count(store, 'MATCH (k:AWSKMSKey {id: $id}) RETURN count(k) AS c', { id: goneKey?.keyId }),
    ).toBe(1);
    expect(
      await count(store, 'MATCH (i:AWSEC2Instance {id: $id}) RETURN count(i) AS c', {
        id: goneInstance?.instanceId,
      }),
    ).toBe(1);
    expect(
      await count(
        store,
        'MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(k:AWSKMSKey {region: $region}) RETURN count(k) AS c',
        { account: member.id, region: member.enabledRegions[0] },
      ),
    ).toBe(member.regions[member.enabledRegions[0] as string]?.kmsKeys.length);

    emulator?.setFaults([]);
    const healed = await syncLogged();
    expect(healed.result.status).toBe('success');
    await expectGraphMatchesEstate(store, estate);
  });

  it('syncs KMS alone with --aws-services kms', async () => {
    const { result } = await syncLogged({ awsServices: ['kms'] });
    expect(result.status).toBe('success');
    const members = activeMembers(estate);
    const keys = members.reduce(
      (n, a) => n + Object.values(a.regions).reduce((m, r) => m + r.kmsKeys.length, 0),
      0,
    );
    expect(await count(store, 'MATCH (k:AWSKMSKey) RETURN count(k) AS c')).toBe(keys);
    expect(await count(store, 'MATCH (i:AWSEC2Instance) RETURN count(i) AS c')).toBe(0);
    expect(emulator?.stats().byService.ec2 ?? 0).toBe(
      emulator?.stats().byOperation['ec2:DescribeRegions'] ?? 0,
    );
  });
});
