import {
  decodePageToken,
  GoogleApiError,
  invalidArgument,
  notFoundError,
  paginate,
  readPageSize,
} from '@skygraph/core/emulator-kit';
import type { ApiRouter } from './api-route.ts';
import { findProject, GCP_SERVICE_TITLES, type GcpProject, KNOWN_SERVICES } from './estate.ts';

function renderService(project: GcpProject, name: string): Record<string, unknown> {
  const enabled = project.enabledServices.includes(name);
  return {
    name: `projects/${project.projectNumber}/services/${name}`,
    config: {
      name,
      title: GCP_SERVICE_TITLES[name] ?? name,
      documentation: {},
      quota: {},
      authentication: {},
      usage: { requirements: ['serviceusage.googleapis.com/tos/cloud'] },
      monitoring: {},
    },
    state: enabled ? 'ENABLED' : 'DISABLED',
    parent: `projects/${project.projectNumber}`,
  };
}

function readStateFilter(filter: string | null): 'ENABLED' | 'DISABLED' | undefined {
  if (filter === null || filter.trim() === '') return undefined;
  const match = /^\s*state\s*[:=]\s*(ENABLED|DISABLED)\s*$/i.exec(filter);
  if (!match)
    throw new GoogleApiError(
      invalidArgument(`Invalid filter: "${filter}". Only "state:ENABLED" or "state:DISABLED" is supported.`),
    );
  return match[1]?.toUpperCase() === 'ENABLED' ? 'ENABLED' : 'DISABLED';
}

/** Service Usage v1: `services.list` and `services.get` under `projects/<id or number>`. */
export const serviceUsageRouter: ApiRouter = (request) => {
  const s = request.segments;
  if (
    s[0] !== 'v1' ||
    s[1] !== 'projects' ||
    s[2] === undefined ||
    s[3] !== 'services' ||
    request.method !== 'GET'
  ) {
    return undefined;
  }
  if (s.length > 5) return undefined;
  const key = s[2];
  const serviceName = s[4];
  const handleWith = (handle: (project: GcpProject) => unknown) => () => {
    const project = findProject(request.estate, key);
    if (!project) throw new GoogleApiError(notFoundError(`Project '${key}' not found.`));
    return handle(project);
  };
  if (serviceName === undefined) {
    return {
      service: 'serviceusage',
      operation: 'serviceusage.services.list',
      project: key,
      gate: { permission: 'serviceusage.services.list', missingProject: 'permissionDenied' },
      handle: handleWith((project) => {
        const state = readStateFilter(request.query.get('filter'));
        const names = [...new Set([...KNOWN_SERVICES, ...project.enabledServices])].sort();
        const selected = names.filter((name) => {
          if (state === undefined) return true;
          return project.enabledServices.includes(name) === (state === 'ENABLED');
        });
        const listKey = `services:${project.projectNumber}:${state ?? ''}`;
        const offset = decodePageToken(request.query.get('pageToken'), listKey);
        const page = paginate(
          selected,
          readPageSize(request.query, 'pageSize', { default: 50, max: 200 }),
          offset,
          listKey,
        );
        const body: Record<string, unknown> = {};
        if (page.items.length > 0) body.services = page.items.map((name) => renderService(project, name));
        if (page.nextPageToken) body.nextPageToken = page.nextPageToken;
        return body;
      }),
    };
  }
  return {
    service: 'serviceusage',
    operation: 'serviceusage.services.get',
    project: key,
    gate: { permission: 'serviceusage.services.get', missingProject: 'permissionDenied' },
    handle: handleWith((project) => renderService(project, serviceName)),
  };
};
