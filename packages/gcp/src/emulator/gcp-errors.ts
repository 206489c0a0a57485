import type { GoogleErrorSpec } from '@skygraph/core/emulator-kit';
import { GCP_SERVICE_TITLES, type GcpProject } from './estate.ts';

/** The five API families one GCP emulator serves. */
export type GcpService = 'crm' | 'serviceusage' | 'compute' | 'container' | 'storage';

/** The Google service name behind each family (what Service Usage enables). */
export const SERVICE_API: Readonly<Record<GcpService, string>> = {
  crm: 'cloudresourcemanager.googleapis.com',
  serviceusage: 'serviceusage.googleapis.com',
  compute: 'compute.googleapis.com',
  container: 'container.googleapis.com',
  storage: 'storage.googleapis.com',
};

/**
 * 403 as each API words it. Compute and Storage are older "Apiary" APIs with
 * `reason: forbidden`; the newer ones add an ErrorInfo detail.
 */
export function permissionDenied(
  service: GcpService,
  permission: string,
  projectId: string | undefined,
): GoogleErrorSpec {
  const resource = projectId === undefined ? undefined : `projects/${projectId}`;
  switch (service) {
    case 'compute':
      return {
        httpStatus: 403,
        status: 'PERMISSION_DENIED',
        message: `Required '${permission}' permission for '${resource ?? 'projects/-'}'`,
        reason: 'forbidden',
      };
    case 'storage':
      return {
        httpStatus: 403,
        status: 'PERMISSION_DENIED',
        message: `The caller does not have ${permission} access to the Google Cloud project. Permission '${permission}' denied on resource (or it may not exist).`,
        reason: 'forbidden',
      };
    case 'container':
      return {
        httpStatus: 403,
        status: 'PERMISSION_DENIED',
        message: `Required "${permission}" permission(s) for "${resource ?? 'projects/-'}".`,
        reason: 'forbidden',
        details: [iamDenied(permission, resource, service)],
      };
    default:
      return {
        httpStatus: 403,
        status: 'PERMISSION_DENIED',
        message:
          service === 'crm'
            ? 'The caller does not have permission'
            : `Permission '${permission}' denied on resource '//${SERVICE_API[service]}/${resource ?? ''}' (or it may not exist).`,
        reason: 'forbidden',
        details: [iamDenied(permission, resource, service)],
      };
  }
}

function iamDenied(
  permission: string,
  resource: string | undefined,
  service: GcpService,
): Record<string, unknown> {
  return {
    '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
    reason: 'IAM_PERMISSION_DENIED',
    domain: SERVICE_API[service],
    metadata: { permission, ...(resource ? { resource } : {}) },
  };
}

/** 403 SERVICE_DISABLED: what every Google API answers when it is not enabled in the consumer project. */
export function serviceDisabled(api: string, project: GcpProject): GoogleErrorSpec {
  const title = GCP_SERVICE_TITLES[api] ?? api;
  const activationUrl = `https://console.developers.google.com/apis/api/${api}/overview?project=${project.projectNumber}`;
  const message = `${title} has not been used in project ${project.projectNumber} before or it is disabled. Enable it by visiting ${activationUrl} then retry. If you enabled this API recently, wait a few minutes for the action to propagate to our systems and retry.`;
  return {
    httpStatus: 403,
    status: 'PERMISSION_DENIED',
    message,
    reason: 'accessNotConfigured',
    domain: 'usageLimits',
    errorExtras: { extendedHelp: 'https://console.developers.google.com' },
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'SERVICE_DISABLED',
        domain: 'googleapis.com',
        metadata: {
          service: api,
          consumer: `projects/${project.projectNumber}`,
          serviceTitle: title,
          containerInfo: project.projectNumber,
          activationUrl,
        },
      },
      {
        '@type': 'type.googleapis.com/google.rpc.Help',
        links: [{ description: 'Google developers console API activation', url: activationUrl }],
      },
    ],
  };
}

export function projectPendingDeletion(project: GcpProject): GoogleErrorSpec {
  return {
    httpStatus: 403,
    status: 'PERMISSION_DENIED',
    message: `Project ${project.projectNumber} has been scheduled for deletion and cannot be used for API calls. Visit https://console.developers.google.com/iam-admin/projects?pid=${project.projectId} to undelete the project.`,
    reason: 'forbidden',
  };
}

export function rateLimited(service: GcpService, project: GcpProject | undefined): GoogleErrorSpec {
  const api = SERVICE_API[service];
  const consumer = project ? ` for consumer 'project_number:${project.projectNumber}'` : '';
  return {
    httpStatus: 429,
    status: 'RESOURCE_EXHAUSTED',
    message: `Quota exceeded for quota metric 'Read requests' and limit 'Read requests per minute' of service '${api}'${consumer}.`,
    reason: 'rateLimitExceeded',
    domain: 'usageLimits',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'RATE_LIMIT_EXCEEDED',
        domain: 'googleapis.com',
        metadata: {
          service: api,
          quota_metric: `${api}/read_requests`,
          quota_limit: 'ReadRequestsPerMinutePerProject',
          ...(project ? { consumer: `projects/${project.projectNumber}` } : {}),
        },
      },
    ],
  };
}

export function unavailable(): GoogleErrorSpec {
  return {
    httpStatus: 503,
    status: 'UNAVAILABLE',
    message: 'The service is currently unavailable.',
    reason: 'backendError',
  };
}

/** 401 for an access token Google no longer accepts (expired or revoked), as every Google API answers it. */
export function tokenExpired(service: GcpService): GoogleErrorSpec {
  return {
    httpStatus: 401,
    status: 'UNAUTHENTICATED',
    message:
      'Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential. See https://developers.google.com/identity/sign-in/web/devconsole-project.',
    reason: 'authError',
    domain: 'global',
    details: [
      {
        '@type': 'type.googleapis.com/google.rpc.ErrorInfo',
        reason: 'ACCESS_TOKEN_EXPIRED',
        domain: 'googleapis.com',
        metadata: { service: SERVICE_API[service] },
      },
    ],
  };
}
