import { resources } from './ec2-handler.ts';
import type { RequestContext } from './request-context.ts';
import { el } from './xml.ts';

function getEbsEncryptionByDefault(ctx: RequestContext): string {
  // A region the account has not enabled answers AuthFailure, as for every EC2 operation.
  resources(ctx);
  const enabled = ctx.account.regionSettings?.[ctx.region]?.ebsEncryptionByDefault ?? false;
  return el('ebsEncryptionByDefault', enabled) + el('sseType', 'sse-ebs');
}

/** EC2's account attributes of a region: GetEbsEncryptionByDefault. */
export const EC2_SETTINGS_OPERATIONS: Record<string, (ctx: RequestContext) => string> = {
  GetEbsEncryptionByDefault: getEbsEncryptionByDefault,
};
