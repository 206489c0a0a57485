import { parsePolicyDocument } from './iam/policy-document.ts';
import { type KeyPolicyAccess, keyPolicyAccess, type PolicyConditionKeys } from './kms/key-policy.ts';

/** A resource policy as node properties: the document and what it opens up. */
export type PolicyProperties = Partial<KeyPolicyAccess> & { policy?: string | undefined };

/**
 * The properties of a resource whose policy arrives as an attribute (SQS queue
 * and SNS topic attributes): no policy opens nothing beyond the account's IAM;
 * an unreadable one leaves the analysis unknown.
 */
export function policyProperties(
  raw: string | undefined,
  accountId: string,
  keys: PolicyConditionKeys,
): PolicyProperties {
  if (raw === undefined || raw === '') return keyPolicyAccess(undefined, accountId, keys);
  const document = parsePolicyDocument(raw);
  if (!document) return {};
  return { policy: JSON.stringify(document), ...keyPolicyAccess(document, accountId, keys) };
}
