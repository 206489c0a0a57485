import { AwsApiError } from './api-error.ts';
import type { AwsSsmManagedInstance, AwsSsmParameter } from './estate-ssm-types.ts';
import { epochSeconds, jsonString } from './json-list.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { jsonResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

export const SSM_OPERATIONS: readonly string[] = ['DescribeInstanceInformation', 'DescribeParameters'];

/** A page with SSM's `MaxResults` (within `min..max`, default 10) and `NextToken`. */
function page<T>(ctx: RequestContext, input: Json, items: readonly T[], min: number, max: number) {
  const limit = input.MaxResults;
  if (
    limit !== undefined &&
    (typeof limit !== 'number' || !Number.isInteger(limit) || limit < min || limit > max)
  ) {
    throw new AwsApiError(
      'ValidationException',
      `1 validation error detected: Value '${String(limit)}' at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to ${max}`,
    );
  }
  const start = decodeToken(
    ctx.operation,
    jsonString(input, 'NextToken'),
    () => new AwsApiError('InvalidNextToken', 'The specified token is not valid.'),
  );
  const p = pageOf(items, start, typeof limit === 'number' ? limit : 10);
  return {
    items: p.items,
    ...(p.next !== undefined ? { NextToken: encodeToken(ctx.operation, p.next) } : {}),
  };
}

/** The instance ids an `InstanceIds` filter names (all instances when none). */
function instanceFilter(input: Json): Set<string> | undefined {
  const filters = Array.isArray(input.Filters) ? (input.Filters as Json[]) : [];
  const ids = filters.find((f) => f.Key === 'InstanceIds')?.Values;
  return Array.isArray(ids) ? new Set(ids.filter((v): v is string => typeof v === 'string')) : undefined;
}

function renderInstance(i: AwsSsmManagedInstance): Json {
  return {
    InstanceId: i.instanceId,
    PingStatus: i.pingStatus,
    LastPingDateTime: epochSeconds(i.lastPingDateTime),
    AgentVersion: i.agentVersion,
    IsLatestVersion: i.isLatestVersion,
    PlatformType: i.platformType,
    PlatformName: i.platformName,
    PlatformVersion: i.platformVersion,
    ...(i.iamRole ? { IamRole: i.iamRole } : {}),
    RegistrationDate: epochSeconds(i.registrationDate),
    ResourceType: 'EC2Instance',
    IPAddress: i.ipAddress,
    ComputerName: i.computerName,
    SourceId: i.instanceId,
    SourceType: 'AWS::EC2::Instance',
  };
}

function renderParameter(ctx: RequestContext, p: AwsSsmParameter): Json {
  return {
    Name: p.name,
    ARN: `arn:aws:ssm:${ctx.region}:${ctx.account.id}:parameter${p.name.startsWith('/') ? '' : '/'}${p.name}`,
    Type: p.type,
    ...(p.keyId ? { KeyId: p.keyId } : p.type === 'SecureString' ? { KeyId: 'alias/aws/ssm' } : {}),
    LastModifiedDate: epochSeconds(p.lastModifiedDate),
    LastModifiedUser: p.lastModifiedUser,
    ...(p.description ? { Description: p.description } : {}),
    Version: p.version,
    Tier: p.tier,
    Policies: [],
    DataType: p.dataType,
  };
}

/** The SSM operations the collectors call (JSON 1.1, `AmazonSSM.<Operation>`); never a parameter's value. */
export function handleSsm(ctx: RequestContext): Json {
  const input = ctx.json ?? {};
  const region = regionOf(ctx);
  switch (ctx.operation) {
    case 'DescribeInstanceInformation': {
      const only = instanceFilter(input);
      const items = (region?.ssmManagedInstances ?? []).filter((i) => !only || only.has(i.instanceId));
      const p = page(ctx, input, items, 5, 50);
      return {
        InstanceInformationList: p.items.map(renderInstance),
        ...(p.NextToken ? { NextToken: p.NextToken } : {}),
      };
    }
    case 'DescribeParameters': {
      const p = page(ctx, input, region?.ssmParameters ?? [], 1, 50);
      return {
        Parameters: p.items.map((x) => renderParameter(ctx, x)),
        ...(p.NextToken ? { NextToken: p.NextToken } : {}),
      };
    }
    default:
      throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
}

/** Systems Manager in the emulator's service registry. */
export const ssmService: EmulatedService = {
  name: 'ssm',
  signingName: 'ssm',
  protocol: 'json',
  errors: { internal: ['InternalServerError', 500] },
  handle: (ctx) => jsonResponse(handleSsm(ctx), ctx.requestId),
};
