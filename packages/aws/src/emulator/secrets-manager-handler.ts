import { AwsApiError } from './api-error.ts';
import type { AwsSecret } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import { actionMatches, principalMatches } from './resource-policy.ts';

type Json = Record<string, unknown>;

export const SECRETS_MANAGER_OPERATIONS: readonly string[] = [
  'ListSecrets',
  'GetResourcePolicy',
  'ListSecretVersionIds',
];

const DAY = 86_400_000;
const epochSeconds = (iso: string) => new Date(iso).getTime() / 1000;

function str(input: Json, name: string): string | undefined {
  const v = input[name];
  return typeof v === 'string' ? v : undefined;
}

/** MaxResults as Secrets Manager checks it: 1 to 100. */
function maxResults(input: Json, fallback: number): number {
  const v = input.MaxResults;
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 100) {
    const bound =
      typeof v === 'number' && v > 100 ? 'less than or equal to 100' : 'greater than or equal to 1';
    throw new AwsApiError(
      'ValidationException',
      `1 validation error detected: Value '${String(v)}' at 'maxResults' failed to satisfy constraint: Member must have value ${bound}`,
    );
  }
  return v;
}

function paged<T>(ctx: RequestContext, input: Json, items: readonly T[], fallback: number) {
  const start = decodeToken(
    ctx.operation,
    str(input, 'NextToken'),
    () => new AwsApiError('InvalidNextTokenException', 'You provided an invalid NextToken value.'),
  );
  const page = pageOf(items, start, maxResults(input, fallback));
  return {
    items: page.items,
    token: page.next === undefined ? {} : { NextToken: encodeToken(ctx.operation, page.next) },
  };
}

function secrets(ctx: RequestContext): AwsSecret[] {
  return regionOf(ctx)?.secrets ?? [];
}

/** The secret a SecretId names: its name, its full ARN, or its ARN without the random suffix. */
function resolveSecret(ctx: RequestContext, input: Json): AwsSecret {
  const id = str(input, 'SecretId');
  if (id === undefined || id === '') {
    throw new AwsApiError(
      'ValidationException',
      "1 validation error detected: Value null at 'secretId' failed to satisfy constraint: Member must not be null",
    );
  }
  const found = secrets(ctx).find((s) => s.name === id || s.arn === id || s.arn.slice(0, -7) === id);
  if (!found)
    throw new AwsApiError('ResourceNotFoundException', "Secrets Manager can't find the specified secret.");
  return found;
}

/**
 * The audit role's identity policy allows the read operations; a resource
 * policy can still refuse them with an explicit Deny (conditions are not
 * evaluated: a Deny that names the caller applies).
 */
function authorise(ctx: RequestContext, secret: AwsSecret): void {
  const action = `secretsmanager:${ctx.operation}`;
  const denied = (secret.policy?.Statement ?? []).some(
    (s) =>
      s.Effect === 'Deny' && principalMatches(s.Principal, ctx.caller) && actionMatches(s.Action, action),
  );
  if (denied) {
    throw new AwsApiError(
      'AccessDeniedException',
      `User: ${ctx.caller.arn} is not authorized to perform: ${action} on resource: ${secret.name} with an explicit deny in a resource-based policy`,
    );
  }
}

function nextRotation(s: AwsSecret): number | undefined {
  if (!s.rotationEnabled || s.rotationDays === undefined) return undefined;
  const from = new Date(s.lastRotatedDate ?? s.createdDate).getTime();
  // AWS schedules the next rotation at the end of the window, at midnight UTC.
  return (Math.ceil((from + s.rotationDays * DAY) / DAY) * DAY) / 1000;
}

function listEntry(s: AwsSecret): Json {
  const next = nextRotation(s);
  const stages: Record<string, string[]> = {};
  for (const v of s.versions) if (v.stages.length > 0) stages[v.versionId] = v.stages;
  return {
    ARN: s.arn,
    Name: s.name,
    ...(s.description !== undefined ? { Description: s.description } : {}),
    ...(s.kmsKeyId !== undefined ? { KmsKeyId: s.kmsKeyId } : {}),
    // Absent on a secret never configured for rotation, as DescribeSecret documents.
    ...(s.rotationEnabled || s.rotationLambdaArn ? { RotationEnabled: s.rotationEnabled } : {}),
    ...(s.rotationLambdaArn !== undefined ? { RotationLambdaARN: s.rotationLambdaArn } : {}),
    ...(s.rotationDays !== undefined ? { RotationRules: { AutomaticallyAfterDays: s.rotationDays } } : {}),
    ...(s.lastRotatedDate !== undefined ? { LastRotatedDate: epochSeconds(s.lastRotatedDate) } : {}),
    LastChangedDate: epochSeconds(s.lastChangedDate),
    ...(s.lastAccessedDate !== undefined ? { LastAccessedDate: epochSeconds(s.lastAccessedDate) } : {}),
    ...(s.deletedDate !== undefined ? { DeletedDate: epochSeconds(s.deletedDate) } : {}),
    ...(next !== undefined ? { NextRotationDate: next } : {}),
    Tags: s.tags.map((t) => ({ Key: t.key, Value: t.value })),
    SecretVersionsToStages: stages,
    ...(s.owningService !== undefined ? { OwningService: s.owningService } : {}),
    CreatedDate: epochSeconds(s.createdDate),
  };
}

/**
 * The Secrets Manager operations the collectors call (JSON 1.1,
 * `X-Amz-Target: secretsmanager.<Operation>`). Metadata only: the emulator
 * has no secret values and serves no operation that returns one.
 */
export function handleSecretsManager(ctx: RequestContext, input: Json): Json {
  if (!SECRETS_MANAGER_OPERATIONS.includes(ctx.operation)) {
    throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
  if (ctx.operation === 'ListSecrets') {
    const planned = input.IncludePlannedDeletion === true;
    const listed = secrets(ctx).filter((s) => planned || s.deletedDate === undefined);
    const { items, token } = paged(ctx, input, listed, 100);
    return { SecretList: items.map(listEntry), ...token };
  }
  const secret = resolveSecret(ctx, input);
  authorise(ctx, secret);
  if (ctx.operation === 'GetResourcePolicy') {
    return {
      ARN: secret.arn,
      Name: secret.name,
      ...(secret.policy ? { ResourcePolicy: JSON.stringify(secret.policy) } : {}),
    };
  }
  const deprecated = input.IncludeDeprecated === true;
  const versions = secret.versions.filter((v) => deprecated || v.stages.length > 0);
  const { items, token } = paged(ctx, input, versions, 100);
  return {
    Versions: items.map((v) => ({
      VersionId: v.versionId,
      VersionStages: v.stages,
      ...(v.lastAccessedDate !== undefined ? { LastAccessedDate: epochSeconds(v.lastAccessedDate) } : {}),
      CreatedDate: epochSeconds(v.createdDate),
      KmsKeyIds: v.kmsKeyIds,
    })),
    ...token,
    ARN: secret.arn,
    Name: secret.name,
  };
}
