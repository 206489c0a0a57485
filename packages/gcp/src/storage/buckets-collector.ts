import { type AnyLoad, type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import type { storage_v1 } from 'googleapis/build/src/apis/storage/v1.js';
import pLimit from 'p-limit';
import { classifyGoogleError } from '../api/google-error.ts';
import { paginate } from '../api/paginate.ts';
import type { ProjectContext } from '../project-context.ts';
import { GCPBucket } from '../schema/bucket.ts';
import { GCPBucketLabel } from '../schema/bucket-label.ts';
import { SERVICE_APIS, whenApiEnabled } from '../services/api-gate.ts';

/** One page of `buckets.list` with each bucket's IAM policy (`buckets.getIamPolicy`). */
export interface BucketPage {
  buckets: storage_v1.Schema$Bucket[];
  policies: Record<string, storage_v1.Schema$Policy | undefined>;
}

/** IAM policies fetched at once per page. */
const POLICY_CONCURRENCY = 8;
const PUBLIC_MEMBERS = new Set(['allUsers', 'allAuthenticatedUsers']);

/** Buckets of one page as GCPBucket rows (public access from IAM and ACLs) and their labels. */
export function transformBuckets(page: BucketPage): AnyLoad[] {
  const buckets: NodeRow<typeof GCPBucket>[] = [];
  const labels: NodeRow<typeof GCPBucketLabel>[] = [];
  for (const b of page.buckets) {
    const name = b.name ?? b.id;
    if (!name) continue;
    const publicMembers = new Set<string>();
    const publicRoles = new Set<string>();
    for (const binding of page.policies[name]?.bindings ?? []) {
      for (const member of binding.members ?? []) {
        if (!PUBLIC_MEMBERS.has(member)) continue;
        publicMembers.add(member);
        if (binding.role) publicRoles.add(binding.role);
      }
    }
    // Fine-grained ACLs (buckets without uniform access) can make objects public too.
    let aclPublic = false;
    for (const entry of [...(b.acl ?? []), ...(b.defaultObjectAcl ?? [])]) {
      if (!entry.entity || !PUBLIC_MEMBERS.has(entry.entity)) continue;
      publicMembers.add(entry.entity);
      aclPublic = true;
    }
    const iam = b.iamConfiguration ?? {};
    const prevention = iam.publicAccessPrevention ?? null;
    buckets.push({
      id: name,
      bucket_id: name,
      project_number: b.projectNumber ?? null,
      self_link: b.selfLink ?? null,
      kind: b.kind ?? null,
      location: b.location ?? null,
      location_type: b.locationType ?? null,
      meta_generation: b.metageneration ?? null,
      storage_class: b.storageClass ?? null,
      time_created: b.timeCreated ?? null,
      retention_period: b.retentionPolicy?.retentionPeriod ?? null,
      iam_config_bucket_policy_only: iam.bucketPolicyOnly?.enabled ?? null,
      iam_config_uniform_bucket_level_access: iam.uniformBucketLevelAccess?.enabled ?? null,
      iam_config_public_access_prevention: prevention,
      owner_entity: b.owner?.entity ?? null,
      owner_entity_id: b.owner?.entityId ?? null,
      versioning_enabled: b.versioning?.enabled ?? false,
      log_bucket: b.logging?.logBucket ?? null,
      requester_pays: b.billing?.requesterPays ?? false,
      default_kms_key_name: b.encryption?.defaultKmsKeyName ?? null,
      iam_public_members: [...publicMembers].sort(),
      iam_public_roles: [...publicRoles].sort(),
      acl_public: aclPublic,
      public_access: publicMembers.size > 0 && prevention !== 'enforced',
    });
    for (const [key, value] of Object.entries(b.labels ?? {})) {
      labels.push({
        // Cartography's GCPLabel id: the bucket id, the key and the value.
        id: `${name}:${key}:${value}`,
        key,
        value,
        resource_type: 'GCPBucket',
        bucket_id: name,
        bucket: name,
        taggedBucket: name,
      });
    }
  }
  return [load(GCPBucket, buckets), load(GCPBucketLabel, labels)];
}

async function policyOf(
  ctx: CollectContext<ProjectContext>,
  bucket: string,
): Promise<storage_v1.Schema$Policy | undefined> {
  try {
    const { data } = await ctx.call('storage:buckets.getIamPolicy', () =>
      ctx.context.clients.storage.buckets.getIamPolicy({ bucket }, { signal: ctx.signal }),
    );
    return data;
  } catch (error) {
    // Deleted between the list and this call: nothing to say about its policy.
    if (classifyGoogleError(error) === 'not-found') return undefined;
    throw error;
  }
}

/** Buckets of a project with their IAM policies (`storage.buckets.list`, `buckets.getIamPolicy`). */
export const bucketsCollector = defineCollector<ProjectContext, BucketPage>({
  name: 'storage-buckets',
  schemas: [GCPBucket, GCPBucketLabel],
  fetch: (ctx) =>
    whenApiEnabled(ctx, SERVICE_APIS.storage, async function* () {
      const limit = pLimit(POLICY_CONCURRENCY);
      for await (const page of paginate(ctx, 'storage:buckets.list', (pageToken) =>
        ctx.context.clients.storage.buckets.list(
          {
            project: ctx.context.project.projectId,
            projection: 'full',
            maxResults: 200,
            ...(pageToken ? { pageToken } : {}),
          },
          { signal: ctx.signal },
        ),
      )) {
        const buckets = page.items ?? [];
        const policies: BucketPage['policies'] = {};
        await Promise.all(
          buckets.map((b) =>
            limit(async () => {
              if (b.name) policies[b.name] = await policyOf(ctx, b.name);
            }),
          ),
        );
        yield { buckets, policies };
      }
    }),
  transform: (page) => transformBuckets(page),
});
