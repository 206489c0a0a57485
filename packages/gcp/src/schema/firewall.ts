import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPNetworkTag } from './network-tag.ts';
import { GCPProject } from './project.ts';
import { GCPVpc } from './vpc.ts';

/** A VPC firewall rule (ingress only, as Cartography), keyed by `projects/<p>/global/firewalls/<name>`. */
export const GCPFirewall = defineNode({
  label: 'GCPFirewall',
  extraLabels: ['NetworkAccessControl'],
  key: 'id',
  properties: {
    id: 'string',
    partial_uri: 'string',
    name: 'string',
    self_link: 'string?',
    description: 'string?',
    direction: 'string',
    disabled: 'boolean',
    /** 0 is applied first, 65535 last. */
    priority: 'number',
    has_target_service_accounts: 'boolean',
    target_service_accounts: 'string[]?',
    source_ranges: 'string[]?',
    source_tags: 'string[]?',
    target_tags: 'string[]?',
    vpc_partial_uri: 'string?',
    log_config_enabled: 'boolean?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    vpc: defineRel('RESOURCE', refOf(GCPVpc), {
      direction: 'in',
      description: 'the VPC the firewall guards',
    }),
    targetTags: defineRel('TARGET_TAG', refOf(GCPNetworkTag), {
      description: 'the firewall applies to instances with this tag',
    }),
  },
  description: 'A GCP VPC ingress firewall rule.',
});
