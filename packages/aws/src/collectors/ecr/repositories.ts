import {
  DescribeImagesCommand,
  DescribeRepositoriesCommand,
  type ECRClient,
  GetRepositoryPolicyCommand,
  type ImageDetail,
  type Repository,
} from '@aws-sdk/client-ecr';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import pLimit from 'p-limit';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import { ECRImage, ECRRepository, ECRRepositoryImage } from '../../schema/ecr.ts';
import { parsePolicyDocument } from '../iam/policy-document.ts';
import { keyPolicyAccess } from '../kms/key-policy.ts';
import { unlessRefused } from '../unless-refused.ts';
import { unixSeconds, type Where } from '../where.ts';

/** One repository with what was read about it; a part is undefined when it could not be read. */
export interface RepositoryDetails {
  repository: Repository;
  /** The repository policy (JSON); null when the repository has none, undefined when it was refused. */
  policy: string | null | undefined;
  images: ImageDetail[];
}

export interface EcrPage {
  repositories: RepositoryDetails[];
}

function repositoryRow(d: RepositoryDetails, where: Where): NodeRow<typeof ECRRepository> | undefined {
  const r = d.repository;
  if (!r.repositoryArn || !r.repositoryName || !r.repositoryUri) return undefined;
  const document = d.policy ? parsePolicyDocument(d.policy) : undefined;
  // A repository policy is read like a key policy: who besides the account may act on it.
  const access = document ? keyPolicyAccess(document, r.registryId ?? where.accountId) : undefined;
  const none = d.policy === null;
  return {
    id: r.repositoryArn,
    arn: r.repositoryArn,
    name: r.repositoryName,
    uri: r.repositoryUri,
    created_at: unixSeconds(r.createdAt),
    image_tag_mutability: r.imageTagMutability,
    scan_on_push: r.imageScanningConfiguration?.scanOnPush,
    encryption_type: r.encryptionConfiguration?.encryptionType,
    kms_key: r.encryptionConfiguration?.kmsKey,
    has_policy: d.policy === undefined ? undefined : !none,
    anonymous_access: none ? false : access?.anonymous_access,
    anonymous_actions: none ? [] : access?.anonymous_actions,
    cross_account_principals: none ? [] : access?.cross_account_principals,
    policy: document ? JSON.stringify(document) : undefined,
    region: where.region,
  };
}

/** Repository, image (one per digest) and tag rows of a page, in the order their edges need. */
export function transformRepositories(page: EcrPage, where: Where) {
  const repositories: NodeRow<typeof ECRRepository>[] = [];
  const images = new Map<string, NodeRow<typeof ECRImage>>();
  const tags: NodeRow<typeof ECRRepositoryImage>[] = [];
  for (const d of page.repositories) {
    const repo = repositoryRow(d, where);
    if (!repo) continue;
    repositories.push(repo);
    for (const i of d.images) {
      if (!i.imageDigest) continue;
      images.set(i.imageDigest, {
        id: i.imageDigest,
        digest: i.imageDigest,
        type: 'image',
        media_type: i.imageManifestMediaType,
        artifact_media_type: i.artifactMediaType,
        region: where.region,
      });
      const counts = i.imageScanFindingsSummary?.findingSeverityCounts;
      // An untagged image is one node keyed by the repository URI, as Cartography keys it.
      for (const tag of i.imageTags?.length ? i.imageTags : [undefined]) {
        const uri = tag ? `${repo.uri}:${tag}` : repo.uri;
        tags.push({
          id: uri,
          uri,
          repo_uri: repo.uri,
          tag,
          image_size_bytes: i.imageSizeInBytes,
          image_pushed_at: unixSeconds(i.imagePushedAt),
          image_manifest_media_type: i.imageManifestMediaType,
          artifact_media_type: i.artifactMediaType,
          last_recorded_pull_time: unixSeconds(i.lastRecordedPullTime),
          scan_status: i.imageScanStatus?.status,
          scan_completed_at: unixSeconds(i.imageScanFindingsSummary?.imageScanCompletedAt),
          critical_findings: counts ? (counts.CRITICAL ?? 0) : undefined,
          high_findings: counts ? (counts.HIGH ?? 0) : undefined,
          medium_findings: counts ? (counts.MEDIUM ?? 0) : undefined,
          low_findings: counts ? (counts.LOW ?? 0) : undefined,
          region: where.region,
          repository: repo.uri,
          image: i.imageDigest,
        });
      }
    }
  }
  return [
    load(ECRRepository, repositories),
    load(ECRImage, [...images.values()]),
    load(ECRRepositoryImage, tags),
  ] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

/** A repository deleted since it was listed is gone; its policy can be refused to the audit role. */
const REPOSITORY_REFUSED = 'an ECR repository request refused; left unknown';

async function policyOf(
  ctx: Ctx,
  ecr: ECRClient,
  repositoryName: string,
): Promise<string | null | undefined> {
  return unlessRefused(
    ctx,
    { message: REPOSITORY_REFUSED, repository: repositoryName, operation: 'GetRepositoryPolicy' },
    async () => {
      try {
        const out = await ctx.call('ecr:GetRepositoryPolicy', () =>
          ecr.send(new GetRepositoryPolicyCommand({ repositoryName }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        );
        return out.policyText ?? null;
      } catch (error) {
        // Most repositories have no policy: an answer, not a refusal.
        if ((error as Error).name === 'RepositoryPolicyNotFoundException') return null;
        throw error;
      }
    },
  );
}

async function detailsOf(ctx: Ctx, ecr: ECRClient, repository: Repository): Promise<RepositoryDetails> {
  const repositoryName = repository.repositoryName ?? '';
  const policy = await policyOf(ctx, ecr, repositoryName);
  const images: ImageDetail[] = [];
  await unlessRefused(
    ctx,
    { message: REPOSITORY_REFUSED, repository: repositoryName, operation: 'DescribeImages' },
    async () => {
      for await (const page of paginate(
        ctx,
        'ecr:DescribeImages',
        (nextToken) =>
          ecr.send(new DescribeImagesCommand({ repositoryName, maxResults: 1000, nextToken }), {
            abortSignal: requestSignal(ctx.signal),
          }),
        (p) => p.nextToken,
      )) {
        images.push(...(page.imageDetails ?? []));
      }
    },
  );
  return { repository, policy, images };
}

async function* ecrPages(ctx: Ctx, ecr: ECRClient): AsyncIterable<EcrPage> {
  const limit = pLimit(4);
  for await (const page of paginate(
    ctx,
    'ecr:DescribeRepositories',
    (nextToken) =>
      ecr.send(new DescribeRepositoriesCommand({ maxResults: 1000, nextToken }), {
        abortSignal: requestSignal(ctx.signal),
      }),
    (p) => p.nextToken,
  )) {
    const repos = (page.repositories ?? []).filter((r) => r.repositoryName);
    yield { repositories: await Promise.all(repos.map((r) => limit(() => detailsOf(ctx, ecr, r)))) };
  }
}

/**
 * ECR repositories of a region with their policy analysis and their images
 * with the scan summary DescribeImages carries (no per-image scan-findings
 * call: the severity counts are in the summary).
 */
export const ecrRepositoriesCollector = defineCollector<AwsScopeContext, EcrPage>({
  name: 'ecr:repositories',
  schemas: [ECRRepository, ECRImage, ECRRepositoryImage],
  fetch: (ctx) => streamWith(ctx.context.clients.ecr(ctx.context.region), (ecr) => ecrPages(ctx, ecr)),
  transform: (page, ctx) => transformRepositories(page, ctx.context),
});
