import type { CollectContext } from '@skygraph/core';
import type { AwsScopeContext } from '../aws-context.ts';
import { classifyAwsError } from '../classify-error.ts';

/** What a refused request was about: the warning's message, the operation and the resource's fields. */
export interface RefusedRequest {
  message: string;
  operation: string;
  [field: string]: string;
}

/**
 * Runs one request about one resource when a refusal costs only that detail:
 * a resource policy can deny even the audit role, and a resource deleted
 * since it was listed is gone. The rest of the region still syncs, with one
 * warning naming the resource; any other failure fails the collector.
 */
export async function unlessRefused<T>(
  ctx: CollectContext<AwsScopeContext>,
  what: RefusedRequest,
  request: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await request();
  } catch (error) {
    const kind = classifyAwsError(error);
    if (kind !== 'denied' && kind !== 'not-found') throw error;
    const { message, ...fields } = what;
    ctx.log.warn({ ...fields, err: (error as Error).name }, message);
    return undefined;
  }
}
