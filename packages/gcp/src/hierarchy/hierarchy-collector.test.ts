import { describe, expect, it } from 'vitest';
import { transformHierarchy } from './hierarchy-collector.ts';
import { isProjectSelected } from './project-filter.ts';

describe('transformHierarchy', () => {
  it('returns organisation, folder and project loads in that order on every page', () => {
    for (const page of [
      { kind: 'organization' as const, organization: { name: 'organizations/1' } },
      { kind: 'folders' as const, folders: [] },
      { kind: 'projects' as const, projects: [] },
    ]) {
      expect(transformHierarchy(page).map((l) => l.schema.label)).toEqual([
        'GCPOrganization',
        'GCPFolder',
        'GCPProject',
      ]);
    }
  });

  it('reads v3 resources (enum names or numbers) and points each at its parent', () => {
    const [org] = transformHierarchy({
      kind: 'organization',
      organization: {
        name: 'organizations/1',
        displayName: 'example.com',
        directoryCustomerId: 'C01',
        state: 'ACTIVE',
      },
    });
    expect(org?.rows).toEqual([
      {
        id: 'organizations/1',
        orgname: 'organizations/1',
        displayname: 'example.com',
        lifecyclestate: 'ACTIVE',
        directory_customer_id: 'C01',
      },
    ]);
    const [, folders] = transformHierarchy({
      kind: 'folders',
      folders: [
        { name: 'folders/10', parent: 'organizations/1', displayName: 'Eng', state: 1 },
        { name: 'folders/11', parent: 'folders/10', displayName: 'Platform', state: 'ACTIVE' },
      ],
    });
    expect(folders?.rows).toEqual([
      {
        id: 'folders/10',
        foldername: 'folders/10',
        displayname: 'Eng',
        lifecyclestate: 'ACTIVE',
        parent_org: 'organizations/1',
        parent_folder: null,
        parentOrganization: 'organizations/1',
        parentFolder: null,
      },
      expect.objectContaining({
        id: 'folders/11',
        parent_org: null,
        parent_folder: 'folders/10',
        parentFolder: 'folders/10',
      }),
    ]);
    const [, , projects] = transformHierarchy({
      kind: 'projects',
      projects: [
        {
          name: 'projects/4242',
          parent: 'folders/11',
          projectId: 'web-prod',
          displayName: 'Web prod',
          state: 'ACTIVE',
        },
      ],
    });
    expect(projects?.rows).toEqual([
      {
        id: 'web-prod',
        projectid: 'web-prod',
        projectnumber: '4242',
        displayname: 'Web prod',
        lifecyclestate: 'ACTIVE',
        parent_org: null,
        parent_folder: 'folders/11',
        parentOrganization: null,
        parentFolder: 'folders/11',
      },
    ]);
  });
});

describe('isProjectSelected', () => {
  const filter = (
    over: Partial<Record<'folders' | 'excludeFolders' | 'projects' | 'excludeProjects', string[]>> = {},
  ) => ({
    folders: new Set(over.folders ?? []),
    excludeFolders: new Set(over.excludeFolders ?? []),
    projects: new Set(over.projects ?? []),
    excludeProjects: new Set(over.excludeProjects ?? []),
  });
  const project = { projectId: 'a', state: 'ACTIVE' };

  it('takes active projects under included parents that pass the project lists', () => {
    expect(isProjectSelected(project, true, filter())).toBe(true);
    expect(isProjectSelected({ ...project, state: 'DELETE_REQUESTED' }, true, filter())).toBe(false);
    expect(isProjectSelected(project, false, filter())).toBe(false);
    expect(isProjectSelected(project, true, filter({ excludeProjects: ['a'] }))).toBe(false);
    expect(isProjectSelected(project, true, filter({ projects: ['b'] }))).toBe(false);
    expect(isProjectSelected(project, true, filter({ projects: ['a'] }))).toBe(true);
  });
});
