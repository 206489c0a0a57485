import { defineNode, refOf } from '@skygraph/core';
import { GCPProject } from './project.ts';

/** A CIDR range a firewall rule admits or denies, keyed by the CIDR itself (e.g. `0.0.0.0/0`). */
export const GCPIpRange = defineNode({
  label: 'GCPIpRange',
  extraLabels: ['IpRange'],
  key: 'id',
  properties: {
    id: 'string',
    range: 'string',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  description: 'A source IP range of GCP firewall rules.',
});
