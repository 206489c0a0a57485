import { defineNode, defineRel, refOf } from '../schema/define.ts';

/** Small schemas for the engine's own tests: a tenant owning servers in regions, and disks. */
export const Tenant = defineNode({
  label: 'TestTenant',
  key: 'id',
  properties: { id: 'string', name: 'string?' },
});

export const Disk = defineNode({
  label: 'TestDisk',
  key: 'id',
  properties: { id: 'string', region: 'string', size: 'number?' },
  scope: { owner: refOf(Tenant), rel: 'RESOURCE' },
});

export const Server = defineNode({
  label: 'TestServer',
  extraLabels: ['TestMachine'],
  key: 'id',
  properties: {
    id: 'string',
    region: 'string',
    name: 'string?',
    public: 'boolean?',
    ports: 'number[]?',
    tags: 'string[]?',
  },
  scope: { owner: refOf(Tenant), rel: 'RESOURCE' },
  relationships: {
    disks: defineRel('ATTACHED', refOf(Disk)),
    peers: defineRel(
      'PEERS_WITH',
      { label: 'TestServer', key: 'id' },
      { properties: { latency: 'number?' } },
    ),
  },
});
