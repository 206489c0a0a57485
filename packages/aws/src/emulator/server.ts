import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsApiError } from './api-error.ts';
import { handleCloudTrail } from './cloudtrail-handler.ts';
import { handleEc2 } from './ec2-handler.ts';
import { handleElb } from './elb-handler.ts';
import { handleElbv2 } from './elbv2-handler.ts';
import type { AwsEstate } from './estate-types.ts';
import { expiredToken, FaultBook, type FaultRule, faultError } from './faults.ts';
import { type AwsEstateScale, generateAwsEstate } from './generate-estate.ts';
import { handleIam } from './iam-handler.ts';
import { type HubCredentials, Identities } from './identities.ts';
import { handleKms } from './kms-handler.ts';
import { handleOrganizations } from './organizations-handler.ts';
import {
  ec2Response,
  errorResponse,
  isJson,
  jsonResponse,
  PROTOCOL_OF,
  type Protocol,
  QUERY_VERSIONS,
  queryResponse,
  type WireResponse,
} from './protocols.ts';
import { Rng } from './random.ts';
import { handleRds } from './rds-handler.ts';
import type { AwsServiceName, Caller, RequestContext } from './request-context.ts';
import { handleS3, s3Operation } from './s3-handler.ts';
import { handleSecretsManager } from './secrets-manager-handler.ts';
import { type EmulatedService, registeredService } from './services.ts';
import { handleSts } from './sts-handler.ts';

export interface AwsEmulatorOptions {
  /** The estate to serve; generated from `seed` and `scale` when absent. */
  estate?: AwsEstate;
  seed?: string | number;
  scale?: AwsEstateScale;
  /** Delay added to every request, in milliseconds. */
  latencyMs?: number;
  /** Probability (0..1) that a request is answered with the protocol's throttling error. */
  throttleRate?: number;
  faults?: FaultRule[];
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Interface to listen on; default 127.0.0.1. */
  host?: string;
  hubAccessKeyId?: string;
  hubSecretAccessKey?: string;
}

export interface AwsEmulatorStats {
  requests: number;
  byService: Record<string, number>;
  /** Keyed `service:Operation`, e.g. `ec2:DescribeInstances`. */
  byOperation: Record<string, number>;
  throttled: number;
  faults: number;
}

export interface AwsEmulator {
  /** Endpoint to hand to the SDK clients (`endpoint`) or the CLI (`--endpoint-url`). */
  url: string;
  /** The served estate; mutate it freely between calls. */
  estate: AwsEstate;
  hubCredentials: HubCredentials;
  setFaults(faults: FaultRule[]): void;
  stats(): AwsEmulatorStats;
  resetStats(): void;
  close(): Promise<void>;
}

interface Route {
  service: AwsServiceName;
  protocol: Protocol;
  operation: string;
  region: string;
  accessKeyId: string | undefined;
  params: URLSearchParams;
  json: Record<string, unknown>;
  /** Set for the services of the registry (services.ts). */
  registered?: EmulatedService;
}

const SIGNING_NAMES: Record<string, AwsServiceName | 'elasticloadbalancing'> = {
  sts: 'sts',
  iam: 'iam',
  rds: 'rds',
  ec2: 'ec2',
  organizations: 'organizations',
  s3: 's3',
  kms: 'kms',
  secretsmanager: 'secretsmanager',
  cloudtrail: 'cloudtrail',
  elasticloadbalancing: 'elasticloadbalancing',
};

/** Access key, region and service from a SigV4 `Authorization` header or presigned query. */
function credentialScope(
  req: IncomingMessage,
  url: URL,
): { accessKeyId: string; region: string; service: string } | undefined {
  const header = req.headers.authorization ?? '';
  const fromHeader = /Credential=([^/,\s]+)\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/.exec(header);
  const credential = fromHeader ? fromHeader.slice(1) : url.searchParams.get('X-Amz-Credential')?.split('/');
  if (!credential) return undefined;
  const accessKeyId = credential[0];
  const region = fromHeader ? credential[1] : credential[2];
  const service = fromHeader ? credential[2] : credential[3];
  if (!accessKeyId || !region || !service) return undefined;
  return { accessKeyId, region, service };
}

function route(req: IncomingMessage, url: URL, body: string): Route | undefined {
  const scope = credentialScope(req, url);
  const target = req.headers['x-amz-target'];
  const isForm = (req.headers['content-type'] ?? '').includes('x-www-form-urlencoded');
  const params = new URLSearchParams(url.search);
  if (isForm) for (const [k, v] of new URLSearchParams(body)) params.set(k, v);
  let service: AwsServiceName | undefined;
  const registered = scope ? registeredService(scope.service, url) : undefined;
  const signing = scope && !registered ? SIGNING_NAMES[scope.service] : undefined;
  if (registered) service = registered.name;
  else if (signing === 'elasticloadbalancing')
    service = params.get('Version') === '2012-06-01' ? 'elb' : 'elbv2';
  else if (signing) service = signing;
  else if (!scope) {
    if (typeof target === 'string' && target.startsWith('AWSOrganizations')) service = 'organizations';
    else if (typeof target === 'string' && target.startsWith('TrentService.')) service = 'kms';
    else if (typeof target === 'string' && target.startsWith('secretsmanager.')) service = 'secretsmanager';
    else if (typeof target === 'string' && target.startsWith('com.amazonaws.cloudtrail.'))
      service = 'cloudtrail';
    else if (params.get('Action')) service = QUERY_VERSIONS[params.get('Version') ?? ''];
    else service = 's3';
  }
  if (!service) return undefined;
  const protocol = registered?.protocol ?? PROTOCOL_OF[service];
  if (!protocol) return undefined;
  let operation = '';
  let json: Record<string, unknown> = {};
  if (protocol === 'json' || protocol === 'rest-json') {
    // The operation is the target's last segment (`TrentService.ListKeys`, `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.DescribeTrails`).
    // REST-JSON names it by method and path.
    if (protocol === 'rest-json') operation = registered?.operation?.(req.method ?? 'GET', url) ?? '';
    else operation = typeof target === 'string' ? (target.split('.').pop() ?? '') : '';
    try {
      const parsed: unknown = body ? JSON.parse(body) : {};
      if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
    } catch {
      json = {};
    }
  } else if (protocol === 's3') {
    operation = s3Operation(req.method ?? 'GET', url);
  } else if (protocol === 'rest-xml') {
    operation = registered?.operation?.(req.method ?? 'GET', url) ?? '';
  } else {
    operation = params.get('Action') ?? '';
  }
  return {
    service,
    protocol,
    operation,
    region: scope?.region ?? 'us-east-1',
    accessKeyId: scope?.accessKeyId,
    params,
    json,
    ...(registered ? { registered } : {}),
  };
}

function missingAuth(protocol: Protocol): AwsApiError {
  if (protocol === 's3') return new AwsApiError('AccessDenied', 'Access Denied', 403);
  if (isJson(protocol))
    return new AwsApiError('MissingAuthenticationTokenException', 'Missing Authentication Token', 400);
  return new AwsApiError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
}

function invalidKey(protocol: Protocol): AwsApiError {
  if (protocol === 'ec2')
    return new AwsApiError(
      'AuthFailure',
      'AWS was not able to validate the provided access credentials',
      401,
    );
  if (protocol === 's3') {
    return new AwsApiError(
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
      403,
    );
  }
  if (isJson(protocol))
    return new AwsApiError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      400,
    );
  return new AwsApiError(
    'InvalidClientTokenId',
    'The security token included in the request is invalid.',
    403,
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/**
 * Starts the AWS emulator: one HTTP endpoint for STS, Organizations, EC2, ELB,
 * ELBv2, RDS, IAM, S3, KMS, Secrets Manager and CloudTrail, routed by the SigV4 credential scope of each request.
 *
 * @example
 * const emulator = await startAwsEmulator({ seed: 1 });
 * const ec2 = new EC2Client({ endpoint: emulator.url, region: 'us-east-1', credentials: emulator.hubCredentials });
 */
export async function startAwsEmulator(options: AwsEmulatorOptions = {}): Promise<AwsEmulator> {
  const seed = String(options.seed ?? 1);
  const estate = options.estate ?? generateAwsEstate({ seed, ...options.scale });
  const hub: HubCredentials = {
    accessKeyId: options.hubAccessKeyId ?? 'AKIASKYGRAPHHUB00001',
    secretAccessKey: options.hubSecretAccessKey ?? 'skygraph/emulator/hub/secret/key/000001',
  };
  const identities = new Identities(estate, hub, seed);
  const faults = new FaultBook();
  faults.set(options.faults ?? []);
  const throttleRng = new Rng(`${seed}/throttle`);
  const latencyMs = options.latencyMs ?? 0;
  const throttleRate = options.throttleRate ?? 0;
  let stats = emptyStats();

  const respond = (res: ServerResponse, wire: WireResponse, head: boolean) => {
    res.writeHead(wire.status, {
      ...wire.headers,
      'content-length': Buffer.byteLength(head ? '' : wire.body),
    });
    res.end(head ? undefined : wire.body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://emulator.local');
    const requestId = randomUUID();
    const r = route(req, url, body);
    const head = req.method === 'HEAD';
    if (!r) {
      const error = new AwsApiError(
        'InvalidAction',
        'This emulator does not serve the requested service.',
        400,
      );
      respond(res, errorResponse('query', 'sts', error, requestId), head);
      return;
    }
    stats.requests++;
    stats.byService[r.service] = (stats.byService[r.service] ?? 0) + 1;
    const opKey = `${r.service}:${r.operation}`;
    stats.byOperation[opKey] = (stats.byOperation[opKey] ?? 0) + 1;
    if (latencyMs > 0) await sleep(latencyMs);

    const caller: Caller | undefined = r.accessKeyId ? identities.resolve(r.accessKeyId) : undefined;
    const target = {
      service: r.service,
      account: caller?.accountId,
      region: r.region,
      operation: r.operation,
    };
    const fail = (error: AwsApiError) =>
      respond(res, errorResponse(r.protocol, r.service, error, requestId), head);

    const fault = faults.take(target);
    if (fault) {
      stats.faults++;
      if (fault === 'DropConnection') {
        req.socket.destroy();
        return;
      }
      // Never answered: the client's own timeout (or the emulator's close) ends it.
      if (fault === 'Stall') return;
      if (fault === 'ExpiredToken' && r.accessKeyId) identities.expire(r.accessKeyId);
      fail(faultError(fault, r.protocol, target, caller?.arn ?? 'anonymous', r.registered));
      return;
    }
    if (throttleRate > 0 && throttleRng.next() < throttleRate) {
      stats.throttled++;
      fail(faultError('Throttling', r.protocol, target, caller?.arn ?? 'anonymous', r.registered));
      return;
    }
    if (!r.accessKeyId) return fail(missingAuth(r.protocol));
    if (!caller) return fail(invalidKey(r.protocol));
    if (identities.expired(r.accessKeyId)) return fail(expiredToken(r.protocol));
    const account = estate.accounts.find((a) => a.id === caller.accountId);
    if (!account) return fail(invalidKey(r.protocol));

    const ctx: RequestContext = {
      service: r.service,
      operation: r.operation,
      region: r.region,
      estate,
      caller,
      account,
      requestId,
      params: r.params,
      json: r.json,
      http: { method: req.method ?? 'GET', url, body, headers: req.headers },
    };
    try {
      if (r.registered) {
        respond(res, r.registered.handle(ctx), head);
        return;
      }
      switch (r.service) {
        case 'ec2':
          respond(res, ec2Response(r.operation, handleEc2(ctx), requestId), head);
          return;
        case 'organizations':
          respond(res, jsonResponse(handleOrganizations(ctx, r.json), requestId), head);
          return;
        case 'kms':
          respond(res, jsonResponse(handleKms(ctx, r.json), requestId), head);
          return;
        case 'cloudtrail':
          respond(res, jsonResponse(handleCloudTrail(ctx, r.json), requestId), head);
          return;
        case 'secretsmanager':
          respond(res, jsonResponse(handleSecretsManager(ctx, r.json), requestId), head);
          return;
        case 's3':
          respond(res, handleS3(ctx, req.method ?? 'GET', url), head);
          return;
        default: {
          const result =
            r.service === 'sts'
              ? handleSts(ctx, identities)
              : r.service === 'iam'
                ? handleIam(ctx)
                : r.service === 'rds'
                  ? handleRds(ctx)
                  : r.service === 'elb'
                    ? handleElb(ctx)
                    : handleElbv2(ctx);
          respond(res, queryResponse(r.service, r.operation, result, requestId), head);
        }
      }
    } catch (error) {
      if (error instanceof AwsApiError) fail(error);
      else
        fail(new AwsApiError('InternalError', error instanceof Error ? error.message : String(error), 500));
    }
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });
  server.keepAliveTimeout = 30_000;
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    estate,
    hubCredentials: { ...hub },
    setFaults: (rules) => faults.set(rules),
    stats: () => ({
      ...stats,
      byService: { ...stats.byService },
      byOperation: { ...stats.byOperation },
    }),
    resetStats: () => {
      stats = emptyStats();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function emptyStats(): AwsEmulatorStats {
  return { requests: 0, byService: {}, byOperation: {}, throttled: 0, faults: 0 };
}
