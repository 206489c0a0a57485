import type { Grant, PublicAccessBlockConfiguration } from '@aws-sdk/client-s3';
import { asList, type PolicyDocument, statementsOf } from '../iam/policy-document.ts';

/** Grantee groups that mean "anyone": everyone, and anyone with any AWS account. */
export const PUBLIC_GRANTEES = new Set([
  'http://acs.amazonaws.com/groups/global/AllUsers',
  'http://acs.amazonaws.com/groups/global/AuthenticatedUsers',
]);

/** What a bucket ACL permission lets a grantee do (the bucket-level actions it stands for). */
const ACL_ACTIONS: Record<string, string[]> = {
  READ: ['s3:ListBucket', 's3:ListBucketVersions', 's3:ListBucketMultipartUploads'],
  WRITE: ['s3:PutObject', 's3:DeleteObject', 's3:DeleteObjectVersion'],
  READ_ACP: ['s3:GetBucketAcl'],
  WRITE_ACP: ['s3:PutBucketAcl'],
};
ACL_ACTIONS.FULL_CONTROL = Object.values(ACL_ACTIONS).flat();

/** Whether a policy principal is everyone (`*` or `{ AWS: '*' }`). */
function isEveryone(principal: unknown): boolean {
  if (principal === '*') return true;
  if (!principal || typeof principal !== 'object') return false;
  return asList((principal as Record<string, unknown>).AWS).includes('*');
}

/** What anyone on the internet may do with a bucket. */
export interface AnonymousAccess {
  anonymous_access: boolean;
  anonymous_actions: string[];
}

/**
 * What anonymous users may do with a bucket: ACL grants to AllUsers or
 * AuthenticatedUsers, and policy statements that allow everyone without
 * conditions, each unless the public access block neutralises it
 * (IgnorePublicAcls for the ACL, RestrictPublicBuckets for the policy).
 */
export function anonymousAccess(
  grants: readonly Grant[] | undefined,
  policy: PolicyDocument | undefined,
  block: PublicAccessBlockConfiguration | undefined,
): AnonymousAccess {
  const actions = new Set<string>();
  if (block?.IgnorePublicAcls !== true) {
    for (const g of grants ?? []) {
      if (g.Grantee?.Type !== 'Group' || !g.Grantee.URI || !PUBLIC_GRANTEES.has(g.Grantee.URI)) continue;
      for (const a of ACL_ACTIONS[g.Permission ?? ''] ?? []) actions.add(a);
    }
  }
  if (block?.RestrictPublicBuckets !== true) {
    for (const s of statementsOf(policy)) {
      if (s.Effect !== 'Allow' || !isEveryone(s.Principal) || s.Condition !== undefined) continue;
      for (const a of asList(s.Action)) actions.add(a);
    }
  }
  const list = [...actions].sort();
  return { anonymous_access: list.length > 0, anonymous_actions: list };
}
