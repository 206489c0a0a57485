import { AwsApiError } from './api-error.ts';
import { queryResponse } from './protocols.ts';
import type { AwsServiceName, RequestContext } from './request-context.ts';
import type { EmulatedService } from './services.ts';

/**
 * A registry entry for an AWS Query service (Auto Scaling, SNS): each
 * operation renders the children of its `<Operation>Result` element; an
 * unknown one is answered as the service answers it.
 */
export function queryService(
  name: AwsServiceName,
  apiVersion: string,
  operations: Record<string, (ctx: RequestContext) => string>,
): EmulatedService {
  return {
    name,
    signingName: name,
    protocol: 'query',
    handle(ctx) {
      const op = operations[ctx.operation];
      if (!op)
        throw new AwsApiError(
          'InvalidAction',
          `Could not find operation ${ctx.operation} for version ${apiVersion}`,
        );
      return queryResponse(name, ctx.operation, op(ctx), ctx.requestId);
    },
  };
}
