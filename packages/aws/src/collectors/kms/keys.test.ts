import { describe, expect, it } from 'vitest';
import { type KeyDetails, rotationApplies, transformAliases, transformKeys } from './keys.ts';

const where = { accountId: '111122223333', region: 'us-east-2' };
const KEY_ID = '1234abcd-12ab-34cd-56ef-1234567890ab';
const KEY_ARN = `arn:aws:kms:us-east-2:111122223333:key/${KEY_ID}`;

/** DescribeKey, GetKeyPolicy, GetKeyRotationStatus and ListGrants answers (KMS API reference examples). */
const keys: { keys: KeyDetails[] } = {
  keys: [
    {
      metadata: {
        AWSAccountId: '111122223333',
        KeyId: KEY_ID,
        Arn: KEY_ARN,
        CreationDate: new Date('2017-07-05T14:04:55.000Z'),
        Enabled: true,
        Description: 'payments key',
        KeyUsage: 'ENCRYPT_DECRYPT',
        KeyState: 'Enabled',
        Origin: 'AWS_KMS',
        KeyManager: 'CUSTOMER',
        CustomerMasterKeySpec: 'SYMMETRIC_DEFAULT',
        KeySpec: 'SYMMETRIC_DEFAULT',
        EncryptionAlgorithms: ['SYMMETRIC_DEFAULT'],
        MultiRegion: false,
      },
      policy: JSON.stringify({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::111122223333:root' },
            Action: 'kms:*',
            Resource: '*',
          },
          {
            Effect: 'Allow',
            Principal: { AWS: 'arn:aws:iam::444455556666:root' },
            Action: 'kms:Decrypt',
            Resource: '*',
          },
        ],
      }),
      rotationEnabled: false,
      grants: [
        {
          KeyId: KEY_ARN,
          GrantId: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60',
          Name: '',
          CreationDate: new Date('2020-01-01T00:00:00.000Z'),
          GranteePrincipal: 'arn:aws:iam::111122223333:role/ec2-app-role',
          IssuingAccount: 'arn:aws:iam::111122223333:root',
          Operations: ['Decrypt', 'GenerateDataKey'],
        },
      ],
    },
    {
      metadata: {
        KeyId: '0987dcba-09fe-87dc-65ba-ab0987654321',
        Arn: 'arn:aws:kms:us-east-2:111122223333:key/0987dcba-09fe-87dc-65ba-ab0987654321',
        KeyState: 'Enabled',
        KeyManager: 'AWS',
        KeySpec: 'SYMMETRIC_DEFAULT',
        Origin: 'AWS_KMS',
      },
      grants: [],
    },
  ],
};

describe('KMS transforms', () => {
  it('writes keys as Cartography does (key id, epoch dates) with policy analysis and rotation', () => {
    const [keyLoad, grantLoad] = transformKeys(keys, where);
    const [customer, managed] = keyLoad?.rows ?? [];
    expect(customer).toMatchObject({
      id: KEY_ID,
      key_id: KEY_ID,
      arn: KEY_ARN,
      creation_date: 1499263495,
      key_manager: 'CUSTOMER',
      rotation_enabled: false,
      anonymous_access: false,
      anonymous_actions: [],
      cross_account_principals: ['arn:aws:iam::444455556666:root'],
      region: 'us-east-2',
    });
    // An AWS managed key rotates yearly; a policy that could not be read leaves the analysis unknown.
    expect(managed).toMatchObject({ rotation_enabled: true });
    expect(managed?.anonymous_access).toBeUndefined();
    expect(managed?.policy).toBeUndefined();
    expect(grantLoad?.rows).toEqual([
      {
        id: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60',
        grant_id: '0c237476b39f8bc44e45212e08498fbe3151305030726c0590dd8d3e9f3d6a60',
        name: undefined,
        grantee_principal: 'arn:aws:iam::111122223333:role/ec2-app-role',
        creation_date: 1577836800,
        key_id: KEY_ARN,
        issuing_account: 'arn:aws:iam::111122223333:root',
        operations: ['Decrypt', 'GenerateDataKey'],
        region: 'us-east-2',
        key: KEY_ARN,
      },
    ]);
  });

  it('links aliases to their key and leaves out predefined aliases without one', () => {
    const [aliases] = transformAliases(
      {
        aliases: [
          {
            AliasName: 'alias/payments',
            AliasArn: 'arn:aws:kms:us-east-2:111122223333:alias/payments',
            TargetKeyId: KEY_ID,
            CreationDate: new Date('2017-07-05T14:05:00.000Z'),
            LastUpdatedDate: new Date('2017-07-05T14:05:00.000Z'),
          },
          {
            AliasName: 'alias/aws/dynamodb',
            AliasArn: 'arn:aws:kms:us-east-2:111122223333:alias/aws/dynamodb',
          },
        ],
      },
      where,
    );
    expect(aliases?.rows).toEqual([
      {
        id: 'arn:aws:kms:us-east-2:111122223333:alias/payments',
        arn: 'arn:aws:kms:us-east-2:111122223333:alias/payments',
        alias_name: 'alias/payments',
        target_key_id: KEY_ID,
        creation_date: 1499263500,
        last_updated_date: 1499263500,
        region: 'us-east-2',
        key: KEY_ID,
      },
    ]);
  });

  it('asks for the rotation status only where rotation can be set', () => {
    const base = { KeyManager: 'CUSTOMER', KeySpec: 'SYMMETRIC_DEFAULT', Origin: 'AWS_KMS' } as const;
    expect(rotationApplies(base)).toBe(true);
    expect(rotationApplies({ ...base, KeyManager: 'AWS' })).toBe(false);
    expect(rotationApplies({ ...base, KeySpec: 'RSA_2048' })).toBe(false);
    expect(rotationApplies({ ...base, Origin: 'EXTERNAL' })).toBe(false);
  });
});
