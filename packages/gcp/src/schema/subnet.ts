import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPProject } from './project.ts';
import { GCPVpc } from './vpc.ts';

/** A subnetwork, keyed by `projects/<p>/regions/<region>/subnetworks/<name>`. */
export const GCPSubnet = defineNode({
  label: 'GCPSubnet',
  extraLabels: ['Subnet'],
  key: 'id',
  properties: {
    id: 'string',
    partial_uri: 'string',
    self_link: 'string?',
    name: 'string',
    project_id: 'string',
    region: 'string?',
    gateway_address: 'string?',
    ip_cidr_range: 'string?',
    private_ip_google_access: 'boolean?',
    purpose: 'string?',
    flow_logs_enabled: 'boolean?',
    flow_logs_aggregation_interval: 'string?',
    flow_logs_sampling: 'number?',
    flow_logs_metadata: 'string?',
    vpc_partial_uri: 'string?',
    secondary_ip_ranges: 'string[]?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    vpc: defineRel('HAS', refOf(GCPVpc), { direction: 'in', description: 'the VPC the subnet belongs to' }),
  },
  description: 'A GCP subnetwork of a VPC.',
});
