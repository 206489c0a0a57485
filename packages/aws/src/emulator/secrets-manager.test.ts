import {
  GetResourcePolicyCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  paginateListSecrets,
  SecretsManagerClient,
} from '@aws-sdk/client-secrets-manager';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AwsSecret } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 67,
    scale: { accounts: 2, regionsPerAccount: 2, resourcesPerRegion: 4, counts: { secrets: 7 } },
  });
});
afterAll(() => emulator.close());
afterEach(() => emulator.setFaults([]));

const hubRegion = () => {
  const region = emulator.estate.accounts[0]?.regions['us-east-1'];
  if (!region) throw new Error('no hub region');
  return region;
};
const sm = (region = 'us-east-1') => new SecretsManagerClient(clientConfig(emulator, { region }));
const described = (description: string): AwsSecret => {
  const secret = hubRegion().secrets.find((s) => s.description === description);
  if (!secret) throw new Error(`no secret ${description}`);
  return secret;
};

describe('Secrets Manager emulation', () => {
  it('pages ListSecrets with MaxResults and NextToken, per region', async () => {
    const arns: string[] = [];
    let pages = 0;
    for await (const page of paginateListSecrets({ client: sm() }, { MaxResults: 4 })) {
      pages++;
      arns.push(...(page.SecretList ?? []).map((s) => s.ARN ?? ''));
    }
    const model = hubRegion().secrets;
    expect(model.length).toBeGreaterThan(7);
    expect(arns).toEqual(model.map((s) => s.arn));
    expect(pages).toBe(Math.ceil(model.length / 4));
    const other = await sm('eu-west-1').send(new ListSecretsCommand({}));
    const otherModel = emulator.estate.accounts[0]?.regions['eu-west-1']?.secrets ?? [];
    expect(other.SecretList?.map((s) => s.ARN)).toEqual(otherModel.map((s) => s.arn));
    expect(other.NextToken).toBeUndefined();
  });

  it('lists a secret with the documented SecretListEntry, dates as dates, and no value', async () => {
    const secret = described('stale-rotation-secret');
    const { SecretList } = await sm().send(new ListSecretsCommand({}));
    const entry = SecretList?.find((s) => s.ARN === secret.arn);
    expect(entry).toMatchObject({
      ARN: secret.arn,
      Name: 'legacy/stale-rotation-secret',
      Description: 'stale-rotation-secret',
      KmsKeyId: secret.kmsKeyId,
      RotationEnabled: true,
      RotationLambdaARN: secret.rotationLambdaArn,
      RotationRules: { AutomaticallyAfterDays: 30 },
    });
    expect(secret.kmsKeyId).toMatch(/^arn:aws:kms:us-east-1:\d{12}:key\//);
    expect(entry?.CreatedDate).toEqual(new Date(secret.createdDate));
    expect(entry?.LastRotatedDate).toEqual(new Date(secret.lastRotatedDate ?? ''));
    expect(entry?.NextRotationDate?.getTime()).toBeGreaterThan(Date.parse(secret.lastRotatedDate ?? ''));
    expect(Object.keys(entry?.SecretVersionsToStages ?? {})).toHaveLength(2);
    expect(entry?.Tags?.[0]?.Key).toBe('team');
    expect(JSON.stringify(SecretList)).not.toMatch(/SecretString|SecretBinary/);
    // Never configured to rotate: RotationEnabled is left out; the default key: no KmsKeyId.
    const never = SecretList?.find((s) => s.Name === 'legacy/no-rotation-secret');
    expect(never).toBeDefined();
    expect(never?.RotationEnabled).toBeUndefined();
    expect(never?.LastRotatedDate).toBeUndefined();
    expect(SecretList?.find((s) => s.Name === 'app/default-key-secret')?.KmsKeyId).toBeUndefined();
  });

  it('leaves secrets scheduled for deletion out unless IncludePlannedDeletion', async () => {
    const secret = described('customer-key-secret');
    secret.deletedDate = '2025-01-01T00:00:00Z';
    try {
      const listed = await sm().send(new ListSecretsCommand({}));
      expect(listed.SecretList?.map((s) => s.ARN)).not.toContain(secret.arn);
      const planned = await sm().send(new ListSecretsCommand({ IncludePlannedDeletion: true }));
      expect(planned.SecretList?.find((s) => s.ARN === secret.arn)?.DeletedDate).toEqual(
        new Date('2025-01-01T00:00:00Z'),
      );
    } finally {
      delete secret.deletedDate;
    }
  });

  it('returns the resource policy as a JSON string, and none when the secret has none', async () => {
    const shared = described('vendor-shared-secret');
    const out = await sm().send(new GetResourcePolicyCommand({ SecretId: shared.arn }));
    expect(out.ARN).toBe(shared.arn);
    expect(out.Name).toBe(shared.name);
    expect(JSON.parse(out.ResourcePolicy ?? '')).toEqual(shared.policy);
    const byName = await sm().send(new GetResourcePolicyCommand({ SecretId: shared.name }));
    expect(byName.ResourcePolicy).toBe(out.ResourcePolicy);
    const none = await sm().send(
      new GetResourcePolicyCommand({ SecretId: described('default-key-secret').arn }),
    );
    expect(none.ARN).toBeTruthy();
    expect(none.ResourcePolicy).toBeUndefined();
  });

  it('lists the versions of a secret with their stages and keys, deprecated ones on request', async () => {
    const secret = described('stale-rotation-secret');
    const out = await sm().send(new ListSecretVersionIdsCommand({ SecretId: secret.arn, MaxResults: 1 }));
    expect(out.ARN).toBe(secret.arn);
    expect(out.Versions).toHaveLength(1);
    expect(out.NextToken).toBeTruthy();
    const rest = await sm().send(
      new ListSecretVersionIdsCommand({ SecretId: secret.arn, MaxResults: 1, NextToken: out.NextToken }),
    );
    expect(rest.NextToken).toBeUndefined();
    const versions = [...(out.Versions ?? []), ...(rest.Versions ?? [])];
    expect(versions.map((v) => v.VersionId)).toEqual(secret.versions.map((v) => v.versionId));
    expect(versions[0]).toMatchObject({ VersionStages: ['AWSCURRENT'], KmsKeyIds: [secret.kmsKeyId] });
    expect(versions[0]?.CreatedDate).toEqual(new Date(secret.versions[0]?.createdDate ?? ''));
    const deprecated = {
      versionId: 'b3f5c2de-0000-4000-8000-000000000001',
      stages: [],
      createdDate: secret.createdDate,
      kmsKeyIds: [],
    };
    secret.versions.push(deprecated);
    try {
      const current = await sm().send(new ListSecretVersionIdsCommand({ SecretId: secret.arn }));
      expect(current.Versions?.map((v) => v.VersionId)).not.toContain(deprecated.versionId);
      const all = await sm().send(
        new ListSecretVersionIdsCommand({ SecretId: secret.arn, IncludeDeprecated: true }),
      );
      expect(all.Versions?.map((v) => v.VersionId)).toContain(deprecated.versionId);
    } finally {
      secret.versions.pop();
    }
  });

  it('answers Secrets Manager errors: missing secrets, bad MaxResults and tokens, unknown operations', async () => {
    const missing = await rejectionOf(
      sm().send(new GetResourcePolicyCommand({ SecretId: 'no/such-secret' })),
    );
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.message).toBe("Secrets Manager can't find the specified secret.");
    const versions = await rejectionOf(
      sm().send(new ListSecretVersionIdsCommand({ SecretId: 'no/such-secret' })),
    );
    expect(versions.name).toBe('ResourceNotFoundException');
    const limit = await rejectionOf(sm().send(new ListSecretsCommand({ MaxResults: 101 })));
    expect(limit.name).toBe('ValidationException');
    const token = await rejectionOf(sm().send(new ListSecretsCommand({ NextToken: 'bogus' })));
    expect(token.name).toBe('InvalidNextTokenException');
    const foreign = await rejectionOf(
      sm().send(
        new GetResourcePolicyCommand({
          SecretId: described('public-secret').arn.replace('us-east-1', 'eu-west-1'),
        }),
      ),
    );
    expect(foreign.name).toBe('ResourceNotFoundException');
  });

  it('refuses with an explicit Deny of the resource policy, and as an injected fault', async () => {
    const member = emulator.estate.accounts[1];
    const secret = member?.regions['us-east-1']?.secrets[0];
    if (!member || !secret) throw new Error('no member secret');
    const credentials = await assumeAuditRole(emulator, member.id);
    const client = new SecretsManagerClient(clientConfig(emulator, { credentials }));
    expect((await client.send(new ListSecretsCommand({}))).SecretList?.map((s) => s.ARN)).toContain(
      secret.arn,
    );
    const saved = secret.policy;
    secret.policy = {
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
    try {
      const denied = await rejectionOf(client.send(new GetResourcePolicyCommand({ SecretId: secret.arn })));
      expect(denied.name).toBe('AccessDeniedException');
      expect(denied.message).toContain('explicit deny in a resource-based policy');
      const listed = await client.send(new ListSecretVersionIdsCommand({ SecretId: secret.arn }));
      expect(listed.Versions?.length).toBeGreaterThan(0);
    } finally {
      secret.policy = saved;
    }
    emulator.setFaults([{ service: 'secretsmanager', operation: 'ListSecrets', kind: 'AccessDenied' }]);
    const faulted = await rejectionOf(client.send(new ListSecretsCommand({})));
    expect(faulted.name).toBe('AccessDeniedException');
    expect(faulted.message).toContain('secretsmanager:ListSecrets');
  });

  it('routes by the X-Amz-Target of an unsigned request and asks for a signature', async () => {
    const res = await fetch(emulator.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'secretsmanager.ListSecrets' },
      body: '{}',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-amzn-errortype')).toBe('MissingAuthenticationTokenException');
  });
});
