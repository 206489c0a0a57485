import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  GetPublicAccessBlockCommand,
  HeadBucketCommand,
  ListBucketsCommand,
  paginateListBuckets,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3_ALL_USERS, S3_AUTHENTICATED_USERS } from './estate-types.ts';
import { assumeAuditRole, clientConfig, rejectionOf } from './sdk-test-support.ts';
import { type AwsEmulator, startAwsEmulator } from './server.ts';

let emulator: AwsEmulator;
let s3: S3Client;

beforeAll(async () => {
  emulator = await startAwsEmulator({
    seed: 41,
    scale: { accounts: 3, regionsPerAccount: 2, resourcesPerRegion: 2, bucketsPerAccount: 6 },
  });
  s3 = new S3Client({ ...clientConfig(emulator), forcePathStyle: true });
});
afterAll(() => emulator.close());

const hubBuckets = () => emulator.estate.accounts[0]?.buckets ?? [];
const bucketNamed = (fragment: string) => {
  const bucket = hubBuckets().find((b) => b.name.includes(fragment));
  if (!bucket) throw new Error(`no bucket with ${fragment}`);
  return bucket;
};

describe('S3 emulation', () => {
  it('lists the caller account buckets, with and without paging', async () => {
    const out = await s3.send(new ListBucketsCommand({}));
    expect(out.Buckets?.map((b) => b.Name)).toEqual(hubBuckets().map((b) => b.name));
    expect(out.Owner?.ID).toBe(emulator.estate.accounts[0]?.canonicalUserId);
    expect(out.Buckets?.[0]?.CreationDate).toBeInstanceOf(Date);
    const names: string[] = [];
    let pages = 0;
    for await (const page of paginateListBuckets({ client: s3, pageSize: 4 }, {})) {
      pages++;
      names.push(...(page.Buckets ?? []).map((b) => b.Name ?? ''));
    }
    expect(pages).toBe(Math.ceil(hubBuckets().length / 4));
    expect(names).toEqual(hubBuckets().map((b) => b.name));
  });

  it('answers location, versioning and head for a bucket', async () => {
    for (const bucket of hubBuckets()) {
      const location = await s3.send(new GetBucketLocationCommand({ Bucket: bucket.name }));
      expect(location.LocationConstraint ?? '').toBe(bucket.region === 'us-east-1' ? '' : bucket.region);
    }
    const versioned = hubBuckets().find((b) => b.versioning === 'Enabled');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: versioned?.name }))).Status).toBe(
      'Enabled',
    );
    const never = bucketNamed('-unencrypted-');
    expect((await s3.send(new GetBucketVersioningCommand({ Bucket: never.name }))).Status).toBeUndefined();
    const head = await s3.send(new HeadBucketCommand({ Bucket: never.name }));
    expect(head.BucketRegion).toBe(never.region);
  });

  it('returns ACL grants to AllUsers and AuthenticatedUsers for the public buckets', async () => {
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: bucketNamed('-public-acl-').name }));
    expect(acl.Owner?.ID).toBe(emulator.estate.accounts[0]?.canonicalUserId);
    expect(acl.Grants).toEqual([
      {
        Grantee: expect.objectContaining({ Type: 'CanonicalUser', ID: acl.Owner?.ID }),
        Permission: 'FULL_CONTROL',
      },
      { Grantee: { Type: 'Group', URI: S3_ALL_USERS }, Permission: 'READ' },
    ]);
    const authenticated = await s3.send(
      new GetBucketAclCommand({ Bucket: bucketNamed('-authenticated-read-').name }),
    );
    expect(
      authenticated.Grants?.filter((g) => g.Grantee?.URI === S3_AUTHENTICATED_USERS).map((g) => g.Permission),
    ).toEqual(['READ', 'READ_ACP']);
  });

  it('returns a bucket policy as JSON, and the SDK error NoSuchBucketPolicy when there is none', async () => {
    const bucket = bucketNamed('-public-policy-');
    const out = await s3.send(new GetBucketPolicyCommand({ Bucket: bucket.name }));
    expect(JSON.parse(out.Policy ?? '{}')).toEqual(bucket.policy);
    const error = await rejectionOf(
      s3.send(new GetBucketPolicyCommand({ Bucket: bucketNamed('-public-acl-').name })),
    );
    expect(error.name).toBe('NoSuchBucketPolicy');
    expect(error.$metadata?.httpStatusCode).toBe(404);
  });

  it('answers encryption and public access block, or their not-found errors', async () => {
    const encrypted = hubBuckets().find((b) => b.encryption?.sseAlgorithm === 'aws:kms');
    if (encrypted) {
      const enc = await s3.send(new GetBucketEncryptionCommand({ Bucket: encrypted.name }));
      expect(enc.ServerSideEncryptionConfiguration?.Rules?.[0]).toMatchObject({
        ApplyServerSideEncryptionByDefault: {
          SSEAlgorithm: 'aws:kms',
          KMSMasterKeyID: encrypted.encryption?.kmsMasterKeyId,
        },
        BucketKeyEnabled: true,
      });
    }
    const missing = await rejectionOf(
      s3.send(new GetBucketEncryptionCommand({ Bucket: bucketNamed('-unencrypted-').name })),
    );
    expect(missing.name).toBe('ServerSideEncryptionConfigurationNotFoundError');
    const blocked = await s3.send(
      new GetPublicAccessBlockCommand({ Bucket: bucketNamed('-access-logs-').name }),
    );
    expect(blocked.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    });
    const open = await rejectionOf(
      s3.send(new GetPublicAccessBlockCommand({ Bucket: bucketNamed('-public-acl-').name })),
    );
    expect(open.name).toBe('NoSuchPublicAccessBlockConfiguration');
  });

  it('answers NoSuchBucket for an unknown bucket and AccessDenied for another account bucket', async () => {
    expect(
      (await rejectionOf(s3.send(new GetBucketAclCommand({ Bucket: 'no-such-bucket-anywhere' })))).name,
    ).toBe('NoSuchBucket');
    const other = emulator.estate.accounts[1]?.buckets[0]?.name;
    expect((await rejectionOf(s3.send(new GetBucketAclCommand({ Bucket: other })))).name).toBe(
      'AccessDenied',
    );
    const memberS3 = new S3Client({
      ...clientConfig(emulator, {
        credentials: await assumeAuditRole(emulator, emulator.estate.accounts[1]?.id ?? ''),
      }),
      forcePathStyle: true,
    });
    expect((await memberS3.send(new GetBucketAclCommand({ Bucket: other }))).Grants?.length).toBeGreaterThan(
      0,
    );
  });

  it('sees a bucket made public between calls', async () => {
    const bucket = bucketNamed('-access-logs-');
    bucket.grants.push({ grantee: { type: 'Group', uri: S3_ALL_USERS }, permission: 'WRITE' });
    delete bucket.publicAccessBlock;
    const acl = await s3.send(new GetBucketAclCommand({ Bucket: bucket.name }));
    expect(acl.Grants?.some((g) => g.Grantee?.URI === S3_ALL_USERS && g.Permission === 'WRITE')).toBe(true);
    expect((await rejectionOf(s3.send(new GetPublicAccessBlockCommand({ Bucket: bucket.name })))).name).toBe(
      'NoSuchPublicAccessBlockConfiguration',
    );
  });
});
