import { AwsApiError } from './api-error.ts';
import type { AwsBucket } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { hostId, type WireResponse, XML_NAMESPACES } from './protocols.ts';
import type { RequestContext } from './request-context.ts';
import { el, list, wrap, XML_DECLARATION } from './xml.ts';

const SUBRESOURCES: [string, string][] = [
  ['location', 'GetBucketLocation'],
  ['acl', 'GetBucketAcl'],
  ['policy', 'GetBucketPolicy'],
  ['encryption', 'GetBucketEncryption'],
  ['versioning', 'GetBucketVersioning'],
  ['publicAccessBlock', 'GetPublicAccessBlock'],
  ['tagging', 'GetBucketTagging'],
];

function bucketAndKey(url: URL): { bucket: string; key: string } {
  const path = decodeURIComponent(url.pathname).replace(/^\/+/, '');
  const slash = path.indexOf('/');
  return slash < 0 ? { bucket: path, key: '' } : { bucket: path.slice(0, slash), key: path.slice(slash + 1) };
}

/** The S3 operation a path-style request stands for. */
export function s3Operation(method: string, url: URL): string {
  const { bucket, key } = bucketAndKey(url);
  if (!bucket) return method === 'GET' ? 'ListBuckets' : 'Unsupported';
  if (key) return method === 'HEAD' ? 'HeadObject' : method === 'GET' ? 'GetObject' : 'Unsupported';
  if (method === 'HEAD') return 'HeadBucket';
  if (method !== 'GET') return 'Unsupported';
  for (const [param, op] of SUBRESOURCES) if (url.searchParams.has(param)) return op;
  return url.searchParams.get('list-type') === '2' ? 'ListObjectsV2' : 'ListObjects';
}

function xml(
  requestId: string,
  root: string,
  body: string,
  extraHeaders: Record<string, string> = {},
): WireResponse {
  return {
    status: 200,
    headers: {
      'content-type': 'application/xml',
      'x-amz-request-id': requestId,
      'x-amz-id-2': hostId(requestId),
      ...extraHeaders,
    },
    body: `${XML_DECLARATION}<${root} xmlns="${XML_NAMESPACES.s3}">${body}</${root}>`,
  };
}

function listBuckets(ctx: RequestContext, url: URL): WireResponse {
  const prefix = url.searchParams.get('prefix') ?? '';
  const region = url.searchParams.get('bucket-region');
  const buckets = ctx.account.buckets.filter(
    (b) => b.name.startsWith(prefix) && (!region || b.region === region),
  );
  const max = url.searchParams.get('max-buckets');
  let items: readonly AwsBucket[] = buckets;
  let next: string | undefined;
  if (max !== null || url.searchParams.has('continuation-token')) {
    const size = max === null ? 10000 : Number(max);
    if (!Number.isInteger(size) || size < 1 || size > 10000)
      throw new AwsApiError(
        'InvalidArgument',
        'Argument max-buckets must be an integer between 1 and 10000.',
        400,
      );
    const start = decodeToken(
      'ListBuckets',
      url.searchParams.get('continuation-token') ?? undefined,
      () => new AwsApiError('InvalidArgument', 'The continuation token provided is incorrect', 400),
    );
    const page = pageOf(buckets, start, size);
    items = page.items;
    next = page.next === undefined ? undefined : encodeToken('ListBuckets', page.next);
  }
  return xml(
    ctx.requestId,
    'ListAllMyBucketsResult',
    wrap('Owner', el('DisplayName', ctx.account.name) + el('ID', ctx.account.canonicalUserId)) +
      list(
        'Buckets',
        'Bucket',
        items,
        (b) =>
          el('Name', b.name) +
          el('CreationDate', b.creationDate) +
          el('BucketRegion', b.region) +
          el('BucketArn', `arn:aws:s3:::${b.name}`),
      ) +
      el('ContinuationToken', next) +
      (prefix ? el('Prefix', prefix) : ''),
  );
}

function grantee(g: AwsBucket['grants'][number]['grantee']): string {
  const ns = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  switch (g.type) {
    case 'CanonicalUser':
      return `<Grantee ${ns} xsi:type="CanonicalUser">${el('ID', g.id)}${el('DisplayName', g.displayName)}</Grantee>`;
    case 'Group':
      return `<Grantee ${ns} xsi:type="Group">${el('URI', g.uri)}</Grantee>`;
    default:
      return `<Grantee ${ns} xsi:type="AmazonCustomerByEmail">${el('EmailAddress', g.emailAddress)}</Grantee>`;
  }
}

/** Answers one S3 request; `ctx.operation` comes from {@link s3Operation}. */
export function handleS3(ctx: RequestContext, _method: string, url: URL): WireResponse {
  if (ctx.operation === 'ListBuckets') return listBuckets(ctx, url);
  const { bucket: name } = bucketAndKey(url);
  if (ctx.operation === 'Unsupported' || ctx.operation.includes('Object')) {
    throw new AwsApiError(
      'NotImplemented',
      'A header or query you provided implies functionality that is not implemented.',
      501,
    );
  }
  let bucket: AwsBucket | undefined;
  let ownerName = '';
  for (const account of ctx.estate.accounts) {
    const found = account.buckets.find((b) => b.name === name);
    if (found) {
      if (account.id !== ctx.account.id) throw new AwsApiError('AccessDenied', 'Access Denied', 403);
      bucket = found;
      ownerName = account.name;
      break;
    }
  }
  if (!bucket)
    throw new AwsApiError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: name });
  const id = ctx.requestId;
  switch (ctx.operation) {
    case 'HeadBucket':
      return {
        status: 200,
        headers: {
          'x-amz-request-id': id,
          'x-amz-id-2': hostId(id),
          'x-amz-bucket-region': bucket.region,
          'x-amz-access-point-alias': 'false',
        },
        body: '',
      };
    case 'GetBucketLocation':
      return xml(id, 'LocationConstraint', bucket.region === 'us-east-1' ? '' : bucket.region);
    case 'GetBucketAcl':
      return xml(
        id,
        'AccessControlPolicy',
        wrap('Owner', el('ID', ctx.account.canonicalUserId) + el('DisplayName', ownerName)) +
          list(
            'AccessControlList',
            'Grant',
            bucket.grants,
            (g) => grantee(g.grantee) + el('Permission', g.permission),
          ),
      );
    case 'GetBucketPolicy':
      if (!bucket.policy)
        throw new AwsApiError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, {
          BucketName: name,
        });
      return {
        status: 200,
        headers: { 'content-type': 'application/json', 'x-amz-request-id': id, 'x-amz-id-2': hostId(id) },
        body: JSON.stringify(bucket.policy),
      };
    case 'GetBucketEncryption': {
      const enc = bucket.encryption;
      if (!enc) {
        throw new AwsApiError(
          'ServerSideEncryptionConfigurationNotFoundError',
          'The server side encryption configuration was not found',
          404,
          { BucketName: name },
        );
      }
      return xml(
        id,
        'ServerSideEncryptionConfiguration',
        wrap(
          'Rule',
          wrap(
            'ApplyServerSideEncryptionByDefault',
            el('SSEAlgorithm', enc.sseAlgorithm) + el('KMSMasterKeyID', enc.kmsMasterKeyId),
          ) + el('BucketKeyEnabled', enc.bucketKeyEnabled),
        ),
      );
    }
    case 'GetBucketVersioning':
      return xml(
        id,
        'VersioningConfiguration',
        el('Status', bucket.versioning) + el('MfaDelete', bucket.versioning ? bucket.mfaDelete : undefined),
      );
    case 'GetPublicAccessBlock': {
      const pab = bucket.publicAccessBlock;
      if (!pab) {
        throw new AwsApiError(
          'NoSuchPublicAccessBlockConfiguration',
          'The public access block configuration was not found',
          404,
          {
            BucketName: name,
          },
        );
      }
      return xml(
        id,
        'PublicAccessBlockConfiguration',
        el('BlockPublicAcls', pab.blockPublicAcls) +
          el('IgnorePublicAcls', pab.ignorePublicAcls) +
          el('BlockPublicPolicy', pab.blockPublicPolicy) +
          el('RestrictPublicBuckets', pab.restrictPublicBuckets),
      );
    }
    case 'GetBucketTagging':
      if (bucket.tags.length === 0)
        throw new AwsApiError('NoSuchTagSet', 'The TagSet does not exist', 404, { BucketName: name });
      return xml(
        id,
        'Tagging',
        wrap('TagSet', bucket.tags.map((t) => wrap('Tag', el('Key', t.key) + el('Value', t.value))).join('')),
      );
    default:
      throw new AwsApiError(
        'NotImplemented',
        'A header or query you provided implies functionality that is not implemented.',
        501,
      );
  }
}

export const S3_OPERATIONS: readonly string[] = [
  'ListBuckets',
  'HeadBucket',
  ...SUBRESOURCES.map(([, op]) => op),
];
