import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPNetworkInterface } from './network-interface.ts';
import { GCPProject } from './project.ts';

/**
 * An access config (external IP) of a network interface, keyed by
 * `<nic id>/accessconfigs/<type>`. A non-null `public_ip` means the instance
 * is reachable from the internet where firewalls allow it.
 */
export const GCPNicAccessConfig = defineNode({
  label: 'GCPNicAccessConfig',
  key: 'id',
  properties: {
    id: 'string',
    partial_uri: 'string',
    type: 'string?',
    name: 'string?',
    public_ip: 'string?',
    set_public_ptr: 'boolean?',
    public_ptr_domain_name: 'string?',
    network_tier: 'string?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    networkInterface: defineRel('RESOURCE', refOf(GCPNetworkInterface), { direction: 'in' }),
  },
  description: 'An external IP configuration of a GCP network interface.',
});
