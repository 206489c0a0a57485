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
import { type DirectoryRoute, notAuthorized, routeDirectory } from './directory-api.ts';
import { generateWorkspace } from './generate-workspace.ts';
import { findGroup, type WorkspaceEstate } from './workspace-estate.ts';

export type WorkspaceFaultKind = 'PermissionDenied' | 'Unavailable' | 'RateLimited';

/**
 * A scripted failure, matching when every field that is set matches:
 * `groupKey` (email, alias or id) for group-scoped calls, `operation` as
 * `directory.members.list` or just `members.list`. `times` limits how often
 * it fires; otherwise it fires until replaced by `setFaults`.
 */
export interface WorkspaceFault {
  groupKey?: string;
  operation?: string;
  kind: WorkspaceFaultKind;
  times?: number;
}

export interface StartWorkspaceEmulatorOptions {
  /** The directory to serve; generated from `seed` when absent. */
  estate?: WorkspaceEstate;
  seed?: number | string;
  latencyMs?: number;
  /** Probability (0..1) of an injected 429 / 503 per request, drawn from a seeded sequence. */
  errorRate?: { 429?: number; 503?: number };
  faults?: WorkspaceFault[];
  /** Default 0: a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
}

export interface WorkspaceEmulatorStats {
  requests: number;
  byService: Record<string, number>;
  byOperation: Record<string, number>;
  /** Responses with HTTP status 429. */
  throttled: number;
  byStatus: Record<string, number>;
}

export interface WorkspaceEmulator {
  /** `http://127.0.0.1:<port>`: the root URL for the googleapis admin client (`rootUrl: url + '/'`). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
  /** The live directory: mutate it (or assign a new one) and the next request sees it. */
  estate: WorkspaceEstate;
  setFaults(faults: WorkspaceFault[]): void;
  stats(): WorkspaceEmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

function emptyStats(): WorkspaceEmulatorStats {
  return { requests: 0, byService: {}, byOperation: {}, throttled: 0, byStatus: {} };
}

function increment(record: Record<string, number>, key: string): void {
  record[key] = (record[key] ?? 0) + 1;
}

function rateLimited(): GoogleErrorSpec {
  return {
    httpStatus: 429,
    status: 'RESOURCE_EXHAUSTED',
    message:
      "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user' of service 'admin.googleapis.com'.",
    reason: 'rateLimitExceeded',
    domain: 'usageLimits',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: { service: 'admin.googleapis.com', quota_limit: 'QueriesPerMinutePerUser' },
      },
    ],
  };
}

function unavailable(): GoogleErrorSpec {
  return {
    httpStatus: 503,
    status: 'UNAVAILABLE',
    message: 'The service is currently unavailable.',
    reason: 'backendError',
  };
}

/**
 * Starts the Workspace emulator: Admin SDK Directory API v1 (users, groups,
 * members) on a local HTTP port.
 *
 * @example
 * const ws = await startWorkspaceEmulator({ seed: 1 });
 * const admin = google.admin({ version: 'directory_v1', auth, rootUrl: `${ws.url}/` });
 */
export async function startWorkspaceEmulator(
  options: StartWorkspaceEmulatorOptions = {},
): Promise<WorkspaceEmulator> {
  let faults: WorkspaceFault[] = [...(options.faults ?? [])];
  let stats = emptyStats();
  const random = createSeededRandom(`errors:${options.seed ?? 1}`);
  const rate429 = options.errorRate?.[429] ?? 0;
  const rate503 = options.errorRate?.[503] ?? 0;
  const latencyMs = options.latencyMs ?? 0;

  const takeFault = (route: DirectoryRoute): WorkspaceFault | undefined => {
    const group = route.groupKey === undefined ? undefined : findGroup(handle.estate, route.groupKey);
    const groupKeys = new Set(
      [route.groupKey, group?.id, group?.email, ...(group?.aliases ?? [])].flatMap((k) =>
        k ? [k.toLowerCase()] : [],
      ),
    );
    const index = faults.findIndex(
      (fault) =>
        (fault.operation === undefined ||
          fault.operation === route.operation ||
          `directory.${fault.operation}` === route.operation) &&
        (fault.groupKey === undefined || groupKeys.has(fault.groupKey.toLowerCase())),
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

  const respondError = (res: ServerResponse, spec: GoogleErrorSpec): void => {
    if (spec.httpStatus === 429) stats.throttled++;
    increment(stats.byStatus, String(spec.httpStatus));
    sendGoogleError(res, spec);
  };

  const serve = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const method = (req.method ?? 'GET').toUpperCase();
    const segments = url.pathname
      .split('/')
      .filter((segment) => segment !== '')
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      });
    stats.requests++;
    const route = routeDirectory({ estate: handle.estate, method, segments, query: url.searchParams });
    increment(stats.byService, route ? 'directory' : 'unknown');
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
    if (fault) {
      const kind = fault.kind;
      return respondError(
        res,
        kind === 'RateLimited' ? rateLimited() : kind === 'Unavailable' ? unavailable() : notAuthorized(),
      );
    }
    if (rate429 > 0 || rate503 > 0) {
      const draw = random.next();
      if (draw < rate429) return respondError(res, rateLimited());
      if (draw < rate429 + rate503) return respondError(res, unavailable());
    }
    respondWithHandler(res, () => route.handle(), url.searchParams.get('fields'), {
      ok: () => increment(stats.byStatus, '200'),
      error: respondError,
    });
  };

  const { host, port, close } = await listenJsonServer(serve, options);

  const handle: WorkspaceEmulator = {
    url: `http://${host}:${port}`,
    host,
    port,
    estate: options.estate ?? generateWorkspace({ seed: options.seed ?? 1 }),
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
