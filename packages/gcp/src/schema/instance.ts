import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EXPOSURE_PROPERTIES } from './exposure.ts';
import { GCPNetworkTag } from './network-tag.ts';
import { GCPProject } from './project.ts';
import { GCPVpc } from './vpc.ts';

/**
 * A Compute Engine instance, keyed by `projects/<p>/zones/<zone>/instances/<name>`.
 * The analysis job sets `exposed_internet` and `exposed_internet_type` (computed).
 */
export const GCPInstance = defineNode({
  label: 'GCPInstance',
  extraLabels: ['Instance', 'ComputeInstance'],
  key: 'id',
  properties: {
    id: 'string',
    partial_uri: 'string',
    self_link: 'string?',
    instancename: 'string',
    hostname: 'string?',
    zone_name: 'string',
    project_id: 'string',
    status: 'string?',
    machine_type: 'string?',
    creation_timestamp: 'string?',
    private_ip: 'string?',
    public_ip: 'string?',
    service_account_email: 'string?',
    service_account_scopes: 'string[]?',
    can_ip_forward: 'boolean?',
    deletion_protection: 'boolean?',
    enable_secure_boot: 'boolean?',
    enable_vtpm: 'boolean?',
    enable_integrity_monitoring: 'boolean?',
    network_tags: 'string[]?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  computed: EXPOSURE_PROPERTIES,
  relationships: {
    tags: defineRel('TAGGED', refOf(GCPNetworkTag)),
    vpcs: defineRel('MEMBER_OF_GCP_VPC', refOf(GCPVpc), {
      description: 'shortcut for NETWORK_INTERFACE -> PART_OF_SUBNET -> subnet of the VPC',
    }),
  },
  description: 'A GCP Compute Engine VM instance.',
});
