import {
  decodePageToken,
  GoogleApiError,
  invalidArgument,
  paginate,
  readPageSize,
} from '@skygraph/core/emulator-kit';
import type { ApiRequest, ApiRoute, ApiRouter } from './api-route.ts';
import { type FieldValues, matchesCrmQuery, parseCrmQuery } from './crm-query.ts';
import type { GcpEstate, GcpFolder, GcpOrganization, GcpProject, LifecycleState } from './estate.ts';
import { findProject } from './estate.ts';
import { permissionDenied } from './gcp-errors.ts';

const PAGE_SIZE = { default: 100, max: 1000 } as const;
const STATE_NUMBERS: Record<LifecycleState, number> = { ACTIVE: 1, DELETE_REQUESTED: 2 };

function etag(text: string): string {
  let hash = 2166136261;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 16777619);
  return `W/"${(hash >>> 0).toString(16).padStart(8, '0')}${text.length.toString(16).padStart(8, '0')}"`;
}

/**
 * The REST transport of the Cloud client libraries sends `$alt=json;enum-encoding=int`
 * and the real API then answers enums as numbers; discovery clients get names.
 */
function stateValue(request: ApiRequest, state: LifecycleState): string | number {
  const alt = request.query.get('$alt') ?? '';
  return /enum-encoding=int/.test(alt) ? STATE_NUMBERS[state] : state;
}

function renderOrganization(request: ApiRequest, org: GcpOrganization): Record<string, unknown> {
  return {
    name: `organizations/${org.id}`,
    displayName: org.displayName,
    directoryCustomerId: org.directoryCustomerId,
    state: stateValue(request, org.state),
    createTime: org.createTime,
    updateTime: org.createTime,
    etag: etag(`organizations/${org.id}`),
  };
}

function renderFolder(request: ApiRequest, folder: GcpFolder): Record<string, unknown> {
  return {
    name: `folders/${folder.id}`,
    parent: folder.parent,
    displayName: folder.displayName,
    state: stateValue(request, folder.state),
    createTime: folder.createTime,
    updateTime: folder.createTime,
    ...(folder.state === 'DELETE_REQUESTED' ? { deleteTime: folder.createTime } : {}),
    etag: etag(`folders/${folder.id}/${folder.displayName}/${folder.parent}`),
  };
}

function renderProject(request: ApiRequest, project: GcpProject): Record<string, unknown> {
  return {
    name: `projects/${project.projectNumber}`,
    parent: project.parent,
    projectId: project.projectId,
    state: stateValue(request, project.state),
    displayName: project.displayName,
    createTime: project.createTime,
    updateTime: project.createTime,
    ...(project.state === 'DELETE_REQUESTED' ? { deleteTime: project.createTime } : {}),
    etag: etag(`projects/${project.projectNumber}/${project.parent}/${project.state}`),
    ...(Object.keys(project.labels).length > 0 ? { labels: project.labels } : {}),
  };
}

/** Cloud Resource Manager v1 project shape (used by Cartography). */
function renderProjectV1(project: GcpProject): Record<string, unknown> {
  const [parentType = '', parentId = ''] = project.parent.split('/');
  return {
    projectNumber: project.projectNumber,
    projectId: project.projectId,
    lifecycleState: project.state,
    name: project.displayName,
    ...(Object.keys(project.labels).length > 0 ? { labels: project.labels } : {}),
    createTime: project.createTime,
    parent: { type: parentType === 'folders' ? 'folder' : 'organization', id: parentId },
  };
}

function projectFields(project: GcpProject): FieldValues {
  const [parentType = '', parentId = ''] = project.parent.split('/');
  return (field) => {
    switch (field) {
      case 'displayname':
      case 'name':
        return [project.displayName];
      case 'parent':
        return [project.parent];
      case 'parent.type':
        return [parentType === 'folders' ? 'folder' : 'organization'];
      case 'parent.id':
        return [parentId];
      case 'id':
      case 'projectid':
        return [project.projectId];
      case 'state':
      case 'lifecyclestate':
        return [project.state];
      case 'labels':
        return Object.entries(project.labels).flat();
      default:
        if (field.startsWith('labels.')) {
          const label = Object.entries(project.labels).find(([key]) => key.toLowerCase() === field.slice(7));
          return label ? [label[1] === '' ? '\u0000' : label[1]] : [];
        }
        return undefined;
    }
  };
}

function folderFields(folder: GcpFolder): FieldValues {
  return (field) => {
    switch (field) {
      case 'displayname':
        return [folder.displayName];
      case 'parent':
        return [folder.parent];
      case 'state':
      case 'lifecyclestate':
        return [folder.state];
      default:
        return undefined;
    }
  };
}

function organizationFields(org: GcpOrganization): FieldValues {
  return (field) => {
    switch (field) {
      case 'directorycustomerid':
      case 'owner.directorycustomerid':
        return [org.directoryCustomerId];
      case 'domain':
        return [org.displayName];
      default:
        return undefined;
    }
  };
}

function pageOf<T>(request: ApiRequest, items: T[], listKey: string, sizeParam = 'pageSize') {
  const offset = decodePageToken(request.query.get('pageToken'), listKey);
  return paginate(items, readPageSize(request.query, sizeParam, PAGE_SIZE), offset, listKey);
}

/** proto3 JSON omits an empty list, so "nothing found" is `{}`. */
function listBody(
  field: string,
  items: unknown[],
  nextPageToken: string | undefined,
): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (items.length > 0) body[field] = items;
  if (nextPageToken) body.nextPageToken = nextPageToken;
  return body;
}

function denied(): GoogleApiError {
  return new GoogleApiError(permissionDenied('crm', 'resourcemanager.projects.get', undefined));
}

function parentExists(estate: GcpEstate, parent: string): boolean {
  if (parent === `organizations/${estate.organization.id}`) return true;
  return estate.folders.some((folder) => `folders/${folder.id}` === parent);
}

function requireParent(request: ApiRequest): string {
  const parent = request.query.get('parent');
  if (parent === null || parent === '') {
    throw new GoogleApiError({
      httpStatus: 400,
      status: 'INVALID_ARGUMENT',
      message: 'Request contains an invalid argument.',
      reason: 'badRequest',
      details: [
        {
          '@type': 'type.googleapis.com/google.rpc.BadRequest',
          fieldViolations: [{ field: 'parent', description: 'parent is required' }],
        },
      ],
    });
  }
  if (!/^(organizations|folders)\/\d+$/.test(parent)) {
    throw new GoogleApiError(invalidArgument(`Invalid parent: ${parent}`, 'badRequest'));
  }
  if (!parentExists(request.estate, parent)) throw denied();
  return parent;
}

function showDeleted(request: ApiRequest): boolean {
  return request.query.get('showDeleted') === 'true';
}

function route(operation: string, handle: () => unknown, project?: string): ApiRoute {
  return {
    service: 'crm',
    operation: `crm.${operation}`,
    ...(project === undefined ? {} : { project }),
    handle,
  };
}

/** Cloud Resource Manager v3 (organizations, folders, projects) plus v1 `projects.list/get`. */
export const resourceManagerRouter: ApiRouter = (request) => {
  const s = request.segments;
  if (request.method !== 'GET' || (s[0] !== 'v3' && s[0] !== 'v1')) return undefined;
  const { estate } = request;

  if (s[0] === 'v1') {
    if (s[1] !== 'projects' || s.length > 3) return undefined;
    const key = s[2];
    if (key === undefined) {
      return route('v1.projects.list', () => {
        const query = parseCrmQuery(request.query.get('filter'), 'AND');
        const projects = estate.projects.filter((project) => matchesCrmQuery(query, projectFields(project)));
        const page = pageOf(request, projects, `v1projects:${request.query.get('filter') ?? ''}`);
        return listBody('projects', page.items.map(renderProjectV1), page.nextPageToken);
      });
    }
    return route(
      'v1.projects.get',
      () => {
        const project = estate.projects.find((candidate) => candidate.projectId === key);
        if (!project) throw denied();
        return renderProjectV1(project);
      },
      key,
    );
  }

  const collection = s[1] ?? '';
  const name = s[2];
  if (s.length > 3) return undefined;

  if (collection === 'organizations:search' && name === undefined) {
    return route('organizations.search', () => {
      const query = parseCrmQuery(request.query.get('query'), 'AND');
      const orgs = [estate.organization].filter((org) => matchesCrmQuery(query, organizationFields(org)));
      const page = pageOf(request, orgs, `orgs:${request.query.get('query') ?? ''}`);
      return listBody(
        'organizations',
        page.items.map((org) => renderOrganization(request, org)),
        page.nextPageToken,
      );
    });
  }
  if (collection === 'organizations' && name !== undefined) {
    return route('organizations.get', () => {
      if (name !== estate.organization.id) throw denied();
      return renderOrganization(request, estate.organization);
    });
  }
  if (collection === 'folders' && name === undefined) {
    return route('folders.list', () => {
      const parent = requireParent(request);
      const folders = estate.folders.filter(
        (folder) => folder.parent === parent && (folder.state === 'ACTIVE' || showDeleted(request)),
      );
      const page = pageOf(request, folders, `folders:${parent}:${showDeleted(request)}`);
      return listBody(
        'folders',
        page.items.map((folder) => renderFolder(request, folder)),
        page.nextPageToken,
      );
    });
  }
  if (collection === 'folders:search' && name === undefined) {
    return route('folders.search', () => {
      const query = parseCrmQuery(request.query.get('query'), 'AND');
      const folders = estate.folders.filter((folder) => matchesCrmQuery(query, folderFields(folder)));
      const page = pageOf(request, folders, `foldersearch:${request.query.get('query') ?? ''}`);
      return listBody(
        'folders',
        page.items.map((folder) => renderFolder(request, folder)),
        page.nextPageToken,
      );
    });
  }
  if (collection === 'folders' && name !== undefined) {
    return route('folders.get', () => {
      const folder = estate.folders.find((candidate) => candidate.id === name);
      if (!folder) throw denied();
      return renderFolder(request, folder);
    });
  }
  if (collection === 'projects' && name === undefined) {
    return route('projects.list', () => {
      const parent = requireParent(request);
      const projects = estate.projects.filter(
        (project) => project.parent === parent && (project.state === 'ACTIVE' || showDeleted(request)),
      );
      const page = pageOf(request, projects, `projects:${parent}:${showDeleted(request)}`);
      return listBody(
        'projects',
        page.items.map((project) => renderProject(request, project)),
        page.nextPageToken,
      );
    });
  }
  if (collection === 'projects:search' && name === undefined) {
    return route('projects.search', () => {
      const query = parseCrmQuery(request.query.get('query'), 'OR');
      const projects = estate.projects.filter((project) => matchesCrmQuery(query, projectFields(project)));
      const page = pageOf(request, projects, `projectsearch:${request.query.get('query') ?? ''}`);
      return listBody(
        'projects',
        page.items.map((project) => renderProject(request, project)),
        page.nextPageToken,
      );
    });
  }
  if (collection === 'projects' && name !== undefined) {
    return route(
      'projects.get',
      () => {
        const project = findProject(estate, name);
        if (!project) throw denied();
        return renderProject(request, project);
      },
      name,
    );
  }
  return undefined;
};
