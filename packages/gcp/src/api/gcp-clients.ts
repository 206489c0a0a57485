import { FoldersClient, OrganizationsClient, ProjectsClient } from '@google-cloud/resource-manager';
import type { PlanContext } from '@skygraph/core';
import type { AuthClient, GoogleAuth } from 'google-auth-library';
import { compute_v1 } from 'googleapis/build/src/apis/compute/v1.js';
import { container_v1 } from 'googleapis/build/src/apis/container/v1.js';
import { serviceusage_v1 } from 'googleapis/build/src/apis/serviceusage/v1.js';
import { storage_v1 } from 'googleapis/build/src/apis/storage/v1.js';
import { readableGoogleError } from './google-error.ts';

/** The API clients of one GCP provider, shared by every scope. */
export interface GcpClients {
  readonly organizations: OrganizationsClient;
  readonly folders: FoldersClient;
  readonly projects: ProjectsClient;
  readonly compute: compute_v1.Compute;
  readonly container: container_v1.Container;
  readonly storage: storage_v1.Storage;
  readonly serviceUsage: serviceusage_v1.Serviceusage;
  /** Call options for Resource Manager: no gax retries (the runner retries), manual paging, the request timeout. */
  readonly crmCall: { readonly retry: null; readonly autoPaginate: false; readonly timeout: number };
}

/**
 * How long one request may go unanswered before it fails (and the runner
 * retries it): an endpoint that accepts and never answers must not hold a
 * run forever.
 */
export const GCP_REQUEST_TIMEOUT_MS = 60_000;

/** How the clients authenticate: an auth client (token, JWT...) or ADC. */
export type GcpAuth = { kind: 'client'; client: AuthClient } | { kind: 'adc'; auth: GoogleAuth };

/**
 * Builds the clients. Their own retries are off: the runner retries every
 * request through `ctx.call` with the provider's error classification, so a
 * second retry layer would only multiply the attempts.
 */
export function createGcpClients(
  auth: GcpAuth,
  endpoint: string | undefined,
  timeoutMs = GCP_REQUEST_TIMEOUT_MS,
): GcpClients {
  const discoveryAuth = auth.kind === 'client' ? auth.client : auth.auth;
  const common = {
    // googleapis accepts an AuthClient or a GoogleAuth; the cast bridges its narrower union.
    auth: discoveryAuth as compute_v1.Options['auth'],
    retry: false,
    timeout: timeoutMs,
    ...(endpoint ? { rootUrl: `${endpoint.replace(/\/+$/, '')}/` } : {}),
  };
  const crm = {
    // Resource Manager over its REST transport: no gRPC channel, and one root URL works for every API.
    fallback: true as const,
    ...(auth.kind === 'client' ? { authClient: auth.client } : { auth: auth.auth }),
    ...(endpoint ? gaxEndpoint(endpoint) : {}),
  };
  return {
    organizations: new OrganizationsClient(crm),
    folders: new FoldersClient(crm),
    projects: new ProjectsClient(crm),
    compute: new compute_v1.Compute(common),
    container: new container_v1.Container(common),
    storage: new storage_v1.Storage(common),
    serviceUsage: new serviceusage_v1.Serviceusage(common),
    crmCall: { retry: null, autoPaginate: false, timeout: timeoutMs },
  };
}

/** gax wants host, port and protocol apart. */
function gaxEndpoint(endpoint: string): { apiEndpoint: string; port: number; protocol: string } {
  const url = new URL(endpoint);
  const protocol = url.protocol.replace(/:$/, '');
  const port = url.port ? Number(url.port) : protocol === 'http' ? 80 : 443;
  return { apiEndpoint: url.hostname, port, protocol };
}

/**
 * A Resource Manager request through `ctx.call`, its errors made readable,
 * and given up (cancelled, its socket closed) after `timeoutMs` without an
 * answer: gax's own deadline does not apply over the REST transport.
 */
export function callCrm<T>(
  ctx: Pick<PlanContext, 'call'>,
  operation: string,
  timeoutMs: number,
  request: () => Promise<T>,
): Promise<T> {
  return ctx.call(`cloudresourcemanager:${operation}`, () => {
    const pending = request() as Promise<T> & { cancel?: () => void };
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        pending.cancel?.();
        reject(
          Object.assign(new Error(`no answer within ${timeoutMs} ms (request timeout)`), {
            code: 'ETIMEDOUT',
          }),
        );
      }, timeoutMs);
    });
    return Promise.race([pending, deadline])
      .catch((error: unknown) => {
        throw readableGoogleError(error);
      })
      .finally(() => clearTimeout(timer));
  });
}
