import { defineCollector, load } from '@skygraph/core';
import type { AwsScopeContext } from '../aws-context.ts';
import { AWSAccount } from '../schema/organization.ts';

/**
 * The account node itself, for syncs without the organisation scope
 * (accounts or profiles discovery, or `organizations` left out of
 * --aws-services): its name is what discovery knew it by.
 */
export const accountCollector = defineCollector<AwsScopeContext, { id: string; name: string }>({
  name: 'account',
  schemas: [AWSAccount],
  async *fetch(ctx) {
    yield { id: ctx.context.accountId, name: ctx.context.accountName };
  },
  transform: (page) => [load(AWSAccount, [{ id: page.id, name: page.name, inscope: true, foreign: false }])],
});

/** A collector that reports why an account could not be planned: the scope fails with this error and keeps its data. */
export function failedDiscoveryCollector(name: string, error: unknown) {
  return defineCollector<AwsScopeContext, never>({
    name,
    schemas: [],
    // biome-ignore lint/correctness/useYield: it only reports the discovery failure
    async *fetch() {
      throw error;
    },
    transform: () => [],
  });
}
