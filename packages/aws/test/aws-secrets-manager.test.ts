import {
  type AwsEmulator,
  type AwsEstate,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import { type GraphStore, sync } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, emulatedProvider, FAST_RETRY, syncAws } from './sync-helpers.ts';

describe('AWS Secrets Manager against the emulator', () => {
  let store: GraphStore;
  let emulator: AwsEmulator | undefined;
  let estate: AwsEstate;

  beforeEach(async () => {
    store = await openTestStore();
    estate = generateAwsEstate({ seed: 53, accounts: 3, regionsPerAccount: 2, now: '2025-06-01T00:00:00Z' });
    emulator = await startAwsEmulator({ estate });
  });
  afterEach(async () => {
    await store.close();
    await emulator?.close();
    emulator = undefined;
  });

  const management = () => {
    const account = estate.accounts.find((a) => a.id === estate.organization.managementAccountId);
    if (!account) throw new Error('no management account');
    return account;
  };

  it('writes secrets and versions under Cartography names, with rotation, policy analysis and keys', async () => {
    if (!emulator) throw new Error('no emulator');
    const result = await syncAws(store, emulator);
    expect(result.errors).toEqual([]);
    await expectGraphMatchesEstate(store, estate);
    const account = management();
    const regionName = account.enabledRegions[0] as string;
    const region = account.regions[regionName];
    if (!region) throw new Error('no region');
    const rows = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(s:AWSSecretsManagerSecret:SecretsManagerSecret:Secret {region: $region})
       OPTIONAL MATCH (s)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
       RETURN s.description AS description, s.rotation_enabled AS rotation, s.last_rotated_date AS rotated,
              s.anonymous_access AS anonymous, s.anonymous_actions AS actions, s.cross_account_principals AS foreign,
              s.kms_key_id AS kmsKeyId, k.arn AS key`,
      { account: account.id, region: regionName },
    );
    const by = (d: string) => rows.find((r) => r.description === d);
    const external = estate.accounts.find((a) => a.parentId === undefined)?.id;
    expect(by('legacy-no-rotation-secret')).toMatchObject({
      rotation: false,
      rotated: null,
      anonymous: false,
    });
    const stale = region.secrets.find((s) => s.description === 'stale-rotation-secret');
    expect(by('stale-rotation-secret')).toMatchObject({
      rotation: true,
      rotated: Date.parse(stale?.lastRotatedDate ?? '') / 1000,
      key: stale?.kmsKeyId,
    });
    expect(by('vendor-shared-secret')).toMatchObject({
      anonymous: false,
      foreign: [`arn:aws:iam::${external}:root`],
    });
    expect(by('public-secret')).toMatchObject({
      anonymous: true,
      actions: ['secretsmanager:GetSecretValue'],
      foreign: [],
    });
    expect(by('account-only-secret')).toMatchObject({ anonymous: false, foreign: [] });
    // The customer key: ENCRYPTED_BY matched on the key's ARN; aws/secretsmanager: no key id, no edge.
    const customer = region.secrets.find((s) => s.description === 'customer-key-secret');
    expect(by('customer-key-secret')).toMatchObject({
      kmsKeyId: customer?.kmsKeyId,
      key: customer?.kmsKeyId,
    });
    expect(by('default-key-secret')).toMatchObject({ kmsKeyId: null, key: null });

    const versions = await store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(v:AWSSecretsManagerSecretVersion:SecretsManagerSecretVersion {region: $region})-[:VERSION_OF]->(s:AWSSecretsManagerSecret)
       OPTIONAL MATCH (v)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
       RETURN v.id AS id, s.arn AS secret, v.version_stages AS stages, k.arn AS key ORDER BY id`,
      { account: account.id, region: regionName },
    );
    expect(versions).toEqual(
      region.secrets
        .flatMap((s) =>
          s.versions.map((v) => ({
            id: `${s.arn}:version:${v.versionId}`,
            secret: s.arn,
            stages: v.stages,
            key: s.kmsKeyId ?? null,
          })),
        )
        .sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    // Metadata only: no request that returns a secret value.
    const served = Object.keys(emulator.stats().byOperation).filter((op) => op.startsWith('secretsmanager:'));
    expect(served.sort()).toEqual([
      'secretsmanager:GetResourcePolicy',
      'secretsmanager:ListSecretVersionIds',
      'secretsmanager:ListSecrets',
    ]);
  });

  it('removes a deleted secret and its versions on the next sync, and keeps a refused policy unknown', async () => {
    if (!emulator) throw new Error('no emulator');
    await syncAws(store, emulator);
    const account = management();
    const region = account.regions[account.enabledRegions[0] as string];
    const gone = region?.secrets.find((s) => s.description === 'stale-rotation-secret');
    const denying = region?.secrets.find((s) => s.description === 'public-secret');
    if (!region || !gone || !denying) throw new Error('no seeded secrets');
    region.secrets = region.secrets.filter((s) => s !== gone);
    denying.policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Deny',
          Principal: { AWS: '*' },
          Action: 'secretsmanager:GetResourcePolicy',
          Resource: '*',
        },
      ],
    };
    const second = await syncAws(store, emulator);
    expect(second.errors).toEqual([]);
    expect(second.status).toBe('success');
    await expectGraphMatchesEstate(store, estate);
    expect(
      await count(store, 'MATCH (s:AWSSecretsManagerSecret {id: $id}) RETURN count(s) AS c', {
        id: gone.arn,
      }),
    ).toBe(0);
    expect(
      await count(store, 'MATCH (v:AWSSecretsManagerSecretVersion {secret_id: $id}) RETURN count(v) AS c', {
        id: gone.arn,
      }),
    ).toBe(0);
    const [row] = await store.read(
      'MATCH (s:AWSSecretsManagerSecret {id: $id}) RETURN s.anonymous_access AS anonymous, s.policy AS policy',
      { id: denying.arn },
    );
    expect(row).toEqual({ anonymous: null, policy: null });
  });

  it('reports a region where Secrets Manager is denied, keeps its secrets, and syncs the rest', async () => {
    if (!emulator) throw new Error('no emulator');
    const first = await syncAws(store, emulator);
    expect(first.status).toBe('success');
    const [, member] = activeMembers(estate);
    const region = member?.enabledRegions[1] as string;
    const resources = member?.regions[region];
    if (!member || !resources) throw new Error('the member has no second region');
    const gone = resources.secrets.pop();
    emulator.setFaults([
      {
        service: 'secretsmanager',
        account: member.id,
        region,
        operation: 'ListSecrets',
        kind: 'AccessDenied',
      },
    ]);
    const result = await syncAws(store, emulator);
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      provider: 'aws',
      scope: `aws/${member.id}/${region}`,
      collector: 'secretsmanager:secrets',
      code: 'ACCESS_DENIED',
    });
    expect(
      await count(store, 'MATCH (s:AWSSecretsManagerSecret {id: $id}) RETURN count(s) AS c', {
        id: gone?.arn,
      }),
    ).toBe(1);
    emulator.setFaults([]);
    const healed = await syncAws(store, emulator);
    expect(healed.status).toBe('success');
    await expectGraphMatchesEstate(store, estate);
  });

  it('syncs Secrets Manager alone with --aws-services secretsmanager', async () => {
    if (!emulator) throw new Error('no emulator');
    const result = await sync({
      store,
      providers: [emulatedProvider(emulator, { awsServices: ['secretsmanager'] })],
      retry: FAST_RETRY,
    });
    expect(result.status).toBe('success');
    const secrets = activeMembers(estate).reduce(
      (n, a) => n + Object.values(a.regions).reduce((m, r) => m + r.secrets.length, 0),
      0,
    );
    expect(await count(store, 'MATCH (s:AWSSecretsManagerSecret) RETURN count(s) AS c')).toBe(secrets);
    expect(await count(store, 'MATCH (k:AWSKMSKey) RETURN count(k) AS c')).toBe(0);
    expect(emulator.stats().byService.kms ?? 0).toBe(0);
  });
});
