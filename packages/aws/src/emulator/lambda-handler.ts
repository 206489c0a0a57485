import { AwsApiError } from './api-error.ts';
import type { AwsLambdaFunction } from './estate-types.ts';
import { restJsonResponse, type WireResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import { pathSegments, type RestPaging, restPage } from './rest-paging.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

const invalid = (message: string) => new AwsApiError('InvalidParameterValueException', message);

const paging = (max: number, fallback = 50): RestPaging => ({
  token: 'Marker',
  size: 'MaxItems',
  max,
  fallback,
  invalid,
});

/**
 * The operation a Lambda request names: `GET /2015-03-31/functions/`,
 * `GET /2015-03-31/functions/{name}/policy`, `.../aliases` and
 * `GET /2021-10-31/functions/{name}/urls`.
 */
export function lambdaOperation(method: string, url: URL): string {
  if (method !== 'GET') return '';
  const [version, collection, name, sub, ...rest] = pathSegments(url);
  if (collection !== 'functions' || rest.length > 0) return '';
  if (version === '2015-03-31') {
    if (name === undefined) return 'ListFunctions';
    if (sub === 'policy') return 'GetPolicy';
    if (sub === 'aliases') return 'ListAliases';
    if (sub === undefined) return 'GetFunction';
  }
  if (version === '2021-10-31' && name !== undefined && sub === 'urls') return 'ListFunctionUrlConfigs';
  return '';
}

function functions(ctx: RequestContext): AwsLambdaFunction[] {
  return regionOf(ctx)?.lambdaFunctions ?? [];
}

/** The function a FunctionName names: its name, its ARN or a partial ARN (`<account>:function:<name>`). */
function resolveFunction(ctx: RequestContext): AwsLambdaFunction {
  const name = pathSegments(ctx.http?.url ?? new URL('http://x/'))[2] ?? '';
  const short = name.replace(/^arn:aws:lambda:[a-z0-9-]+:/, '').replace(/^\d{12}:function:/, '');
  const f = functions(ctx).find(
    (x) => x.functionName === short && (!name.startsWith('arn:') || x.functionArn === name),
  );
  if (!f) {
    throw new AwsApiError(
      'ResourceNotFoundException',
      `Function not found: arn:aws:lambda:${ctx.region}:${ctx.account.id}:function:${short}`,
      404,
    );
  }
  return f;
}

/** FunctionConfiguration as ListFunctions returns it (without the state fields only GetFunction returns). */
function configuration(f: AwsLambdaFunction): Json {
  return {
    FunctionName: f.functionName,
    FunctionArn: f.functionArn,
    ...(f.runtime ? { Runtime: f.runtime } : {}),
    Role: f.role,
    ...(f.handler ? { Handler: f.handler } : {}),
    CodeSize: f.codeSize,
    Description: f.description,
    Timeout: f.timeout,
    MemorySize: f.memorySize,
    LastModified: f.lastModified,
    CodeSha256: f.codeSha256,
    Version: '$LATEST',
    ...(f.vpcConfig
      ? {
          VpcConfig: {
            SubnetIds: f.vpcConfig.subnetIds,
            SecurityGroupIds: f.vpcConfig.securityGroupIds,
            VpcId: f.vpcConfig.vpcId,
            Ipv6AllowedForDualStack: false,
          },
        }
      : {}),
    ...(f.kmsKeyArn ? { KMSKeyArn: f.kmsKeyArn } : {}),
    TracingConfig: { Mode: f.tracingMode },
    RevisionId: f.revisionId,
    ...(f.layers.length > 0 ? { Layers: f.layers.map((l) => ({ Arn: l.arn, CodeSize: l.codeSize })) } : {}),
    PackageType: f.packageType,
    Architectures: f.architectures,
    EphemeralStorage: { Size: 512 },
    SnapStart: { ApplyOn: 'None', OptimizationStatus: 'Off' },
    LoggingConfig: { LogFormat: 'Text', LogGroup: `/aws/lambda/${f.functionName}` },
  };
}

function answer(ctx: RequestContext): Json {
  switch (ctx.operation) {
    case 'ListFunctions': {
      const { page, next } = restPage(ctx, functions(ctx), paging(10_000));
      return { Functions: page.map(configuration), ...(next ? { NextMarker: next } : {}) };
    }
    case 'GetFunction': {
      const f = resolveFunction(ctx);
      return {
        Configuration: { ...configuration(f), State: 'Active', LastUpdateStatus: 'Successful' },
        Code: {
          RepositoryType: 'S3',
          Location: `https://awslambda-${ctx.region}-tasks.s3.${ctx.region}.amazonaws.com/snapshots/${ctx.account.id}/${f.functionName}`,
        },
        ...(f.tags.length > 0 ? { Tags: Object.fromEntries(f.tags.map((t) => [t.key, t.value])) } : {}),
      };
    }
    case 'GetPolicy': {
      const f = resolveFunction(ctx);
      if (!f.policy) {
        throw new AwsApiError(
          'ResourceNotFoundException',
          'No policy is associated with the given resource.',
          404,
        );
      }
      return { Policy: JSON.stringify(f.policy), RevisionId: f.revisionId };
    }
    case 'ListAliases': {
      const f = resolveFunction(ctx);
      const { page, next } = restPage(ctx, f.aliases, paging(10_000));
      return {
        Aliases: page.map((a) => ({
          AliasArn: `${f.functionArn}:${a.name}`,
          Name: a.name,
          FunctionVersion: a.functionVersion,
          Description: a.description,
          RevisionId: a.revisionId,
        })),
        ...(next ? { NextMarker: next } : {}),
      };
    }
    case 'ListFunctionUrlConfigs': {
      const f = resolveFunction(ctx);
      const { page, next } = restPage(ctx, f.url ? [f.url] : [], paging(50));
      return {
        FunctionUrlConfigs: page.map((u) => ({
          FunctionUrl: u.url,
          FunctionArn: f.functionArn,
          AuthType: u.authType,
          CreationTime: u.creationTime,
          LastModifiedTime: u.lastModifiedTime,
          InvokeMode: u.invokeMode,
          ...(u.cors
            ? { Cors: { AllowOrigins: u.cors.allowOrigins, AllowMethods: u.cors.allowMethods } }
            : {}),
        })),
        ...(next ? { NextMarker: next } : {}),
      };
    }
    default:
      throw new AwsApiError('UnknownOperationException', 'Unknown operation', 404);
  }
}

function handleLambda(ctx: RequestContext): WireResponse {
  return restJsonResponse(answer(ctx), ctx.requestId);
}

/** AWS Lambda (REST-JSON): functions, their resource policies, URLs and aliases. */
export const lambdaService: EmulatedService = {
  name: 'lambda',
  signingName: 'lambda',
  protocol: 'rest-json',
  operation: lambdaOperation,
  errors: { throttling: ['TooManyRequestsException', 429], internal: ['ServiceException', 500] },
  handle: handleLambda,
};
