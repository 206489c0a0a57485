import {
  type AliasListEntry,
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  type GrantListEntry,
  type KeyMetadata,
  type KMSClient,
  ListAliasesCommand,
  ListGrantsCommand,
  ListKeysCommand,
} from '@aws-sdk/client-kms';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { KMSAlias, KMSGrant, KMSKey } from '../../schema/kms.ts';
import { parsePolicyDocument } from '../iam/policy-document.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, unixSeconds, type Where } from '../where.ts';
import { keyPolicyAccess } from './key-policy.ts';

/** One key with what was read about it; a part is undefined when it could not be read (or does not apply). */
export interface KeyDetails {
  metadata: KeyMetadata;
  /** The `default` key policy document (JSON). */
  policy?: string | undefined;
  /** GetKeyRotationStatus's KeyRotationEnabled. */
  rotationEnabled?: boolean | undefined;
  grants: GrantListEntry[];
}

/** A page of the collector: keys with their details, then (after every key) the region's aliases. */
export type KmsPage = { keys: KeyDetails[] } | { aliases: AliasListEntry[] };

/** Rotation can be turned on for customer managed symmetric keys with KMS-generated material only. */
export function rotationApplies(m: Pick<KeyMetadata, 'KeyManager' | 'KeySpec' | 'Origin'>): boolean {
  return m.KeyManager === 'CUSTOMER' && m.KeySpec === 'SYMMETRIC_DEFAULT' && m.Origin === 'AWS_KMS';
}

function keyRow(d: KeyDetails, where: Where): NodeRow<typeof KMSKey> | undefined {
  const m = d.metadata;
  if (!m.KeyId || !m.Arn) return undefined;
  const document = parsePolicyDocument(d.policy);
  const access = document ? keyPolicyAccess(document, m.AWSAccountId ?? where.accountId) : undefined;
  return {
    id: m.KeyId,
    arn: m.Arn,
    key_id: m.KeyId,
    description: m.Description,
    enabled: m.Enabled,
    key_state: m.KeyState,
    key_usage: m.KeyUsage,
    key_manager: m.KeyManager,
    origin: m.Origin,
    creation_date: unixSeconds(m.CreationDate),
    deletion_date: unixSeconds(m.DeletionDate),
    valid_to: unixSeconds(m.ValidTo),
    custom_key_store_id: m.CustomKeyStoreId,
    cloud_hsm_cluster_id: m.CloudHsmClusterId,
    expiration_model: m.ExpirationModel,
    customer_master_key_spec: m.CustomerMasterKeySpec,
    key_spec: m.KeySpec,
    multi_region: m.MultiRegion,
    encryption_algorithms: m.EncryptionAlgorithms,
    signing_algorithms: m.SigningAlgorithms,
    // AWS rotates its managed keys every year, and they cannot be set otherwise.
    rotation_enabled: m.KeyManager === 'AWS' ? true : d.rotationEnabled,
    anonymous_access: access?.anonymous_access,
    anonymous_actions: access?.anonymous_actions,
    cross_account_principals: access?.cross_account_principals,
    policy: document ? JSON.stringify(document) : undefined,
    region: where.region,
  };
}

/** Alias rows of one ListAliases page: AWS's predefined aliases that name no key are left out. */
export function transformAliases(page: { aliases: AliasListEntry[] }, where: Where) {
  const aliases: NodeRow<typeof KMSAlias>[] = [];
  for (const a of page.aliases) {
    if (!a.AliasArn || !a.AliasName || !a.TargetKeyId) continue;
    aliases.push({
      id: a.AliasArn,
      arn: a.AliasArn,
      alias_name: a.AliasName,
      target_key_id: a.TargetKeyId,
      creation_date: unixSeconds(a.CreationDate),
      last_updated_date: unixSeconds(a.LastUpdatedDate),
      region: where.region,
      key: a.TargetKeyId,
    });
  }
  return [load(KMSAlias, aliases)] as const;
}

/** Key rows and the rows of their grants (after the keys they apply on). */
export function transformKeys(page: { keys: KeyDetails[] }, where: Where) {
  const keys: NodeRow<typeof KMSKey>[] = [];
  const grants: NodeRow<typeof KMSGrant>[] = [];
  for (const d of page.keys) {
    const row = keyRow(d, where);
    if (!row) continue;
    keys.push(row);
    for (const g of d.grants) {
      if (!g.GrantId) continue;
      const keyArn = g.KeyId ?? row.arn;
      grants.push({
        id: g.GrantId,
        grant_id: g.GrantId,
        name: g.Name || undefined,
        grantee_principal: g.GranteePrincipal,
        creation_date: unixSeconds(g.CreationDate),
        key_id: keyArn,
        issuing_account: g.IssuingAccount,
        operations: present(g.Operations),
        region: where.region,
        key: keyArn,
      });
    }
  }
  return [load(KMSKey, keys), load(KMSGrant, grants)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A key policy can deny even the audit role, and a key deleted since ListKeys is gone. */
const KEY_REFUSED = 'a KMS key request refused; left unknown';

async function detailsOf(ctx: Ctx, kms: KMSClient, KeyId: string): Promise<KeyDetails | undefined> {
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const call = <T>(operation: string, request: () => Promise<T>) =>
    unlessRefused(ctx, { message: KEY_REFUSED, key: KeyId, operation }, () =>
      ctx.call(`kms:${operation}`, request),
    );
  const described = await call('DescribeKey', () => kms.send(new DescribeKeyCommand({ KeyId }), signal()));
  const metadata = described?.KeyMetadata;
  if (!metadata) return undefined;
  const policy = await call('GetKeyPolicy', () =>
    kms.send(new GetKeyPolicyCommand({ KeyId, PolicyName: 'default' }), signal()),
  );
  const rotation = rotationApplies(metadata)
    ? await call('GetKeyRotationStatus', () => kms.send(new GetKeyRotationStatusCommand({ KeyId }), signal()))
    : undefined;
  const grants: GrantListEntry[] = [];
  await unlessRefused(ctx, { message: KEY_REFUSED, key: KeyId, operation: 'ListGrants' }, async () => {
    for await (const page of paginate(
      ctx,
      'kms:ListGrants',
      (Marker) => kms.send(new ListGrantsCommand({ KeyId, Limit: 100, Marker }), signal()),
      (p) => (p.Truncated ? p.NextMarker : undefined),
    )) {
      grants.push(...(page.Grants ?? []));
    }
  });
  return { metadata, policy: policy?.Policy, rotationEnabled: rotation?.KeyRotationEnabled, grants };
}

async function* kmsPages(ctx: Ctx, kms: KMSClient): AsyncIterable<KmsPage> {
  const limit = pLimit(4);
  const collected = new Set<string>();
  for await (const page of paginate(
    ctx,
    'kms:ListKeys',
    (Marker) =>
      kms.send(new ListKeysCommand({ Limit: 1000, Marker }), { abortSignal: requestSignal(ctx.signal) }),
    (p) => (p.Truncated ? p.NextMarker : undefined),
  )) {
    const ids = present((page.Keys ?? []).map((k) => k.KeyId));
    const details = await Promise.all(ids.map((id) => limit(() => detailsOf(ctx, kms, id))));
    const keys = details.filter((d): d is KeyDetails => d !== undefined);
    for (const d of keys) if (d.metadata.KeyId) collected.add(d.metadata.KeyId);
    yield { keys };
  }
  // One listing for the region rather than one per key; only the aliases of collected keys, as Cartography writes.
  for await (const page of paginate(
    ctx,
    'kms:ListAliases',
    (Marker) =>
      kms.send(new ListAliasesCommand({ Limit: 100, Marker }), { abortSignal: requestSignal(ctx.signal) }),
    (p) => (p.Truncated ? p.NextMarker : undefined),
  )) {
    yield { aliases: (page.Aliases ?? []).filter((a) => a.TargetKeyId && collected.has(a.TargetKeyId)) };
  }
}

/** KMS keys of a region with their policies, rotation status and grants, then their aliases. */
export const kmsKeysCollector = defineCollector<AwsScopeContext, KmsPage>({
  name: 'kms:keys',
  schemas: [KMSKey, KMSGrant, KMSAlias],
  fetch: (ctx) => streamWith(ctx.context.clients.kms(ctx.context.region), (kms) => kmsPages(ctx, kms)),
  transform: (page, ctx) =>
    'aliases' in page ? transformAliases(page, ctx.context) : transformKeys(page, ctx.context),
});
