import { AwsApiError } from './api-error.ts';
import type { AwsGuardDutyDetector, AwsGuardDutyFinding, AwsGuardDutyResource } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { restJsonResponse, type WireResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

export const GUARDDUTY_OPERATIONS: readonly string[] = [
  'ListDetectors',
  'GetDetector',
  'ListFindings',
  'GetFindings',
];

const epochSeconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/** GuardDuty answers every invalid input with BadRequestException (400) and a `__type` naming the field. */
function badRequest(message: string): AwsApiError {
  return new AwsApiError('BadRequestException', message);
}

/** The operation of a request, from its method and path (the REST routes of the GuardDuty API). */
export function guardDutyOperation(method: string, url: URL): string {
  const parts = url.pathname.split('/').filter(Boolean);
  if (parts[0] !== 'detector') return '';
  if (parts.length === 1)
    return method === 'GET' ? 'ListDetectors' : method === 'POST' ? 'CreateDetector' : '';
  if (parts.length === 2) return method === 'GET' ? 'GetDetector' : '';
  if (parts[2] === 'findings' && method === 'POST') {
    if (parts.length === 3) return 'ListFindings';
    if (parts.length === 4 && parts[3] === 'get') return 'GetFindings';
  }
  return '';
}

/** The page size of a request: `maxResults` between 1 and 50, 50 when absent. */
function pageSize(value: unknown): number {
  if (value === undefined || value === null || value === '') return 50;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 50)
    throw badRequest('The request is rejected because the input maxResults is out of range (1-50).');
  return n;
}

function paged<T>(ctx: RequestContext, items: readonly T[], maxResults: unknown, token: unknown) {
  const start = decodeToken(ctx.operation, typeof token === 'string' ? token : undefined, () =>
    badRequest('The request is rejected because the nextToken is invalid.'),
  );
  const page = pageOf(items, start, pageSize(maxResults));
  return {
    items: page.items,
    nextToken: page.next === undefined ? '' : encodeToken(ctx.operation, page.next),
  };
}

function detectorOf(ctx: RequestContext): AwsGuardDutyDetector {
  const id = decodeURIComponent(ctx.http?.url.pathname.split('/')[2] ?? '');
  const detector = regionOf(ctx)?.guardDutyDetectors.find((d) => d.detectorId === id);
  if (!detector)
    throw badRequest(
      'The request is rejected because the input detectorId is not owned by the current account.',
    );
  return detector;
}

/** The value of a finding a criterion names (the FindingCriteria fields the emulator understands). */
function fieldOf(f: AwsGuardDutyFinding, field: string): string | number | undefined {
  switch (field) {
    case 'id':
      return f.id;
    case 'type':
      return f.type;
    case 'severity':
      return f.severity;
    case 'confidence':
      return f.confidence;
    case 'service.archived':
      return String(f.archived);
    case 'resource.resourceType':
      return f.resource.resourceType;
    case 'resource.instanceDetails.instanceId':
      return f.resource.resourceType === 'Instance' ? f.resource.instanceId : undefined;
    case 'updatedAt':
      return new Date(f.updatedAt).getTime();
    default:
      throw badRequest(`The request is rejected because the criterion field ${field} is not valid.`);
  }
}

/** Whether one finding satisfies a Condition (the legacy `eq`/`gt` members and the current `equals`/`greaterThan`). */
function satisfies(value: string | number | undefined, condition: Json): boolean {
  const list = (k: string) =>
    Array.isArray(condition[k]) ? (condition[k] as unknown[]).map(String) : undefined;
  const num = (k: string) => (typeof condition[k] === 'number' ? (condition[k] as number) : undefined);
  const equals = list('equals') ?? list('eq');
  const notEquals = list('notEquals') ?? list('neq');
  const bounds: [number | undefined, (v: number, b: number) => boolean][] = [
    [num('greaterThan') ?? num('gt'), (v, b) => v > b],
    [num('greaterThanOrEqual') ?? num('gte'), (v, b) => v >= b],
    [num('lessThan') ?? num('lt'), (v, b) => v < b],
    [num('lessThanOrEqual') ?? num('lte'), (v, b) => v <= b],
  ];
  if (equals && !equals.includes(String(value))) return false;
  if (notEquals?.includes(String(value))) return false;
  for (const [bound, holds] of bounds) {
    if (bound === undefined) continue;
    if (typeof value !== 'number' || !holds(value, bound)) return false;
  }
  return true;
}

function matchingFindings(detector: AwsGuardDutyDetector, criteria: unknown): AwsGuardDutyFinding[] {
  const criterion = (criteria as { criterion?: Record<string, Json> } | undefined)?.criterion ?? {};
  const conditions = Object.entries(criterion);
  return detector.findings.filter((f) =>
    conditions.every(([field, condition]) => satisfies(fieldOf(f, field), condition)),
  );
}

/** The finding's `resource` in the API's shape (the estate keeps no tags on what findings name). */
function renderResource(r: AwsGuardDutyResource): Json {
  const tags: Json[] = [];
  switch (r.resourceType) {
    case 'Instance':
      return { resourceType: 'Instance', instanceDetails: { instanceId: r.instanceId, tags } };
    case 'S3Bucket':
      return {
        resourceType: 'S3Bucket',
        s3BucketDetails: [{ name: r.bucketName, arn: r.bucketArn, type: 'Destination', tags }],
      };
    case 'AccessKey':
      return {
        resourceType: 'AccessKey',
        accessKeyDetails: {
          accessKeyId: r.accessKeyId,
          principalId: r.principalId,
          userName: r.userName,
          userType: r.userType,
        },
      };
    case 'EKSCluster':
      return {
        resourceType: 'EKSCluster',
        eksClusterDetails: { name: r.clusterName, arn: r.clusterArn, status: 'ACTIVE', tags },
      };
  }
}

function renderAction(f: AwsGuardDutyFinding, callerAccount: string): Json {
  const action: Json = { actionType: f.actionType };
  if (f.apiCall) {
    action.awsApiCallAction = {
      api: f.apiCall.api,
      serviceName: f.apiCall.serviceName,
      callerType: f.apiCall.callerType,
      remoteIpDetails: {
        ipAddressV4: f.apiCall.remoteIp,
        country: { countryName: 'Netherlands' },
        city: { cityName: 'Amsterdam' },
        organization: { asn: '64500', asnOrg: 'EXAMPLE-NET', isp: 'Example Hosting', org: 'Example Hosting' },
      },
      ...(f.apiCall.remoteAccountId
        ? {
            remoteAccountDetails: {
              accountId: f.apiCall.remoteAccountId,
              affiliated: f.apiCall.remoteAccountId === callerAccount,
            },
          }
        : {}),
    };
  }
  return action;
}

function renderFinding(ctx: RequestContext, detector: AwsGuardDutyDetector, f: AwsGuardDutyFinding): Json {
  const accountId = ctx.account.id;
  return {
    accountId,
    arn: `arn:aws:guardduty:${ctx.region}:${accountId}:detector/${detector.detectorId}/finding/${f.id}`,
    confidence: f.confidence,
    createdAt: f.createdAt,
    description: f.description,
    id: f.id,
    partition: 'aws',
    region: ctx.region,
    resource: renderResource(f.resource),
    schemaVersion: '2.0',
    service: {
      action: renderAction(f, accountId),
      archived: f.archived,
      count: f.count,
      detectorId: detector.detectorId,
      eventFirstSeen: f.eventFirstSeen,
      eventLastSeen: f.eventLastSeen,
      resourceRole: 'TARGET',
      serviceName: 'guardduty',
      additionalInfo: { value: '{}', type: 'default' },
    },
    severity: f.severity,
    title: f.title,
    type: f.type,
    updatedAt: f.updatedAt,
  };
}

function listDetectors(ctx: RequestContext): Json {
  const detectors = regionOf(ctx)?.guardDutyDetectors ?? [];
  const page = paged(
    ctx,
    detectors,
    ctx.params.get('maxResults') ?? undefined,
    ctx.params.get('nextToken') ?? undefined,
  );
  return { detectorIds: page.items.map((d) => d.detectorId), nextToken: page.nextToken };
}

function getDetector(ctx: RequestContext): Json {
  const d = detectorOf(ctx);
  return {
    createdAt: d.createdAt,
    findingPublishingFrequency: d.findingPublishingFrequency,
    serviceRole: d.serviceRole,
    status: d.status,
    updatedAt: d.updatedAt,
    features: d.features.map((f) => ({
      name: f.name,
      status: f.status,
      updatedAt: epochSeconds(f.updatedAt),
    })),
    tags: Object.fromEntries(d.tags.map((t) => [t.key, t.value])),
  };
}

/** Findings in the order `sortCriteria` asks for (attributeName, orderBy ASC/DESC); as stored otherwise. */
function sorted(findings: AwsGuardDutyFinding[], criteria: unknown): AwsGuardDutyFinding[] {
  const { attributeName, orderBy } = (criteria ?? {}) as { attributeName?: string; orderBy?: string };
  if (!attributeName) return findings;
  const sign = orderBy === 'DESC' ? -1 : 1;
  const keyed = findings.map((f) => ({ f, key: fieldOf(f, attributeName) ?? '' }));
  keyed.sort((a, b) => (a.key < b.key ? -sign : a.key > b.key ? sign : 0));
  return keyed.map((k) => k.f);
}

function listFindings(ctx: RequestContext): Json {
  const input = ctx.json ?? {};
  const detector = detectorOf(ctx);
  const findings = sorted(matchingFindings(detector, input.findingCriteria), input.sortCriteria);
  const page = paged(ctx, findings, input.maxResults, input.nextToken);
  return { findingIds: page.items.map((f) => f.id), nextToken: page.nextToken };
}

function getFindings(ctx: RequestContext): Json {
  const detector = detectorOf(ctx);
  const ids = ctx.json?.findingIds;
  if (!Array.isArray(ids) || ids.length === 0)
    throw badRequest('The request is rejected because the findingIds parameter is missing.');
  if (ids.length > 50) throw badRequest('The request is rejected because findingIds has more than 50 items.');
  // Ids that name no finding are left out, as GuardDuty does.
  const wanted = new Set(ids.map(String));
  const findings = detector.findings.filter((f) => wanted.has(f.id));
  return { findings: findings.map((f) => renderFinding(ctx, detector, f)) };
}

function handleGuardDuty(ctx: RequestContext): WireResponse {
  const answer = (value: Json) => restJsonResponse(value, ctx.requestId);
  switch (ctx.operation) {
    case 'ListDetectors':
      return answer(listDetectors(ctx));
    case 'GetDetector':
      return answer(getDetector(ctx));
    case 'ListFindings':
      return answer(listFindings(ctx));
    case 'GetFindings':
      return answer(getFindings(ctx));
    default:
      throw badRequest(
        `The emulator does not serve this GuardDuty operation (${ctx.operation || 'unknown route'}).`,
      );
  }
}

/** GuardDuty, REST-JSON: detectors and their findings. */
export const GUARDDUTY_SERVICE: EmulatedService = {
  name: 'guardduty',
  signingName: 'guardduty',
  protocol: 'rest-json',
  operation: guardDutyOperation,
  errors: { internal: ['InternalServerErrorException', 500] },
  handle: handleGuardDuty,
};
