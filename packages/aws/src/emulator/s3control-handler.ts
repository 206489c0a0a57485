import { AwsApiError } from './api-error.ts';
import { restXmlResponse, type WireResponse } from './protocols.ts';
import type { RequestContext } from './request-context.ts';
import type { EmulatedService } from './services.ts';
import { el } from './xml.ts';

const PUBLIC_ACCESS_BLOCK = '/v20180820/configuration/publicAccessBlock';

/** S3 Control's operation: GetPublicAccessBlock (`GET /v20180820/configuration/publicAccessBlock`). */
function operation(method: string, url: URL): string {
  return method === 'GET' && url.pathname === PUBLIC_ACCESS_BLOCK ? 'GetPublicAccessBlock' : '';
}

/** The account's Block Public Access configuration; the `x-amz-account-id` header names the account. */
function getPublicAccessBlock(ctx: RequestContext): WireResponse {
  const named = ctx.http?.headers['x-amz-account-id'];
  if (named !== ctx.account.id) {
    throw new AwsApiError('AccessDenied', 'Access Denied', 403);
  }
  const block = ctx.account.s3PublicAccessBlock;
  if (!block) {
    throw new AwsApiError(
      'NoSuchPublicAccessBlockConfiguration',
      'The public access block configuration was not found',
      404,
    );
  }
  const body =
    el('BlockPublicAcls', block.blockPublicAcls) +
    el('IgnorePublicAcls', block.ignorePublicAcls) +
    el('BlockPublicPolicy', block.blockPublicPolicy) +
    el('RestrictPublicBuckets', block.restrictPublicBuckets);
  return restXmlResponse('s3control', 'PublicAccessBlockConfiguration', body, ctx.requestId);
}

/**
 * S3 Control (REST-XML). It signs as `s3`; its paths start with `/v20180820/`.
 * The real endpoint puts the account id in front of the host
 * (`<account>.s3-control.<region>.amazonaws.com`); the emulator answers on any
 * host and reads the account from the `x-amz-account-id` header.
 */
export const S3CONTROL_SERVICE: EmulatedService = {
  name: 's3control',
  signingName: 's3',
  protocol: 'rest-xml',
  iamPrefix: 's3',
  matches: (url) => url.pathname.startsWith('/v20180820/'),
  operation,
  handle(ctx) {
    if (ctx.operation === 'GetPublicAccessBlock') return getPublicAccessBlock(ctx);
    throw new AwsApiError(
      'NotImplemented',
      `The emulator does not serve ${ctx.operation || 'this request'}.`,
      501,
    );
  },
};
