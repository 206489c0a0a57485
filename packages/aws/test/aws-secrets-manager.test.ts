import { describe, expect, it } from 'vitest';
import { activeMembers, expectGraphMatchesEstate } from './estate-expectations.ts';
import { count, useEmulatedAws } from './sync-helpers.ts';

describe('AWS Secrets Manager against the emulator', () => {
  const aws = useEmulatedAws({ estate: { seed: 53 } });

  const management = () => {
    const account = aws.estate.accounts.find((a) => a.id === aws.estate.organization.managementAccountId);
    if (!account) throw new Error('no management account');
    return account;
  };

  it('writes secrets and versions under Cartography names, with rotation, policy analysis and keys', async () => {
    const { result } = await aws.sync();
    expect(result.errors).toEqual([]);
    await expectGraphMatchesEstate(aws.store, aws.estate);
    const account = management();
    const regionName = account.enabledRegions[0] as string;
    const region = account.regions[regionName];
    if (!region) throw new Error('no region');
    const rows = await aws.store.read(
      `MATCH (:AWSAccount {id: $account})-[:RESOURCE]->(s:AWSSecretsManagerSecret:SecretsManagerSecret:Secret {region: $region})
       OPTIONAL MATCH (s)-[:ENCRYPTED_BY]->(k:AWSKMSKey)
       RETURN s.description AS description, s.rotation_enabled AS rotation, s.last_rotated_date AS rotated,
              s.anonymous_access AS anonymous, s.anonymous_actions AS actions, s.cross_account_principals AS foreign,
              s.kms_key_id AS kmsKeyId, k.arn AS key`,
      { account: account.id, region: regionName },
    );
    const by = (d: string) => rows.find((r) => r.description === d);
    const external = aws.estate.accounts.find((a) => a.parentId === undefined)?.id;
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

    const versions = await aws.store.read(
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
    const served = Object.keys(aws.emulator.stats().byOperation).filter((op) =>
      op.startsWith('secretsmanager:'),
    );
    expect(served.sort()).toEqual([
      'secretsmanager:GetResourcePolicy',
      'secretsmanager:ListSecretVersionIds',
      'secretsmanager:ListSecrets',
    ]);
  });

  it('removes a deleted secret and its versions on the next sync, and keeps a refused policy unknown', async () => {
    await aws.sync();
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
    const { result: second } = await aws.sync();
    expect(second.errors).toEqual([]);
    expect(second.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
    expect(
      await count(aws.store, 'MATCH (s:AWSSecretsManagerSecret {id: $id}) RETURN count(s) AS c', {
        id: gone.arn,
      }),
    ).toBe(0);
    expect(
      await count(
        aws.store,
        'MATCH (v:AWSSecretsManagerSecretVersion {secret_id: $id}) RETURN count(v) AS c',
        {
          id: gone.arn,
        },
      ),
    ).toBe(0);
    const [row] = await aws.store.read(
      'MATCH (s:AWSSecretsManagerSecret {id: $id}) RETURN s.anonymous_access AS anonymous, s.policy AS policy',
      { id: denying.arn },
    );
    expect(row).toEqual({ anonymous: null, policy: null });
  });

  it('reports a region where Secrets Manager is denied, keeps its secrets, and syncs the rest', async () => {
    const { result: first } = await aws.sync();
    expect(first.status).toBe('success');
    const [, member] = activeMembers(aws.estate);
    const region = member?.enabledRegions[1] as string;
    const resources = member?.regions[region];
    if (!member || !resources) throw new Error('the member has no second region');
    const gone = resources.secrets.pop();
    aws.emulator.setFaults([
      {
        service: 'secretsmanager',
        account: member.id,
        region,
        operation: 'ListSecrets',
        kind: 'AccessDenied',
      },
    ]);
    const { result } = await aws.sync();
    expect(result.status).toBe('partial');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({
      provider: 'aws',
      scope: `aws/${member.id}/${region}`,
      collector: 'secretsmanager:secrets',
      code: 'ACCESS_DENIED',
    });
    expect(
      await count(aws.store, 'MATCH (s:AWSSecretsManagerSecret {id: $id}) RETURN count(s) AS c', {
        id: gone?.arn,
      }),
    ).toBe(1);
    aws.emulator.setFaults([]);
    const { result: healed } = await aws.sync();
    expect(healed.status).toBe('success');
    await expectGraphMatchesEstate(aws.store, aws.estate);
  });

  it('syncs Secrets Manager alone with --aws-services secretsmanager', async () => {
    const { result } = await aws.sync({ awsServices: ['secretsmanager'] });
    expect(result.status).toBe('success');
    const secrets = activeMembers(aws.estate).reduce(
      (n, a) => n + Object.values(a.regions).reduce((m, r) => m + r.secrets.length, 0),
      0,
    );
    expect(await count(aws.store, 'MATCH (s:AWSSecretsManagerSecret) RETURN count(s) AS c')).toBe(secrets);
    expect(await count(aws.store, 'MATCH (k:AWSKMSKey) RETURN count(k) AS c')).toBe(0);
    expect(aws.emulator.stats().byService.kms ?? 0).toBe(0);
  });
});
