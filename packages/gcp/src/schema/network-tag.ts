import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPProject } from './project.ts';
import { GCPVpc } from './vpc.ts';

/**
 * A network tag as used by firewall targeting. Tags only mean something
 * within a VPC, so the id is `<vpc partial uri>/tags/<value>`.
 */
export const GCPNetworkTag = defineNode({
  label: 'GCPNetworkTag',
  key: 'id',
  properties: {
    id: 'string',
    tag_id: 'string',
    value: 'string',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    vpc: defineRel('DEFINED_IN', refOf(GCPVpc)),
  },
  description: 'A network tag of a VPC, set on instances and targeted by firewalls.',
});
