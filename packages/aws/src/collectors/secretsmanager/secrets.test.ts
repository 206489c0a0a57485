import { describe, expect, it } from 'vitest';
import { type SecretDetails, transformSecrets } from './secrets.ts';

const where = { accountId: '111122223333', region: 'us-west-2' };
const ARN = 'arn:aws:secretsmanager:us-west-2:111122223333:secret:MyTestDatabaseSecret-a1b2c3';
const KEY = 'arn:aws:kms:us-west-2:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';

/** ListSecrets, GetResourcePolicy and ListSecretVersionIds answers (Secrets Manager API reference examples). */
const rotated: SecretDetails = {
  entry: {
    ARN,
    Name: 'MyTestDatabaseSecret',
    Description: 'My test database secret',
    KmsKeyId: KEY,
    RotationEnabled: true,
    RotationLambdaARN: 'arn:aws:lambda:us-west-2:111122223333:function:MyRotator',
    RotationRules: { AutomaticallyAfterDays: 30 },
    CreatedDate: new Date('2018-04-26T17:49:50.000Z'),
    LastRotatedDate: new Date('2018-05-26T17:49:50.000Z'),
    LastChangedDate: new Date('2018-05-26T17:49:50.000Z'),
    LastAccessedDate: new Date('2018-06-03T00:00:00.000Z'),
    NextRotationDate: new Date('2018-06-26T00:00:00.000Z'),
    OwningService: 'rds',
    Tags: [{ Key: 'team', Value: 'payments' }],
  },
  policy: JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: 'arn:aws:iam::444455556666:role/reader' },
        Action: 'secretsmanager:GetSecretValue',
        Resource: '*',
      },
      {
        Effect: 'Allow',
        Principal: '*',
        Action: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        Resource: '*',
      },
    ],
  }),
  versions: [
    {
      VersionId: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE',
      VersionStages: ['AWSCURRENT'],
      CreatedDate: new Date('2018-05-26T17:49:50.000Z'),
      KmsKeyIds: [KEY],
    },
    {
      VersionId: 'EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE',
      VersionStages: [],
      CreatedDate: new Date('2018-04-26T17:49:50.000Z'),
    },
  ],
};

describe('Secrets Manager transform', () => {
  it('writes a secret under Cartography names, with its resource policy analysed', () => {
    const [secrets, versions] = transformSecrets({ secrets: [rotated] }, where);
    expect(secrets.rows).toEqual([
      {
        id: ARN,
        arn: ARN,
        name: 'MyTestDatabaseSecret',
        description: 'My test database secret',
        rotation_enabled: true,
        rotation_lambda_arn: 'arn:aws:lambda:us-west-2:111122223333:function:MyRotator',
        rotation_rules_automatically_after_days: 30,
        created_date: 1524764990,
        last_rotated_date: 1527356990,
        last_changed_date: 1527356990,
        last_accessed_date: 1527984000,
        deleted_date: undefined,
        next_rotation_date: 1529971200,
        kms_key_id: KEY,
        owning_service: 'rds',
        primary_region: undefined,
        anonymous_access: true,
        anonymous_actions: ['secretsmanager:DescribeSecret', 'secretsmanager:GetSecretValue'],
        cross_account_principals: ['arn:aws:iam::444455556666:role/reader'],
        policy: rotated.policy,
        region: 'us-west-2',
        key: KEY,
      },
    ]);
    expect(versions.rows).toEqual([
      {
        id: `${ARN}:version:EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE`,
        arn: `${ARN}:version:EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE`,
        secret_id: ARN,
        version_id: 'EXAMPLE1-90ab-cdef-fedc-ba987EXAMPLE',
        version_stages: ['AWSCURRENT'],
        created_date: 1527356990,
        kms_key_ids: [KEY],
        region: 'us-west-2',
        secret: ARN,
        keys: [KEY],
      },
      {
        id: `${ARN}:version:EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE`,
        arn: `${ARN}:version:EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE`,
        secret_id: ARN,
        version_id: 'EXAMPLE2-90ab-cdef-fedc-ba987EXAMPLE',
        version_stages: [],
        created_date: 1524764990,
        kms_key_ids: undefined,
        region: 'us-west-2',
        secret: ARN,
        keys: [],
      },
    ]);
  });

  it('tells a secret without a resource policy (closed) from one whose policy could not be read (unknown)', () => {
    const bare = { ARN, Name: 'plain' };
    const [none] = transformSecrets({ secrets: [{ entry: bare, policy: null, versions: [] }] }, where);
    expect(none.rows[0]).toMatchObject({
      rotation_enabled: false,
      kms_key_id: undefined,
      key: undefined,
      anonymous_access: false,
      anonymous_actions: [],
      cross_account_principals: [],
      policy: undefined,
    });
    const [unknown, versions] = transformSecrets(
      { secrets: [{ entry: bare, policy: undefined, versions: undefined }] },
      where,
    );
    expect(unknown.rows[0]).toMatchObject({
      anonymous_access: undefined,
      cross_account_principals: undefined,
    });
    expect(versions.rows).toEqual([]);
  });

  it('keeps `*` narrowed to the account out of the findings, and names other accounts it is narrowed to', () => {
    const narrowed = (account: string): SecretDetails => ({
      entry: { ARN, Name: 'narrowed' },
      policy: JSON.stringify({
        Statement: [
          {
            Effect: 'Allow',
            Principal: { AWS: '*' },
            Action: 'secretsmanager:GetSecretValue',
            Condition: { StringEquals: { 'aws:PrincipalAccount': account } },
          },
        ],
      }),
      versions: [],
    });
    const [own] = transformSecrets({ secrets: [narrowed('111122223333')] }, where);
    expect(own.rows[0]).toMatchObject({ anonymous_access: false, cross_account_principals: [] });
    const [other] = transformSecrets({ secrets: [narrowed('444455556666')] }, where);
    expect(other.rows[0]).toMatchObject({
      anonymous_access: false,
      cross_account_principals: ['arn:aws:iam::444455556666:root'],
    });
  });

  it('skips entries without an ARN or a name', () => {
    const [secrets] = transformSecrets(
      { secrets: [{ entry: { Name: 'x' }, policy: null, versions: [] }] },
      where,
    );
    expect(secrets.rows).toEqual([]);
  });
});
