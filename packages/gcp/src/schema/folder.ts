import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPOrganization } from './organization.ts';

/** A GCP folder, e.g. `folders/1234`, owned by its organisation's hierarchy scope. */
export const GCPFolder = defineNode({
  label: 'GCPFolder',
  key: 'id',
  properties: {
    /** `folders/<number>`. */
    id: 'string',
    foldername: 'string',
    displayname: 'string?',
    lifecyclestate: 'string?',
    /** `organizations/<number>` when the parent is the organisation. */
    parent_org: 'string?',
    /** `folders/<number>` when the parent is another folder. */
    parent_folder: 'string?',
  },
  scope: { owner: refOf(GCPOrganization), rel: 'RESOURCE' },
  relationships: {
    parentOrganization: defineRel('PARENT', refOf(GCPOrganization), {
      description: 'the folder sits directly under the organisation',
    }),
    parentFolder: defineRel(
      'PARENT',
      { label: 'GCPFolder', key: 'id' },
      {
        description: 'the folder sits inside another folder',
      },
    ),
  },
  description: 'A GCP folder of the resource hierarchy.',
});
