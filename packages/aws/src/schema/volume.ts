import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EC2Instance } from './instance.ts';
import { AWSAccount } from './organization.ts';
import { EBSSnapshot } from './snapshots.ts';

/** An EBS volume, keyed by its id (`vol-...`). */
export const EBSVolume = defineNode({
  label: 'AWSEBSVolume',
  extraLabels: ['BlockStorage'],
  legacyLabels: ['EBSVolume'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    volumeid: 'string',
    availabilityzone: 'string?',
    createtime: 'string?',
    encrypted: 'boolean?',
    kmskeyid: 'string?',
    size: 'number?',
    state: 'string?',
    snapshotid: 'string?',
    iops: 'number?',
    throughput: 'number?',
    type: 'string?',
    outpostarn: 'string?',
    fastrestored: 'boolean?',
    multiattachenabled: 'boolean?',
    deleteontermination: 'boolean?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    instances: defineRel('ATTACHED_TO', refOf(EC2Instance), {
      description: 'the instance the volume is attached to',
    }),
    snapshot: defineRel('CREATED_FROM', refOf(EBSSnapshot), {
      direction: 'in',
      description:
        'the snapshot the volume was created from points at it (when the account owns the snapshot)',
    }),
  },
  description: 'An EBS volume (EC2 DescribeVolumes).',
});
