import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { anonymousAccess } from './bucket-access.ts';
import { transformBuckets } from './buckets.ts';

const ALL_USERS = 'http://acs.amazonaws.com/groups/global/AllUsers';
const owner = {
  Grantee: { Type: 'CanonicalUser' as const, ID: '79a59df900b949e55d96a1e698fbaced', DisplayName: 'owner' },
  Permission: 'FULL_CONTROL' as const,
};
const publicRead = { Grantee: { Type: 'Group' as const, URI: ALL_USERS }, Permission: 'READ' as const };
const publicPolicy = {
  Version: '2012-10-17',
  Statement: [
    {
      Sid: 'PublicRead',
      Effect: 'Allow',
      Principal: '*',
      Action: 's3:GetObject',
      Resource: 'arn:aws:s3:::b/*',
    },
  ],
};

describe('anonymousAccess', () => {
  it('combines public ACL grants and policy statements, unless the public access block neutralises them', () => {
    expect(anonymousAccess([owner, publicRead], publicPolicy, undefined)).toEqual({
      anonymous_access: true,
      anonymous_actions: [
        's3:GetObject',
        's3:ListBucket',
        's3:ListBucketMultipartUploads',
        's3:ListBucketVersions',
      ],
    });
    expect(
      anonymousAccess([owner, publicRead], publicPolicy, {
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      }),
    ).toEqual({
      anonymous_access: false,
      anonymous_actions: [],
    });
    // A condition (e.g. a source VPC) makes a statement not anonymous.
    const conditioned = {
      Statement: [
        {
          Effect: 'Allow',
          Principal: { AWS: '*' },
          Action: 's3:*',
          Condition: { StringEquals: { 'aws:SourceVpc': 'vpc-1' } },
        },
      ],
    };
    expect(anonymousAccess([owner], conditioned, undefined).anonymous_access).toBe(false);
  });
});

describe('transformBuckets', () => {
  it('maps a bucket and its settings to Cartography properties and its grants to S3Acl rows', () => {
    const [buckets, acls] = transformBuckets(
      {
        buckets: [
          {
            bucket: {
              Name: 'examplebucket',
              CreationDate: new Date('2019-12-11T23:32:47.000Z'),
              BucketRegion: 'eu-west-1',
            },
            region: 'eu-west-1',
            acl: { Owner: { ID: owner.Grantee.ID }, Grants: [owner, publicRead] },
            policy: JSON.stringify(publicPolicy),
            encryption: {
              Rules: [
                {
                  ApplyServerSideEncryptionByDefault: {
                    SSEAlgorithm: 'aws:kms',
                    KMSMasterKeyID: 'arn:aws:kms:eu-west-1:123456789012:key/1',
                  },
                  BucketKeyEnabled: true,
                },
              ],
            },
            versioning: { Status: 'Enabled', MFADelete: 'Disabled' },
            publicAccessBlock: {
              BlockPublicAcls: false,
              IgnorePublicAcls: false,
              BlockPublicPolicy: false,
              RestrictPublicBuckets: false,
            },
          },
          { bucket: { Name: 'bare' }, region: 'us-east-1' },
          {
            bucket: { Name: 'second' },
            region: 'eu-west-1',
            acl: { Owner: { ID: owner.Grantee.ID }, Grants: [owner] },
          },
        ],
      },
      '123456789012',
    );
    expect(buckets?.rows[0]).toMatchObject({
      id: 'examplebucket',
      arn: 'arn:aws:s3:::examplebucket',
      region: 'eu-west-1',
      creationdate: '2019-12-11T23:32:47.000Z',
      anonymous_access: true,
      default_encryption: true,
      encryption_algorithm: 'aws:kms',
      bucket_key_enabled: true,
      versioning_status: 'Enabled',
      mfa_delete: 'Disabled',
      block_public_acls: false,
    });
    // No configuration at all (no policy, encryption, versioning, block): nothing public, nothing encrypted.
    expect(buckets?.rows[1]).toMatchObject({
      id: 'bare',
      anonymous_access: false,
      default_encryption: false,
    });
    expect(buckets?.rows[1]?.versioning_status).toBeUndefined();
    // Cartography's id: the SHA-256 of account:owner:ownerid:type:displayname:granteeid:uri:permission,
    // Python's None for what is absent; one node for the same grant on two buckets.
    const sha = (text: string) => createHash('sha256').update(text).digest('hex');
    expect(acls?.rows).toEqual([
      {
        id: sha(
          `123456789012:None:${owner.Grantee.ID}:CanonicalUser:owner:${owner.Grantee.ID}:None:FULL_CONTROL`,
        ),
        owner: undefined,
        ownerid: owner.Grantee.ID,
        type: 'CanonicalUser',
        displayname: 'owner',
        granteeid: owner.Grantee.ID,
        uri: undefined,
        permission: 'FULL_CONTROL',
        bucket: ['examplebucket', 'second'],
      },
      expect.objectContaining({
        id: sha(`123456789012:None:${owner.Grantee.ID}:Group:None:None:${ALL_USERS}:READ`),
        granteeid: undefined,
        uri: ALL_USERS,
        type: 'Group',
        permission: 'READ',
        bucket: ['examplebucket'],
      }),
    ]);
  });
});
