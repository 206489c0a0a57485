import type { GcpConfig } from '../options.ts';
import { type CrmProject, stateName } from './crm-resources.ts';

/** Which folders and projects a sync covers (from the include/exclude options). */
export interface ProjectFilter {
  readonly folders: ReadonlySet<string>;
  readonly excludeFolders: ReadonlySet<string>;
  readonly projects: ReadonlySet<string>;
  readonly excludeProjects: ReadonlySet<string>;
}

export function projectFilterOf(config: GcpConfig): ProjectFilter {
  return {
    folders: new Set(config.gcpFolders.map((id) => `folders/${id}`)),
    excludeFolders: new Set(config.gcpExcludeFolders.map((id) => `folders/${id}`)),
    projects: new Set(config.gcpProjects),
    excludeProjects: new Set(config.gcpExcludeProjects),
  };
}

/**
 * Whether a project is synced: ACTIVE, under an included folder (when
 * folders are named; `underIncluded` says so for its parent), and passing
 * the project include/exclude lists.
 */
export function isProjectSelected(
  project: CrmProject,
  underIncluded: boolean,
  filter: ProjectFilter,
): project is CrmProject & { projectId: string } {
  const id = project.projectId;
  if (!id) return false;
  if (stateName(project.state) !== 'ACTIVE') return false;
  if (!underIncluded) return false;
  if (filter.excludeProjects.has(id)) return false;
  return filter.projects.size === 0 || filter.projects.has(id);
}
