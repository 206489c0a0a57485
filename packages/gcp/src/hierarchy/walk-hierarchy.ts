import type { PlanContext } from '@skygraph/core';
import { callCrm, type GcpClients } from '../api/gcp-clients.ts';
import type { CrmFolder, CrmProject } from './crm-resources.ts';
import { isProjectSelected, type ProjectFilter } from './project-filter.ts';

/** One step of a walk of an organisation's folder tree. */
export type HierarchyStep =
  | { kind: 'folders'; folders: CrmFolder[] }
  | { kind: 'projects'; projects: Array<CrmProject & { projectId: string }> };

const PAGE_SIZE = 500;

/**
 * Walks an organisation breadth-first, one page at a time: the projects
 * directly under each parent (selected ones only), then its folders.
 * Excluded folders are not entered; folders named in `--gcp-folders` (and
 * everything below them) select their projects. Only the frontier of
 * unvisited parents is held in memory.
 */
export async function* walkHierarchy(
  ctx: Pick<PlanContext, 'call'>,
  clients: GcpClients,
  organization: string,
  filter: ProjectFilter,
): AsyncGenerator<HierarchyStep> {
  const queue: Array<{ name: string; included: boolean }> = [
    { name: organization, included: filter.folders.size === 0 },
  ];
  for (let next = queue.shift(); next; next = queue.shift()) {
    const parent = next;
    let pageToken = '';
    do {
      const token = pageToken;
      const [projects, , raw] = await callCrm(ctx, 'projects.list', clients.crmCall.timeout, () =>
        clients.projects.listProjects(
          { parent: parent.name, pageSize: PAGE_SIZE, pageToken: token },
          clients.crmCall,
        ),
      );
      const selected = projects.filter((p) => isProjectSelected(p, parent.included, filter));
      if (selected.length > 0) yield { kind: 'projects', projects: selected };
      pageToken = raw?.nextPageToken ?? '';
    } while (pageToken);
    do {
      const token = pageToken;
      const [folders, , raw] = await callCrm(ctx, 'folders.list', clients.crmCall.timeout, () =>
        clients.folders.listFolders(
          { parent: parent.name, pageSize: PAGE_SIZE, pageToken: token },
          clients.crmCall,
        ),
      );
      const kept = folders.filter((f) => f.name && !filter.excludeFolders.has(f.name));
      for (const folder of kept) {
        queue.push({
          name: folder.name ?? '',
          included: parent.included || filter.folders.has(folder.name ?? ''),
        });
      }
      if (kept.length > 0) yield { kind: 'folders', folders: kept };
      pageToken = raw?.nextPageToken ?? '';
    } while (pageToken);
  }
}
