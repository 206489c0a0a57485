import { createHash } from 'node:crypto';
import {
  type Bucket,
  GetBucketAclCommand,
  type GetBucketAclCommandOutput,
  GetBucketEncryptionCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetBucketVersioningCommand,
  type GetBucketVersioningCommandOutput,
  GetPublicAccessBlockCommand,
  type Grant,
  ListBucketsCommand,
  type Owner,
  type PublicAccessBlockConfiguration,
  type S3Client,
  type ServerSideEncryptionConfiguration,
} from '@aws-sdk/client-s3';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import type { AwsScopeContext } from '../../aws-context.ts';
import { classifyAwsError } from '../../classify-error.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { S3Acl, S3Bucket } from '../../schema/s3.ts';
import { parsePolicyDocument } from '../iam/policy-document.ts';
import { isoDate } from '../where.ts';
import { anonymousAccess } from './bucket-access.ts';

/** One bucket with its configuration; a part is undefined when the bucket has none (or denies reading it). */
export interface BucketDetails {
  bucket: Bucket;
  region?: string | undefined;
  acl?: Pick<GetBucketAclCommandOutput, 'Grants' | 'Owner'> | undefined;
  policy?: string | undefined;
  encryption?: ServerSideEncryptionConfiguration | undefined;
  versioning?: Pick<GetBucketVersioningCommandOutput, 'Status' | 'MFADelete'> | undefined;
  publicAccessBlock?: PublicAccessBlockConfiguration | undefined;
}

export interface BucketsPage {
  buckets: BucketDetails[];
}

/** Bucket rows and the rows of their ACL grants (after the buckets they apply to). */
export function transformBuckets(page: BucketsPage, accountId: string) {
  const buckets: NodeRow<typeof S3Bucket>[] = [];
  const acls = new Map<string, NodeRow<typeof S3Acl> & { bucket: string[] }>();
  for (const b of page.buckets) {
    const name = b.bucket.Name;
    if (!name) continue;
    const policy = parsePolicyDocument(b.policy);
    const sse = b.encryption?.Rules?.[0];
    const block = b.publicAccessBlock;
    buckets.push({
      id: name,
      name,
      arn: `arn:aws:s3:::${name}`,
      region: b.region,
      creationdate: isoDate(b.bucket.CreationDate),
      ...anonymousAccess(b.acl?.Grants, policy, block),
      default_encryption: b.encryption !== undefined,
      encryption_algorithm: sse?.ApplyServerSideEncryptionByDefault?.SSEAlgorithm,
      encryption_key_id: sse?.ApplyServerSideEncryptionByDefault?.KMSMasterKeyID,
      bucket_key_enabled: sse?.BucketKeyEnabled,
      versioning_status: b.versioning?.Status,
      mfa_delete: b.versioning?.MFADelete,
      block_public_acls: block?.BlockPublicAcls,
      ignore_public_acls: block?.IgnorePublicAcls,
      block_public_policy: block?.BlockPublicPolicy,
      restrict_public_buckets: block?.RestrictPublicBuckets,
      policy: policy ? JSON.stringify(policy) : undefined,
    });
    for (const g of b.acl?.Grants ?? []) {
      const row = aclRow(accountId, b.acl?.Owner, g);
      if (!row) continue;
      // One grant, one node: the owner's FULL_CONTROL on every bucket is the same ACL, applying to each.
      const seen = acls.get(row.id);
      if (seen) seen.bucket.push(name);
      else acls.set(row.id, { ...row, bucket: [name] });
    }
  }
  return [load(S3Bucket, buckets), load(S3Acl, [...acls.values()])] as const;
}

/**
 * An ACL grant as Cartography writes it: canonical users and groups only,
 * keyed by the SHA-256 of `account:owner:ownerid:type:displayname:granteeid:uri:permission`
 * (absent parts as Python's `None`), so the same grant is one node whichever
 * tool wrote it.
 */
function aclRow(accountId: string, owner: Owner | undefined, grant: Grant) {
  const grantee = grant.Grantee;
  if (!grant.Permission || (grantee?.Type !== 'CanonicalUser' && grantee?.Type !== 'Group')) return undefined;
  const user = grantee.Type === 'CanonicalUser';
  const props = {
    owner: owner?.DisplayName,
    ownerid: owner?.ID,
    type: grantee.Type,
    displayname: user ? grantee.DisplayName : undefined,
    granteeid: user ? grantee.ID : undefined,
    uri: user ? undefined : grantee.URI,
    permission: grant.Permission,
  };
  const parts = [accountId, ...Object.values(props)].map((v) => v ?? 'None');
  return { id: createHash('sha256').update(parts.join(':'), 'utf8').digest('hex'), ...props };
}

/** The absent configuration answers of S3 ("no policy", "no encryption"...) are data, not failures. */
async function optional<T>(ctx: CollectContext<AwsScopeContext>, bucket: string, request: () => Promise<T>) {
  try {
    return await request();
  } catch (error) {
    const kind = classifyAwsError(error);
    if (kind === 'not-found') return undefined;
    if (kind === 'denied') {
      // A bucket policy can deny even the audit role; the rest of the account still syncs.
      ctx.log.warn({ bucket, err: (error as Error).name }, 'access to a bucket setting denied; left unknown');
      return undefined;
    }
    throw error;
  }
}

async function detailsOf(
  ctx: CollectContext<AwsScopeContext>,
  clientFor: (region: string) => S3Client,
  bucket: Bucket,
): Promise<BucketDetails> {
  const Bucket = bucket.Name as string;
  const home = clientFor(ctx.context.region);
  let region = bucket.BucketRegion;
  if (!region) {
    const location = await optional(ctx, Bucket, () =>
      ctx.call('s3:GetBucketLocation', () =>
        home.send(new GetBucketLocationCommand({ Bucket }), { abortSignal: requestSignal(ctx.signal) }),
      ),
    );
    // No constraint means us-east-1; EU is the legacy name of eu-west-1.
    const constraint = location?.LocationConstraint as string | undefined;
    region = !constraint ? 'us-east-1' : constraint === 'EU' ? 'eu-west-1' : constraint;
  }
  const s3 = clientFor(region);
  const call = <T>(operation: string, request: () => Promise<T>) =>
    optional(ctx, Bucket, () => ctx.call(`s3:${operation}`, request));
  const acl = await call('GetBucketAcl', () =>
    s3.send(new GetBucketAclCommand({ Bucket }), { abortSignal: requestSignal(ctx.signal) }),
  );
  const policy = await call('GetBucketPolicy', () =>
    s3.send(new GetBucketPolicyCommand({ Bucket }), { abortSignal: requestSignal(ctx.signal) }),
  );
  const encryption = await call('GetBucketEncryption', () =>
    s3.send(new GetBucketEncryptionCommand({ Bucket }), { abortSignal: requestSignal(ctx.signal) }),
  );
  const versioning = await call('GetBucketVersioning', () =>
    s3.send(new GetBucketVersioningCommand({ Bucket }), { abortSignal: requestSignal(ctx.signal) }),
  );
  const block = await call('GetPublicAccessBlock', () =>
    s3.send(new GetPublicAccessBlockCommand({ Bucket }), { abortSignal: requestSignal(ctx.signal) }),
  );
  return {
    bucket,
    region,
    acl,
    policy: policy?.Policy,
    encryption: encryption?.ServerSideEncryptionConfiguration,
    versioning,
    publicAccessBlock: block?.PublicAccessBlockConfiguration,
  };
}

/** S3 buckets of an account with their ACLs, policies, encryption, versioning and public access blocks. */
export const bucketsCollector = defineCollector<AwsScopeContext, BucketsPage>({
  name: 's3:buckets',
  schemas: [S3Bucket, S3Acl],
  async *fetch(ctx) {
    const clients = new Map<string, S3Client>();
    const clientFor = (region: string) => {
      let client = clients.get(region);
      if (!client) {
        client = ctx.context.clients.s3(region);
        clients.set(region, client);
      }
      return client;
    };
    const limit = pLimit(8);
    try {
      const home = clientFor(ctx.context.region);
      for await (const page of paginate(
        ctx,
        's3:ListBuckets',
        (ContinuationToken) =>
          home.send(new ListBucketsCommand({ MaxBuckets: 100, ContinuationToken }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        (p) => p.ContinuationToken,
      )) {
        const named = (page.Buckets ?? []).filter((b) => b.Name);
        yield { buckets: await Promise.all(named.map((b) => limit(() => detailsOf(ctx, clientFor, b)))) };
      }
    } finally {
      for (const client of clients.values()) client.destroy();
    }
  },
  transform: (page, ctx) => transformBuckets(page, ctx.context.accountId),
});
