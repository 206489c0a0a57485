import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  createSeededRandom,
  type GoogleErrorSpec,
  hasCredentials,
  listenJsonServer,
  notFoundError,
  respondWithHandler,
  sendGoogleError,
  sleep,
  unauthenticatedError,
} from '@skygraph/core/emulator-kit';
import type { ApiRoute, ApiRouter } from './api-route.ts';
import { computeRouter } from './compute-api.ts';
import { containerRouter } from './container-api.ts';
import { findProject, type GcpEstate } from './estate.ts';
import {
  type GcpService,
  permissionDenied,
  projectPendingDeletion,
  rateLimited,
  serviceDisabled,
  tokenExpired,
  unavailable,
} from './gcp-errors.ts';
import { generateGcpEstate } from './generate-estate.ts';
import { resourceManagerRouter } from './resource-manager-api.ts';
import { serviceUsageRouter } from './service-usage-api.ts';
import { storageRouter } from './storage-api.ts';

export type { GcpService } from './gcp-errors.ts';

/** `TokenExpired` answers 401 `UNAUTHENTICATED` (`ACCESS_TOKEN_EXPIRED`), as for an expired or revoked token. */
export type GcpFaultKind = 'PermissionDenied' | 'Unavailable' | 'RateLimited' | 'TokenExpired';

/**
 * A scripted failure. It matches a request when every field that is set
 * matches (`project` by id or number); `times` limits how often it fires,
 * otherwise it fires until replaced by `setFaults`.
 */
export interface GcpFault {
  project?: string;
  service?: GcpService;
  /** e.g. `compute.instances.aggregatedList`, `crm.projects.search`. */
  operation?: string;
  kind: GcpFaultKind;
  times?: number;
}

export interface StartGcpEmulatorOptions {
  /** The estate to serve; generated from `seed` when absent. */
  estate?: GcpEstate;
  seed?: number | string;
  /** Added to every response. */
  latencyMs?: number;
  /** Probability (0..1) of an injected 429 / 503 per request, drawn from a seeded sequence. */
  errorRate?: { 429?: number; 503?: number };
  faults?: GcpFault[];
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface GcpEmulatorStats {
  requests: number;
  byService: Record<string, number>;
  byOperation: Record<string, number>;
  /** Responses with HTTP status 429. */
  throttled: number;
  byStatus: Record<string, number>;
}

export interface GcpEmulator {
  /** `http://127.0.0.1:<port>`: the root URL for googleapis clients (`rootUrl: url + '/'`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The live model: mutate it (or assign a new one) and the next request sees it. */
  estate: GcpEstate;
  setFaults(faults: GcpFault[]): void;
  stats(): GcpEmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

const ROUTERS: readonly ApiRouter[] = [
  computeRouter,
  storageRouter,
  containerRouter,
  serviceUsageRouter,
  resourceManagerRouter,
];

function emptyStats(): GcpEmulatorStats {
  return { requests: 0, byService: {}, byOperation: {}, throttled: 0, byStatus: {} };
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function splitPath(pathname: string): string[] {
  return pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => {
      try {
        return decodeURIComponent(segment);
      } catch {
        return segment;
      }
    });
}

/**
 * Starts the GCP emulator: Resource Manager v3 (and v1 projects), Service
 * Usage v1, Compute v1, Kubernetes Engine v1 and Cloud Storage JSON v1 on one
 * local HTTP port.
 *
 * @example
 * const gcp = await startGcpEmulator({ seed: 1 });
 * const compute = google.compute({ version: 'v1', auth, rootUrl: `${gcp.url}/` });
 */
export async function startGcpEmulator(options: StartGcpEmulatorOptions = {}): Promise<GcpEmulator> {
  let faults: GcpFault[] = [...(options.faults ?? [])];
  let stats = emptyStats();
  const random = createSeededRandom(`errors:${options.seed ?? 1}`);
  const rate429 = options.errorRate?.[429] ?? 0;
  const rate503 = options.errorRate?.[503] ?? 0;
  const latencyMs = options.latencyMs ?? 0;

  const takeFault = (route: ApiRoute): GcpFault | undefined => {
    const project = route.project === undefined ? undefined : findProject(handle.estate, route.project);
    const index = faults.findIndex(
      (fault) =>
        (fault.service === undefined || fault.service === route.service) &&
        (fault.operation === undefined || fault.operation === route.operation) &&
        (fault.project === undefined ||
          fault.project === route.project ||
          fault.project === project?.projectId ||
          fault.project === project?.projectNumber),
    );
    const fault = faults[index];
    if (!fault) return undefined;
    if (fault.times !== undefined) {
      const left = fault.times - 1;
      faults =
        left <= 0
          ? faults.filter((_, i) => i !== index)
          : faults.map((f, i) => (i === index ? { ...f, times: left } : f));
    }
    return fault;
  };

  const faultError = (route: ApiRoute, kind: GcpFaultKind): GoogleErrorSpec => {
    const project = route.project === undefined ? undefined : findProject(handle.estate, route.project);
    if (kind === 'RateLimited') return rateLimited(route.service, project);
    if (kind === 'Unavailable') return unavailable();
    if (kind === 'TokenExpired') return tokenExpired(route.service);
    return permissionDenied(
      route.service,
      route.gate?.permission ?? 'resourcemanager.projects.get',
      project?.projectId ?? route.project,
    );
  };

  /** Project existence, access, lifecycle and API enablement, in the order Google checks them. */
  const gateError = (route: ApiRoute): GoogleErrorSpec | undefined => {
    const gate = route.gate;
    if (!gate || route.project === undefined) return undefined;
    const project = findProject(handle.estate, route.project);
    if (!project) {
      return gate.missingProject === 'notFound'
        ? notFoundError(
            route.service === 'storage'
              ? 'The requested project was not found.'
              : `The resource 'projects/${route.project}' was not found`,
          )
        : permissionDenied(route.service, gate.permission, route.project);
    }
    if (project.permissionDenied) return permissionDenied(route.service, gate.permission, project.projectId);
    if (project.state !== 'ACTIVE') return projectPendingDeletion(project);
    if (gate.requiresApi && !project.enabledServices.includes(gate.requiresApi)) {
      return serviceDisabled(gate.requiresApi, project);
    }
    return undefined;
  };

  const respondError = (res: ServerResponse, spec: GoogleErrorSpec): void => {
    if (spec.httpStatus === 429) stats.throttled++;
    increment(stats.byStatus, String(spec.httpStatus));
    sendGoogleError(res, spec);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const request = {
      estate: handle.estate,
      method,
      segments: splitPath(url.pathname),
      query: url.searchParams,
    };
    stats.requests++;
    let route: ApiRoute | undefined;
    for (const router of ROUTERS) {
      route = router(request);
      if (route) break;
    }
    increment(stats.byService, route?.service ?? 'unknown');
    increment(stats.byOperation, route?.operation ?? `unknown ${method} ${url.pathname}`);
    if (latencyMs > 0) await sleep(latencyMs);
    if (!hasCredentials(req.headers.authorization, url.searchParams))
      return respondError(res, unauthenticatedError());
    if (!route) {
      return respondError(res, {
        ...notFoundError(`Method not found or not implemented by the emulator: ${method} ${url.pathname}`),
        status: method === 'GET' ? 'NOT_FOUND' : 'UNIMPLEMENTED',
        httpStatus: method === 'GET' ? 404 : 501,
      });
    }
    const fault = takeFault(route);
    if (fault) return respondError(res, faultError(route, fault.kind));
    if (rate429 > 0 || rate503 > 0) {
      const draw = random.next();
      if (draw < rate429) return respondError(res, rateLimited(route.service, undefined));
      if (draw < rate429 + rate503) return respondError(res, unavailable());
    }
    const gated = gateError(route);
    if (gated) return respondError(res, gated);
    respondWithHandler(res, () => route.handle(), url.searchParams.get('fields'), {
      ok: () => increment(stats.byStatus, '200'),
      error: respondError,
    });
  };

  const { host, port, close } = await listenJsonServer(serve, options);

  const handle: GcpEmulator = {
    url: `http://${host}:${port}`,
    host,
    port,
    estate: options.estate ?? generateGcpEstate({ seed: options.seed ?? 1 }),
    setFaults(next) {
      faults = [...next];
    },
    stats() {
      return structuredClone(stats);
    },
    resetStats() {
      stats = emptyStats();
    },
    close,
  };
  return handle;
}
