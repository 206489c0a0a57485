import { defineNode, defineRel, refOf } from '@skygraph/core';
import { GCPFolder } from './folder.ts';
import { GCPOrganization } from './organization.ts';

const projectProperties = {
  /** The project id, e.g. `payments-prod-1234`: what every project resource hangs off. */
  id: 'string',
  projectid: 'string',
  projectnumber: 'string?',
  displayname: 'string?',
  lifecyclestate: 'string?',
  parent_org: 'string?',
  parent_folder: 'string?',
} as const;

/**
 * A GCP project. Its resources hang off it: `(:GCPProject {id})-[:RESOURCE]->(n)`;
 * the organisation owns it in the hierarchy, with a PARENT edge to its folder
 * or organisation.
 */
export const GCPProject = defineNode({
  label: 'GCPProject',
  extraLabels: ['Tenant'],
  key: 'id',
  properties: projectProperties,
  scope: { owner: refOf(GCPOrganization), rel: 'RESOURCE' },
  relationships: {
    parentOrganization: defineRel('PARENT', refOf(GCPOrganization)),
    parentFolder: defineRel('PARENT', refOf(GCPFolder)),
  },
  description: 'A GCP project; the owner of every project-level resource.',
});

/**
 * The same node, written by the project's own scope (which cannot write
 * through the organisation-owned schema): keeps the project's names current
 * even when no organisation is visible or the hierarchy is not synced.
 * Internal: not part of `@skygraph/gcp/schema`.
 */
export const GCPProjectDetails = defineNode({
  label: 'GCPProject',
  extraLabels: ['Tenant'],
  key: 'id',
  properties: {
    id: 'string',
    projectid: 'string',
    projectnumber: 'string?',
    displayname: 'string?',
    lifecyclestate: 'string?',
  },
  description: 'GCPProject properties as the project scope sees them.',
});
