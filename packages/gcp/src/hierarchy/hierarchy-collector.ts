import { type AnyLoad, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { GcpClients } from '../api/gcp-clients.ts';
import { GCPFolder } from '../schema/folder.ts';
import { GCPOrganization } from '../schema/organization.ts';
import { GCPProject } from '../schema/project.ts';
import {
  type CrmFolder,
  type CrmOrganization,
  type CrmProject,
  projectNumberOf,
  stateName,
} from './crm-resources.ts';
import type { ProjectFilter } from './project-filter.ts';
import { walkHierarchy } from './walk-hierarchy.ts';

/** The state of an organisation's hierarchy scope. */
export interface OrganizationContext {
  readonly organization: CrmOrganization & { name: string };
  readonly clients: GcpClients;
  readonly filter: ProjectFilter;
}

/** One page of the hierarchy walk. */
export type HierarchyPage =
  | { kind: 'organization'; organization: CrmOrganization & { name: string } }
  | { kind: 'folders'; folders: CrmFolder[] }
  | { kind: 'projects'; projects: CrmProject[] };

function parentFields(parent: string | null | undefined) {
  const org = parent?.startsWith('organizations/') ? parent : null;
  const folder = parent?.startsWith('folders/') ? parent : null;
  return { parent_org: org, parent_folder: folder, parentOrganization: org, parentFolder: folder };
}

/**
 * Organisation, folder and project rows of one page. Every page returns the
 * three loads in the same order, so a batch always writes a parent before
 * the children that point at it.
 */
export function transformHierarchy(page: HierarchyPage): AnyLoad[] {
  const organizations: NodeRow<typeof GCPOrganization>[] = [];
  const folders: NodeRow<typeof GCPFolder>[] = [];
  const projects: NodeRow<typeof GCPProject>[] = [];
  if (page.kind === 'organization') {
    const org = page.organization;
    organizations.push({
      id: org.name,
      orgname: org.name,
      displayname: org.displayName ?? null,
      lifecyclestate: stateName(org.state),
      directory_customer_id: org.directoryCustomerId ?? null,
    });
  } else if (page.kind === 'folders') {
    for (const folder of page.folders) {
      if (!folder.name) continue;
      folders.push({
        id: folder.name,
        foldername: folder.name,
        displayname: folder.displayName ?? null,
        lifecyclestate: stateName(folder.state),
        ...parentFields(folder.parent),
      });
    }
  } else {
    for (const project of page.projects) {
      if (!project.projectId) continue;
      projects.push({
        id: project.projectId,
        projectid: project.projectId,
        projectnumber: projectNumberOf(project),
        displayname: project.displayName ?? null,
        lifecyclestate: stateName(project.state),
        ...parentFields(project.parent),
      });
    }
  }
  return [load(GCPOrganization, organizations), load(GCPFolder, folders), load(GCPProject, projects)];
}

/** The organisation, its folders and its selected projects, with their PARENT edges. */
export const hierarchyCollector = defineCollector<OrganizationContext, HierarchyPage>({
  name: 'crm-hierarchy',
  schemas: [GCPOrganization, GCPFolder, GCPProject],
  async *fetch(ctx) {
    const { organization, clients, filter } = ctx.context;
    yield { kind: 'organization', organization };
    yield* walkHierarchy(ctx, clients, organization.name, filter);
  },
  transform: (page) => transformHierarchy(page),
});
