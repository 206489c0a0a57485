import { AwsApiError } from './api-error.ts';
import type { AwsKmsKey, PolicyStatement } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { type Caller, type RequestContext, regionOf } from './request-context.ts';
import { actionMatches, asList, principalMatches } from './resource-policy.ts';

type Json = Record<string, unknown>;

export const KMS_OPERATIONS: readonly string[] = [
  'ListKeys',
  'DescribeKey',
  'ListAliases',
  'GetKeyPolicy',
  'GetKeyRotationStatus',
  'ListGrants',
];

const epochSeconds = (iso: string) => new Date(iso).getTime() / 1000;

function str(input: Json, name: string): string | undefined {
  const v = input[name];
  return typeof v === 'string' ? v : undefined;
}

function required(input: Json, name: string): string {
  const v = str(input, name);
  if (v === undefined || v === '') {
    const member = name.charAt(0).toLowerCase() + name.slice(1);
    throw new AwsApiError(
      'ValidationException',
      `1 validation error detected: Value null at '${member}' failed to satisfy constraint: Member must not be null`,
    );
  }
  return v;
}

/** A list KMS pages with Marker/Limit: the items, the response member and the Limit range. */
interface PagedList<T> {
  items: readonly T[];
  key: string;
  max: number;
  fallback: number;
  render: (item: T) => Json;
}

/** Pages a list as KMS does: `Truncated`, and `NextMarker` while there is more. */
function paged<T>(ctx: RequestContext, input: Json, list: PagedList<T>): Json {
  const limit = input.Limit;
  if (limit !== undefined) {
    if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 1 || limit > list.max) {
      const bound =
        typeof limit === 'number' && limit > list.max
          ? `less than or equal to ${list.max}`
          : 'greater than or equal to 1';
      throw new AwsApiError(
        'ValidationException',
        `1 validation error detected: Value '${String(limit)}' at 'limit' failed to satisfy constraint: Member must have value ${bound}`,
      );
    }
  }
  const start = decodeToken(
    ctx.operation,
    str(input, 'Marker'),
    () =>
      new AwsApiError(
        'InvalidMarkerException',
        'The marker that specifies where to start the results is invalid.',
      ),
  );
  const page = pageOf(list.items, start, typeof limit === 'number' ? limit : list.fallback);
  const out: Json = { [list.key]: page.items.map(list.render), Truncated: page.next !== undefined };
  if (page.next !== undefined) out.NextMarker = encodeToken(ctx.operation, page.next);
  return out;
}

/** Conditions of a direct call: only the caller's account is known (no `kms:ViaService`, no source). */
function conditionHolds(condition: PolicyStatement['Condition'], caller: Caller): boolean {
  for (const values of Object.values(condition ?? {})) {
    for (const [key, value] of Object.entries(values)) {
      const k = key.toLowerCase();
      if (k !== 'kms:calleraccount' && k !== 'aws:principalaccount') return false;
      if (!asList(value).includes(caller.accountId)) return false;
    }
  }
  return true;
}

/**
 * Whether the key policy lets the caller run `kms:<operation>` on the key:
 * KMS authorises key operations by the key policy (a statement naming the
 * account delegates to IAM, which lets the audit role read).
 */
function authorise(ctx: RequestContext, key: AwsKmsKey): void {
  const action = `kms:${ctx.operation}`;
  let allowed = false;
  for (const s of key.policy.Statement) {
    if (!principalMatches(s.Principal, ctx.caller) || !actionMatches(s.Action, action)) continue;
    if (!conditionHolds(s.Condition, ctx.caller)) continue;
    if (s.Effect === 'Deny') {
      allowed = false;
      break;
    }
    allowed = true;
  }
  if (!allowed) {
    throw new AwsApiError(
      'AccessDeniedException',
      `User: ${ctx.caller.arn} is not authorized to perform: ${action} on resource: ${key.arn} because no resource-based policy allows the ${action} action`,
    );
  }
}

function keys(ctx: RequestContext): AwsKmsKey[] {
  return regionOf(ctx)?.kmsKeys ?? [];
}

const aliasArn = (ctx: RequestContext, name: string) => `arn:aws:kms:${ctx.region}:${ctx.account.id}:${name}`;

/** The key a KeyId names: a key id, a key ARN, an alias name or an alias ARN of this account and region. */
function resolveKey(ctx: RequestContext, keyId: string): AwsKmsKey {
  const prefix = `arn:aws:kms:${ctx.region}:${ctx.account.id}:`;
  const local = keyId.startsWith(prefix) ? keyId.slice(prefix.length) : keyId;
  if (local.startsWith('alias/')) {
    const target = regionOf(ctx)?.kmsAliases.find((a) => a.aliasName === local)?.targetKeyId;
    const key = target ? keys(ctx).find((k) => k.keyId === target) : undefined;
    if (!key) throw new AwsApiError('NotFoundException', `Alias ${aliasArn(ctx, local)} is not found.`);
    return key;
  }
  const id = local.startsWith('key/') ? local.slice(4) : local;
  if (keyId.startsWith('arn:') && !keyId.startsWith(prefix)) {
    throw new AwsApiError('NotFoundException', `Key '${keyId}' does not exist`);
  }
  if (!/^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/.test(id)) {
    throw new AwsApiError('NotFoundException', `Invalid keyId '${keyId}'`);
  }
  const key = keys(ctx).find((k) => k.keyId === id);
  if (!key) throw new AwsApiError('NotFoundException', `Key '${prefix}key/${id}' does not exist`);
  return key;
}

function keyMetadata(ctx: RequestContext, k: AwsKmsKey): Json {
  const symmetric = k.keySpec === 'SYMMETRIC_DEFAULT';
  const rsa = k.keySpec.startsWith('RSA_');
  return {
    AWSAccountId: ctx.account.id,
    KeyId: k.keyId,
    Arn: k.arn,
    CreationDate: epochSeconds(k.creationDate),
    Enabled: k.keyState === 'Enabled',
    Description: k.description,
    KeyUsage: k.keyUsage,
    KeyState: k.keyState,
    ...(k.deletionDate ? { DeletionDate: epochSeconds(k.deletionDate) } : {}),
    ...(k.pendingDeletionWindowInDays ? { PendingDeletionWindowInDays: k.pendingDeletionWindowInDays } : {}),
    Origin: k.origin,
    KeyManager: k.keyManager,
    CustomerMasterKeySpec: k.keySpec,
    KeySpec: k.keySpec,
    ...(k.keyUsage === 'ENCRYPT_DECRYPT'
      ? {
          EncryptionAlgorithms: symmetric
            ? ['SYMMETRIC_DEFAULT']
            : ['RSAES_OAEP_SHA_1', 'RSAES_OAEP_SHA_256'],
        }
      : {}),
    ...(k.keyUsage === 'SIGN_VERIFY'
      ? {
          SigningAlgorithms: rsa
            ? ['RSASSA_PKCS1_V1_5_SHA_256', 'RSASSA_PKCS1_V1_5_SHA_384', 'RSASSA_PSS_SHA_256']
            : ['ECDSA_SHA_256'],
        }
      : {}),
    MultiRegion: k.multiRegion,
    ...(k.multiRegion
      ? {
          MultiRegionConfiguration: {
            MultiRegionKeyType: 'PRIMARY',
            PrimaryKey: { Arn: k.arn, Region: ctx.region },
            ReplicaKeys: [],
          },
        }
      : {}),
  };
}

function rotationStatus(k: AwsKmsKey, now: string): Json {
  if (k.keySpec !== 'SYMMETRIC_DEFAULT' || k.origin !== 'AWS_KMS') {
    throw new AwsApiError(
      'UnsupportedOperationException',
      `${k.arn} key spec ${k.keySpec} with origin ${k.origin} is not supported for this operation.`,
    );
  }
  // AWS managed keys rotate every year; a key pending deletion never does.
  const enabled = k.keyState !== 'PendingDeletion' && (k.keyManager === 'AWS' || k.rotationEnabled);
  if (!enabled) return { KeyRotationEnabled: false, KeyId: k.arn };
  const created = new Date(k.creationDate).getTime();
  const year = 365 * 86_400_000;
  const next = created + Math.ceil((new Date(now).getTime() - created) / year) * year;
  return {
    KeyRotationEnabled: true,
    KeyId: k.arn,
    RotationPeriodInDays: 365,
    NextRotationDate: next / 1000,
  };
}

/** The KMS operations the collectors call (JSON 1.1, `X-Amz-Target: TrentService.<Operation>`). */
export function handleKms(ctx: RequestContext, input: Json): Json {
  if (!KMS_OPERATIONS.includes(ctx.operation)) {
    throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
  switch (ctx.operation) {
    case 'ListKeys':
      return paged(ctx, input, {
        items: keys(ctx),
        key: 'Keys',
        max: 1000,
        fallback: 100,
        render: (k) => ({ KeyId: k.keyId, KeyArn: k.arn }),
      });
    case 'ListAliases': {
      const keyId = str(input, 'KeyId');
      const target = keyId === undefined ? undefined : resolveKey(ctx, keyId).keyId;
      const aliases = (regionOf(ctx)?.kmsAliases ?? []).filter(
        (a) => target === undefined || a.targetKeyId === target,
      );
      return paged(ctx, input, {
        items: aliases,
        key: 'Aliases',
        max: 100,
        fallback: 50,
        render: (a) => ({
          AliasName: a.aliasName,
          AliasArn: aliasArn(ctx, a.aliasName),
          ...(a.targetKeyId ? { TargetKeyId: a.targetKeyId } : {}),
          ...(a.creationDate ? { CreationDate: epochSeconds(a.creationDate) } : {}),
          ...(a.lastUpdatedDate ? { LastUpdatedDate: epochSeconds(a.lastUpdatedDate) } : {}),
        }),
      });
    }
  }
  const key = resolveKey(ctx, required(input, 'KeyId'));
  authorise(ctx, key);
  switch (ctx.operation) {
    case 'DescribeKey':
      return { KeyMetadata: keyMetadata(ctx, key) };
    case 'GetKeyPolicy': {
      const name = str(input, 'PolicyName') ?? 'default';
      if (name !== 'default') throw new AwsApiError('NotFoundException', `No such policy exists: ${name}`);
      return { Policy: JSON.stringify(key.policy), PolicyName: 'default' };
    }
    case 'GetKeyRotationStatus':
      return rotationStatus(key, ctx.estate.generatedAt);
    default:
      return paged(ctx, input, {
        items: key.grants,
        key: 'Grants',
        max: 100,
        fallback: 50,
        render: (g) => ({
          KeyId: key.arn,
          GrantId: g.grantId,
          ...(g.name ? { Name: g.name } : {}),
          CreationDate: epochSeconds(g.creationDate),
          GranteePrincipal: g.granteePrincipal,
          ...(g.retiringPrincipal ? { RetiringPrincipal: g.retiringPrincipal } : {}),
          IssuingAccount: `arn:aws:iam::${g.issuingAccountId}:root`,
          Operations: g.operations,
        }),
      });
  }
}
