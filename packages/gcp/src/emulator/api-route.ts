import type { GcpEstate } from './estate.ts';
import type { GcpService } from './gcp-errors.ts';

export interface ApiRequest {
  estate: GcpEstate;
  method: string;
  /** Decoded path segments, e.g. `['compute', 'v1', 'projects', 'p', 'global', 'networks']`. */
  segments: string[];
  query: URLSearchParams;
}

/**
 * What a project-scoped call needs before it may run: the IAM permission it
 * checks, the service that must be enabled, and how the API answers for a
 * project that does not exist (Compute and Storage say 404; the newer APIs
 * say 403 so as not to reveal which projects exist).
 */
export interface ProjectGate {
  permission: string;
  /** Service that must be enabled in the project (none for Service Usage itself). */
  requiresApi?: string;
  missingProject: 'notFound' | 'permissionDenied';
}

export interface ApiRoute {
  service: GcpService;
  /** `<service>.<resource>.<method>`, e.g. `compute.instances.aggregatedList`. */
  operation: string;
  /** Project id or number the call targets, as the caller wrote it (faults match on it). */
  project?: string;
  /** Checks run against `project` before `handle`. */
  gate?: ProjectGate;
  /** Produces the JSON body; throws GoogleApiError for API errors. */
  handle(): unknown;
}

export type ApiRouter = (request: ApiRequest) => ApiRoute | undefined;
