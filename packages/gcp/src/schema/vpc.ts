import { defineNode, refOf } from '@skygraph/core';
import { GCPProject } from './project.ts';

/** A VPC network (Compute `networks`), keyed by its partial URI `projects/<p>/global/networks/<name>`. */
export const GCPVpc = defineNode({
  label: 'GCPVpc',
  extraLabels: ['VirtualNetwork'],
  key: 'id',
  properties: {
    id: 'string',
    partial_uri: 'string',
    self_link: 'string?',
    name: 'string',
    project_id: 'string',
    auto_create_subnetworks: 'boolean?',
    routing_config_routing_mode: 'string?',
    description: 'string?',
    mtu: 'number?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  description: 'A GCP VPC network.',
});
