import {
  GetResourcePolicyCommand,
  ListSecretsCommand,
  ListSecretVersionIdsCommand,
  type SecretListEntry,
  type SecretsManagerClient,
  type SecretVersionsListEntry,
} from '@aws-sdk/client-secrets-manager';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { SecretsManagerSecret, SecretsManagerSecretVersion } from '../../schema/secrets-manager.ts';
import { parsePolicyDocument } from '../iam/policy-document.ts';
import { keyPolicyAccess } from '../kms/key-policy.ts';
import { unlessRefused } from '../unless-refused.ts';
import { present, unixSeconds, type Where } from '../where.ts';

/** One secret with what was read about it; a part is undefined when it could not be read. */
export interface SecretDetails {
  entry: SecretListEntry;
  /**
   * GetResourcePolicy's ResourcePolicy (JSON): null when the secret has none,
   * undefined when it could not be read.
   */
  policy: string | null | undefined;
  /** ListSecretVersionIds (deprecated versions included); undefined when it could not be read. */
  versions: SecretVersionsListEntry[] | undefined;
}

/** A page of the collector: the secrets of one ListSecrets page with their details. */
export interface SecretsPage {
  secrets: SecretDetails[];
}

function secretRow(d: SecretDetails, where: Where): NodeRow<typeof SecretsManagerSecret> | undefined {
  const s = d.entry;
  if (!s.ARN || !s.Name) return undefined;
  const document = typeof d.policy === 'string' ? parsePolicyDocument(d.policy) : undefined;
  // A secret without a resource policy is open to no one beyond its account's IAM.
  const access =
    d.policy === null
      ? keyPolicyAccess(undefined, where.accountId)
      : document && keyPolicyAccess(document, where.accountId);
  return {
    id: s.ARN,
    arn: s.ARN,
    name: s.Name,
    description: s.Description,
    // ListSecrets leaves RotationEnabled out for a secret never configured to rotate.
    rotation_enabled: s.RotationEnabled ?? false,
    rotation_lambda_arn: s.RotationLambdaARN,
    rotation_rules_automatically_after_days: s.RotationRules?.AutomaticallyAfterDays,
    created_date: unixSeconds(s.CreatedDate),
    last_rotated_date: unixSeconds(s.LastRotatedDate),
    last_changed_date: unixSeconds(s.LastChangedDate),
    last_accessed_date: unixSeconds(s.LastAccessedDate),
    deleted_date: unixSeconds(s.DeletedDate),
    next_rotation_date: unixSeconds(s.NextRotationDate),
    kms_key_id: s.KmsKeyId,
    owning_service: s.OwningService,
    primary_region: s.PrimaryRegion,
    anonymous_access: access?.anonymous_access,
    anonymous_actions: access?.anonymous_actions,
    cross_account_principals: access?.cross_account_principals,
    policy: document ? JSON.stringify(document) : undefined,
    region: where.region,
    key: s.KmsKeyId,
  };
}

/** Secret rows and the rows of their versions (after the secrets they are versions of). */
export function transformSecrets(page: SecretsPage, where: Where) {
  const secrets: NodeRow<typeof SecretsManagerSecret>[] = [];
  const versions: NodeRow<typeof SecretsManagerSecretVersion>[] = [];
  for (const d of page.secrets) {
    const row = secretRow(d, where);
    if (!row) continue;
    secrets.push(row);
    for (const v of d.versions ?? []) {
      if (!v.VersionId) continue;
      const kmsKeyIds = present(v.KmsKeyIds);
      versions.push({
        // Cartography's id: the secret's ARN, `:version:` and the version id.
        id: `${row.arn}:version:${v.VersionId}`,
        arn: `${row.arn}:version:${v.VersionId}`,
        secret_id: row.arn,
        version_id: v.VersionId,
        version_stages: v.VersionStages,
        created_date: unixSeconds(v.CreatedDate),
        kms_key_ids: kmsKeyIds.length > 0 ? kmsKeyIds : undefined,
        region: where.region,
        secret: row.id,
        keys: kmsKeyIds,
      });
    }
  }
  return [load(SecretsManagerSecret, secrets), load(SecretsManagerSecretVersion, versions)] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A resource policy can deny even the audit role, and a secret deleted since ListSecrets is gone. */
const SECRET_REFUSED = 'a Secrets Manager request refused; left unknown';

async function detailsOf(ctx: Ctx, sm: SecretsManagerClient, entry: SecretListEntry): Promise<SecretDetails> {
  const SecretId = entry.ARN as string;
  const signal = () => ({ abortSignal: requestSignal(ctx.signal) });
  const policy = await unlessRefused(
    ctx,
    { message: SECRET_REFUSED, secret: SecretId, operation: 'GetResourcePolicy' },
    () =>
      ctx.call('secretsmanager:GetResourcePolicy', () =>
        sm.send(new GetResourcePolicyCommand({ SecretId }), signal()),
      ),
  );
  const versions = await unlessRefused(
    ctx,
    { message: SECRET_REFUSED, secret: SecretId, operation: 'ListSecretVersionIds' },
    async () => {
      const out: SecretVersionsListEntry[] = [];
      for await (const page of paginate(
        ctx,
        'secretsmanager:ListSecretVersionIds',
        (NextToken) =>
          sm.send(
            new ListSecretVersionIdsCommand({
              SecretId,
              IncludeDeprecated: true,
              MaxResults: 100,
              NextToken,
            }),
            signal(),
          ),
        (p) => p.NextToken,
      )) {
        out.push(...(page.Versions ?? []));
      }
      return out;
    },
  );
  return { entry, policy: policy === undefined ? undefined : (policy.ResourcePolicy ?? null), versions };
}

async function* secretsPages(ctx: Ctx, sm: SecretsManagerClient): AsyncIterable<SecretsPage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'secretsmanager:ListSecrets',
    (NextToken) =>
      sm.send(new ListSecretsCommand({ MaxResults: 100, NextToken }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.NextToken,
  )) {
    const entries = (page.SecretList ?? []).filter((s) => s.ARN);
    yield { secrets: await Promise.all(entries.map((e) => limit(() => detailsOf(ctx, sm, e)))) };
  }
}

/**
 * Secrets Manager secrets of a region with their resource policies and
 * versions. Metadata only: GetSecretValue is never called.
 */
export const secretsCollector = defineCollector<AwsScopeContext, SecretsPage>({
  name: 'secretsmanager:secrets',
  schemas: [SecretsManagerSecret, SecretsManagerSecretVersion],
  fetch: (ctx) =>
    streamWith(ctx.context.clients.secretsManager(ctx.context.region), (sm) => secretsPages(ctx, sm)),
  transform: (page, ctx) => transformSecrets(page, ctx.context),
});
