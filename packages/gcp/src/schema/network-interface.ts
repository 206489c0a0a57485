import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPInstance } from './instance.ts';
import { GCPProject } from './project.ts';
import { GCPSubnet } from './subnet.ts';

/** A network interface of an instance, keyed by `<instance partial uri>/networkinterfaces/<name>`. */
export const GCPNetworkInterface = defineNode({
  label: 'GCPNetworkInterface',
  extraLabels: ['NetworkInterface'],
  key: 'id',
  properties: {
    id: 'string',
    nic_id: 'string',
    name: 'string',
    private_ip: 'string?',
    subnet_partial_uri: 'string?',
    vpc_partial_uri: 'string?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  relationships: {
    instance: defineRel('NETWORK_INTERFACE', refOf(GCPInstance), { direction: 'in' }),
    subnet: defineRel('PART_OF_SUBNET', refOf(GCPSubnet)),
  },
  description: 'A network interface of a GCP instance.',
});
