import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPFirewall } from './firewall.ts';
import { GCPIpRange } from './ip-range.ts';
import { GCPProject } from './project.ts';

/**
 * One protocol and port range of a firewall's allowed or denied list, keyed
 * by `<firewall partial uri>/<allow|deny>/<ports><protocol>`.
 */
export const GCPIpRule = defineNode({
  label: 'GCPIpRule',
  extraLabels: ['IpPermissionInbound', 'IpRule'],
  key: 'id',
  properties: {
    id: 'string',
    /** Same as `id` (the key older Cartography queries use). */
    ruleid: 'string',
    protocol: 'string',
    /** Null for protocols without ports (icmp, all, ...). */
    fromport: 'number?',
    toport: 'number?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    allowedBy: defineRel('ALLOWED_BY', refOf(GCPFirewall)),
    deniedBy: defineRel('DENIED_BY', refOf(GCPFirewall)),
    // Declared on the rule (owned by one project) rather than on the shared range node,
    // so one project's cleanup never touches another project's rules.
    ranges: defineRel('MEMBER_OF_IP_RULE', refOf(GCPIpRange), {
      direction: 'in',
      description: 'the source range the rule admits or denies',
    }),
  },
  description: 'A protocol/port rule of a GCP firewall.',
});
