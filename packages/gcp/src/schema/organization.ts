import { defineNode } from '@skygraph/core';

/** A GCP organisation, e.g. `organizations/1234`: the owner of the hierarchy scope. */
export const GCPOrganization = defineNode({
  label: 'GCPOrganization',
  extraLabels: ['Tenant'],
  key: 'id',
  properties: {
    /** `organizations/<number>`. */
    id: 'string',
    orgname: 'string?',
    /** The organisation's domain, e.g. `example.com`. */
    displayname: 'string?',
    lifecyclestate: 'string?',
    directory_customer_id: 'string?',
  },
  description: 'A GCP organisation (Cloud Resource Manager), the root of the folder and project hierarchy.',
});
