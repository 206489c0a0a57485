import { defineCollector, load } from '@skygraph/core';
import type { DirectoryContext } from '../directory-context.ts';
import { GSuiteTenant } from '../schema/tenant.ts';

/** The customer's own node (no API call: planning resolved its id). */
export const tenantCollector = defineCollector<DirectoryContext, string>({
  name: 'tenant',
  schemas: [GSuiteTenant],
  async *fetch(ctx) {
    yield ctx.context.customerId;
  },
  transform: (customerId) => [load(GSuiteTenant, [{ id: customerId, customer_id: customerId }])],
});
