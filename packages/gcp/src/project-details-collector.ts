import { defineCollector, load } from '@skygraph/core';
import { projectNumberOf, stateName } from './hierarchy/crm-resources.ts';
import type { ProjectContext, ProjectInfo } from './project-context.ts';
import { GCPProjectDetails } from './schema/project.ts';

/**
 * The project's own node properties, from what planning learnt (no API
 * call): current even when no organisation is visible or `crm` is not synced.
 */
export const projectDetailsCollector = defineCollector<ProjectContext, ProjectInfo>({
  name: 'project',
  schemas: [GCPProjectDetails],
  async *fetch(ctx) {
    yield ctx.context.project;
  },
  transform: (project) => [
    load(GCPProjectDetails, [
      {
        id: project.projectId,
        projectid: project.projectId,
        projectnumber: project.projectNumber ?? null,
        displayname: project.displayName ?? null,
        lifecyclestate: project.state ?? null,
      },
    ]),
  ],
});

/** A project as planning found it in Resource Manager. */
export function projectInfoOf(project: {
  projectId: string;
  name?: string | null;
  displayName?: string | null;
  state?: unknown;
  parent?: string | null;
}): ProjectInfo {
  return {
    projectId: project.projectId,
    projectNumber: projectNumberOf(project) ?? undefined,
    displayName: project.displayName ?? undefined,
    state: stateName(project.state) ?? undefined,
    parent: project.parent ?? undefined,
  };
}
