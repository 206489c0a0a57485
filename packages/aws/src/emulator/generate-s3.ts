import type { AwsAccount, AwsBucket, AwsS3Grant } from './estate-types.ts';
import { S3_ALL_USERS, S3_AUTHENTICATED_USERS, S3_LOG_DELIVERY } from './estate-types.ts';
import type { Rng } from './random.ts';

export interface BucketGenerationInput {
  rng: Rng;
  accountId: string;
  accountName: string;
  canonicalUserId: string;
  regions: string[];
  buckets: number;
  misconfigurations: boolean;
  daysAgo: (days: number) => string;
}

const PURPOSES = ['assets', 'backups', 'data-lake', 'artifacts', 'exports', 'uploads', 'reports'];

/** The owner's FULL_CONTROL grant, as every bucket ACL starts with it. */
export const ownerGrant = (canonicalUserId: string, displayName: string): AwsS3Grant => ({
  grantee: { type: 'CanonicalUser', id: canonicalUserId, displayName },
  permission: 'FULL_CONTROL',
});

export function generateBuckets(input: BucketGenerationInput): AwsBucket[] {
  const { rng, daysAgo } = input;
  const prefix = input.accountName.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  const owner = ownerGrant(input.canonicalUserId, input.accountName);
  const fullBlock = {
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: true,
    restrictPublicBuckets: true,
  };
  const bucket = (purpose: string, fields: Partial<AwsBucket> = {}): AwsBucket => ({
    name: `${prefix}-${purpose}-${rng.hex(6)}`,
    region: rng.pick(input.regions),
    creationDate: daysAgo(rng.int(30, 2000)),
    grants: [owner],
    encryption: rng.chance(0.7)
      ? { sseAlgorithm: 'AES256', bucketKeyEnabled: false }
      : {
          sseAlgorithm: 'aws:kms',
          kmsMasterKeyId: `arn:aws:kms:us-east-1:${input.accountId}:alias/s3`,
          bucketKeyEnabled: true,
        },
    ...(rng.chance(0.6) ? { versioning: 'Enabled' as const } : {}),
    publicAccessBlock: fullBlock,
    tags: [],
    ...fields,
  });
  const out: AwsBucket[] = [];
  for (let i = 0; i < input.buckets; i++) out.push(bucket(rng.pick(PURPOSES)));
  out.push(
    bucket('access-logs', {
      grants: [
        owner,
        { grantee: { type: 'Group', uri: S3_LOG_DELIVERY }, permission: 'WRITE' },
        { grantee: { type: 'Group', uri: S3_LOG_DELIVERY }, permission: 'READ_ACP' },
      ],
    }),
  );
  if (input.misconfigurations) {
    const open = (purpose: string, fields: Partial<AwsBucket>): AwsBucket => {
      const b = bucket(purpose, fields);
      delete b.publicAccessBlock;
      return b;
    };
    out.push(
      open('public-acl', {
        grants: [owner, { grantee: { type: 'Group', uri: S3_ALL_USERS }, permission: 'READ' }],
      }),
      open('authenticated-read', {
        grants: [
          owner,
          { grantee: { type: 'Group', uri: S3_AUTHENTICATED_USERS }, permission: 'READ' },
          { grantee: { type: 'Group', uri: S3_AUTHENTICATED_USERS }, permission: 'READ_ACP' },
        ],
      }),
    );
    const policyBucket = open('public-policy', {});
    policyBucket.policy = {
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicRead',
          Effect: 'Allow',
          Principal: '*',
          Action: 's3:GetObject',
          Resource: `arn:aws:s3:::${policyBucket.name}/*`,
        },
      ],
    };
    out.push(policyBucket);
    const unencrypted = bucket('unencrypted');
    delete unencrypted.encryption;
    delete unencrypted.versioning;
    out.push(unencrypted);
  }
  return out;
}

/**
 * The account-level Block Public Access configuration: all four settings on,
 * except where misconfigurations are seeded: the first such account (index 0)
 * never set one, the next has BlockPublicPolicy and RestrictPublicBuckets off.
 */
export function accountPublicAccessBlock(
  misconfigurations: boolean,
  accountIndex: number,
): AwsAccount['s3PublicAccessBlock'] {
  const all = {
    blockPublicAcls: true,
    ignorePublicAcls: true,
    blockPublicPolicy: true,
    restrictPublicBuckets: true,
  };
  if (!misconfigurations || accountIndex > 1) return all;
  if (accountIndex === 0) return undefined;
  return { ...all, blockPublicPolicy: false, restrictPublicBuckets: false };
}
