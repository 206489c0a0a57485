import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeysCommand,
  paginateListAliases,
  paginateListKeys,
} from '@aws-sdk/client-kms';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AwsKmsKey } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 61,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4, counts: { kmsKeys: 9 } },
  });
});
afterAll(() => emulator.close());

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const kms = (region = 'us-east-1') => new KMSClient(clientConfig(emulator, { region }));
const described = (description: string): AwsKmsKey => {
  const key = hubRegion().kmsKeys.find((k) => k.description === description);
  if (!key) throw new Error(`no key ${description}`);
  return key;
};

describe('KMS emulation', () => {
  it('pages ListKeys with Limit, Truncated and NextMarker, per region', async () => {
    const ids: string[] = [];
    let pages = 0;
    for await (const page of paginateListKeys({ client: kms() }, { Limit: 4 })) {
      pages++;
      ids.push(...(page.Keys ?? []).map((k) => k.KeyId ?? ''));
      if (page.Truncated) expect(page.NextMarker).toBeTruthy();
      else expect(page.NextMarker).toBeUndefined();
    }
    const model = hubRegion().kmsKeys;
    expect(ids).toEqual(model.map((k) => k.keyId));
    expect(pages).toBe(Math.ceil(model.length / 4));
    const first = await kms().send(new ListKeysCommand({}));
    expect(first.Keys?.[0]).toEqual({ KeyId: model[0]?.keyId, KeyArn: model[0]?.arn });
    const other = await kms('eu-west-1').send(new ListKeysCommand({}));
    const otherModel = emulator.estate.accounts[0]?.regions['eu-west-1']?.kmsKeys ?? [];
    expect(other.Keys?.map((k) => k.KeyId)).toEqual(otherModel.map((k) => k.keyId));
  });

  it('describes a key with the documented KeyMetadata, by id, ARN or alias', async () => {
    const key = described('retired-key');
    const out = await kms().send(new DescribeKeyCommand({ KeyId: key.keyId }));
    expect(out.KeyMetadata).toMatchObject({
      AWSAccountId: emulator.estate.organization.managementAccountId,
      KeyId: key.keyId,
      Arn: key.arn,
      Enabled: false,
      KeyState: 'PendingDeletion',
      KeyUsage: 'ENCRYPT_DECRYPT',
      Origin: 'AWS_KMS',
      KeyManager: 'CUSTOMER',
      KeySpec: 'SYMMETRIC_DEFAULT',
      EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
      MultiRegion: false,
      PendingDeletionWindowInDays: 30,
    });
    expect(out.KeyMetadata?.CreationDate).toEqual(new Date(key.creationDate));
    expect(out.KeyMetadata?.DeletionDate).toEqual(new Date(key.deletionDate ?? ''));
    const byArn = await kms().send(new DescribeKeyCommand({ KeyId: key.arn }));
    const byAlias = await kms().send(new DescribeKeyCommand({ KeyId: 'alias/retired-key' }));
    expect(byArn.KeyMetadata?.KeyId).toBe(key.keyId);
    expect(byAlias.KeyMetadata?.KeyId).toBe(key.keyId);
    const managed = await kms().send(new DescribeKeyCommand({ KeyId: 'alias/aws/ebs' }));
    expect(managed.KeyMetadata).toMatchObject({ KeyManager: 'AWS', Enabled: true });
  });

  it('lists aliases with AWS managed ones, those without a key included, and per key', async () => {
    const names: string[] = [];
    for await (const page of paginateListAliases({ client: kms() }, { Limit: 5 })) {
      names.push(...(page.Aliases ?? []).map((a) => a.AliasName ?? ''));
    }
    expect(names).toEqual(hubRegion().kmsAliases.map((a) => a.aliasName));
    expect(names).toEqual(expect.arrayContaining(['alias/aws/ebs', 'alias/aws/rds', 'alias/aws/lambda']));
    const all = await kms().send(new ListAliasesCommand({ Limit: 100 }));
    const lambda = all.Aliases?.find((a) => a.AliasName === 'alias/aws/lambda');
    expect(lambda).toEqual({
      AliasName: 'alias/aws/lambda',
      AliasArn: `arn:aws:kms:us-east-1:${emulator.estate.organization.managementAccountId}:alias/aws/lambda`,
    });
    const key = described('public-everyone-key');
    const mine = await kms().send(new ListAliasesCommand({ KeyId: key.arn }));
    expect(mine.Aliases).toHaveLength(1);
    expect(mine.Aliases?.[0]).toMatchObject({
      AliasName: 'alias/public-everyone-key',
      TargetKeyId: key.keyId,
    });
    expect(mine.Aliases?.[0]?.CreationDate).toBeInstanceOf(Date);
    expect(mine.Truncated).toBe(false);
  });

  it('returns the default key policy as a JSON string', async () => {
    const key = described('public-everyone-key');
    const out = await kms().send(new GetKeyPolicyCommand({ KeyId: key.keyId }));
    expect(out.PolicyName).toBe('default');
    expect(JSON.parse(out.Policy ?? '')).toEqual(key.policy);
    const named = await kms().send(new GetKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'default' }));
    expect(named.Policy).toBe(out.Policy);
    const other = await rejectionOf(
      kms().send(new GetKeyPolicyCommand({ KeyId: key.keyId, PolicyName: 'x' })),
    );
    expect(other.name).toBe('NotFoundException');
  });

  it('answers the rotation status of customer, AWS managed, pending-deletion and asymmetric keys', async () => {
    const off = await kms().send(
      new GetKeyRotationStatusCommand({ KeyId: described('legacy-no-rotation-key').keyId }),
    );
    expect(off).toMatchObject({ KeyRotationEnabled: false, KeyId: described('legacy-no-rotation-key').arn });
    const on = await kms().send(
      new GetKeyRotationStatusCommand({ KeyId: described('public-everyone-key').arn }),
    );
    expect(on).toMatchObject({ KeyRotationEnabled: true, RotationPeriodInDays: 365 });
    expect(on.NextRotationDate).toBeInstanceOf(Date);
    const managed = await kms().send(new GetKeyRotationStatusCommand({ KeyId: 'alias/aws/rds' }));
    expect(managed.KeyRotationEnabled).toBe(true);
    const retired = await kms().send(
      new GetKeyRotationStatusCommand({ KeyId: described('retired-key').keyId }),
    );
    expect(retired.KeyRotationEnabled).toBe(false);
    const signing = hubRegion().kmsKeys.find((k) => k.keySpec === 'RSA_2048');
    const unsupported = await rejectionOf(
      kms().send(new GetKeyRotationStatusCommand({ KeyId: signing?.keyId ?? '' })),
    );
    expect(unsupported.name).toBe('UnsupportedOperationException');
  });

  it('pages a key’s grants with the documented GrantListEntry', async () => {
    const key = hubRegion().kmsKeys.find((k) => k.keyManager === 'AWS' && k.grants.length > 0);
    if (!key) throw new Error('no key with grants');
    for (let i = 0; i < 3; i++) {
      key.grants.push({
        grantId: `${i}`.repeat(64),
        creationDate: '2024-01-01T00:00:00Z',
        granteePrincipal: 'arn:aws:iam::111122223333:role/extra',
        issuingAccountId: emulator.estate.organization.managementAccountId,
        operations: ['Decrypt'],
      });
    }
    const first = await kms().send(new ListGrantsCommand({ KeyId: key.keyId, Limit: 3 }));
    expect(first.Truncated).toBe(true);
    expect(first.Grants?.[0]).toEqual({
      KeyId: key.arn,
      GrantId: key.grants[0]?.grantId,
      CreationDate: new Date(key.grants[0]?.creationDate ?? ''),
      GranteePrincipal: key.grants[0]?.granteePrincipal,
      IssuingAccount: `arn:aws:iam::${emulator.estate.organization.managementAccountId}:root`,
      Operations: key.grants[0]?.operations,
    });
    const rest = await kms().send(
      new ListGrantsCommand({ KeyId: key.keyId, Limit: 3, Marker: first.NextMarker }),
    );
    expect(rest.Truncated).toBe(false);
    expect([...(first.Grants ?? []), ...(rest.Grants ?? [])].map((g) => g.GrantId)).toEqual(
      key.grants.map((g) => g.grantId),
    );
    key.grants.splice(1);
  });

  it('answers KMS errors: missing keys, bad limits and markers, unknown keys', async () => {
    const missing = await rejectionOf(
      kms().send(new DescribeKeyCommand({ KeyId: '00000000-0000-4000-8000-000000000000' })),
    );
    expect(missing.name).toBe('NotFoundException');
    expect(missing.$metadata?.httpStatusCode).toBe(400);
    const alias = await rejectionOf(kms().send(new DescribeKeyCommand({ KeyId: 'alias/nope' })));
    expect(alias.name).toBe('NotFoundException');
    const limit = await rejectionOf(kms().send(new ListKeysCommand({ Limit: 1001 })));
    expect(limit.name).toBe('ValidationException');
    const marker = await rejectionOf(kms().send(new ListKeysCommand({ Marker: 'bogus' })));
    expect(marker.name).toBe('InvalidMarkerException');
    const foreign = await rejectionOf(
      kms().send(new ListGrantsCommand({ KeyId: 'arn:aws:kms:us-east-1:999999999999:key/nope' })),
    );
    expect(foreign.name).toBe('NotFoundException');
  });

  it('authorises key operations by the key policy, for the audit role of each account', async () => {
    const member = emulator.estate.accounts[1];
    const key = member?.regions['us-east-1']?.kmsKeys.find((k) => k.keyManager === 'CUSTOMER');
    if (!member || !key) throw new Error('no member key');
    const credentials = await assumeAuditRole(emulator, member.id);
    const client = new KMSClient(clientConfig(emulator, { credentials }));
    const listed = await client.send(new ListKeysCommand({}));
    expect(listed.Keys?.map((k) => k.KeyId)).toContain(key.keyId);
    expect((await client.send(new GetKeyPolicyCommand({ KeyId: key.keyId }))).Policy).toBeTruthy();
    // A policy that gives the account only the use of the key keeps its policy from the audit role.
    const saved = key.policy;
    key.policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: `arn:aws:iam::${member.id}:root` },
          Action: ['kms:Describe*', 'kms:List*'],
        },
      ],
    };
    try {
      expect((await client.send(new DescribeKeyCommand({ KeyId: key.keyId }))).KeyMetadata?.KeyId).toBe(
        key.keyId,
      );
      const denied = await rejectionOf(client.send(new GetKeyPolicyCommand({ KeyId: key.keyId })));
      expect(denied.name).toBe('AccessDeniedException');
      expect(denied.message).toContain('kms:GetKeyPolicy');
    } finally {
      key.policy = saved;
    }
  });

  it('routes by the X-Amz-Target of an unsigned request and asks for a signature', async () => {
    const res = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'TrentService.ListKeys' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
