import { defineNode } from '@skygraph/core';

/** A Workspace customer (tenant), keyed by its customer id (e.g. `C03az79cb`): the owner of a sync scope. */
export const GSuiteTenant = defineNode({
  label: 'GSuiteTenant',
  extraLabels: ['Tenant'],
  key: 'id',
  properties: {
    id: 'string',
    customer_id: 'string',
  },
  description: 'A Google Workspace customer account.',
});
