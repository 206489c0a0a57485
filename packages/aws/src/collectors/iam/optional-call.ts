import type { CollectContext } from '@skygraph/core';
import type { AwsScopeContext } from '../../aws-context.ts';
import { classifyAwsError } from '../../classify-error.ts';

/** What an IAM request that may be refused came back with. */
export type Optional<T> = { status: 'ok'; value: T } | { status: 'not-found' } | { status: 'skipped' };

/** Error names of an API an endpoint does not offer (a proxy, an emulator, a partition without it). */
const UNSUPPORTED = new Set(['InvalidAction', 'NotImplemented', 'UnknownOperationException']);

/**
 * Runs one request of an account-level IAM call the audit role may not be
 * granted (older SecurityAudit copies lack some) or the endpoint may not
 * offer: a refusal skips that part of the account with one warning instead of
 * failing its scope, and "no such entity" is an answer. Anything else
 * (throttling that outlasted the retries, a network failure) still fails.
 */
export async function optionalCall<T>(
  ctx: CollectContext<AwsScopeContext>,
  operation: string,
  request: () => Promise<T>,
): Promise<Optional<T>> {
  try {
    return { status: 'ok', value: await ctx.call(operation, request) };
  } catch (error) {
    const kind = classifyAwsError(error);
    if (kind === 'not-found') return { status: 'not-found' };
    const name = error instanceof Error ? error.name : String(error);
    if (kind === 'denied' || UNSUPPORTED.has(name)) {
      ctx.log.warn(
        { account: ctx.context.accountId, operation, err: name },
        `${operation} refused; that part of the account is left unknown`,
      );
      return { status: 'skipped' };
    }
    throw error;
  }
}
