import { AwsApiError } from './api-error.ts';
import type { AwsEcrImage, AwsEcrRepository } from './estate-container-types.ts';
import { epochSeconds, jsonStrings, requiredString, tokenPage } from './json-list.ts';
import { jsonResponse } from './protocols.ts';
import { type RequestContext, regionOf } from './request-context.ts';
import type { EmulatedService } from './services.ts';

type Json = Record<string, unknown>;

export const ECR_OPERATIONS: readonly string[] = [
  'DescribeRepositories',
  'GetRepositoryPolicy',
  'DescribeImages',
  'ListImages',
];

const MANIFEST = 'application/vnd.docker.distribution.manifest.v2+json';
const CONFIG = 'application/vnd.docker.container.image.v1+json';

function repositories(ctx: RequestContext): AwsEcrRepository[] {
  return regionOf(ctx)?.ecrRepositories ?? [];
}

/** The repository a request names; a `registryId` of another account names none of the caller's. */
function repositoryOf(ctx: RequestContext, input: Json): AwsEcrRepository {
  const name = requiredString(input, 'repositoryName');
  const registry = typeof input.registryId === 'string' ? input.registryId : ctx.account.id;
  const repo =
    registry === ctx.account.id ? repositories(ctx).find((r) => r.repositoryName === name) : undefined;
  if (!repo) {
    throw new AwsApiError(
      'RepositoryNotFoundException',
      `The repository with name '${name}' does not exist in the registry with id '${registry}'`,
    );
  }
  return repo;
}

function renderRepository(ctx: RequestContext, r: AwsEcrRepository): Json {
  return {
    repositoryArn: `arn:aws:ecr:${ctx.region}:${ctx.account.id}:repository/${r.repositoryName}`,
    registryId: ctx.account.id,
    repositoryName: r.repositoryName,
    repositoryUri: `${ctx.account.id}.dkr.ecr.${ctx.region}.amazonaws.com/${r.repositoryName}`,
    createdAt: epochSeconds(r.createdAt),
    imageTagMutability: r.imageTagMutability,
    imageScanningConfiguration: { scanOnPush: r.scanOnPush },
    encryptionConfiguration: { encryptionType: r.encryptionType, ...(r.kmsKey ? { kmsKey: r.kmsKey } : {}) },
  };
}

function renderImage(ctx: RequestContext, r: AwsEcrRepository, i: AwsEcrImage): Json {
  return {
    registryId: ctx.account.id,
    repositoryName: r.repositoryName,
    imageDigest: i.imageDigest,
    ...(i.imageTags.length > 0 ? { imageTags: i.imageTags } : {}),
    imageSizeInBytes: i.imageSizeInBytes,
    imagePushedAt: epochSeconds(i.imagePushedAt),
    ...(i.scan
      ? {
          imageScanStatus: {
            status: i.scan.status,
            description:
              i.scan.status === 'COMPLETE' ? 'The scan was completed successfully.' : 'The scan failed.',
          },
          imageScanFindingsSummary: {
            imageScanCompletedAt: epochSeconds(i.scan.completedAt),
            vulnerabilitySourceUpdatedAt: epochSeconds(i.scan.completedAt),
            findingSeverityCounts: i.scan.findingSeverityCounts,
          },
        }
      : {}),
    imageManifestMediaType: MANIFEST,
    artifactMediaType: CONFIG,
    ...(i.lastRecordedPullTime ? { lastRecordedPullTime: epochSeconds(i.lastRecordedPullTime) } : {}),
  };
}

/** The images a request names by `imageIds` (all of them when it names none). */
function imagesOf(r: AwsEcrRepository, input: Json): AwsEcrImage[] {
  const ids = Array.isArray(input.imageIds) ? (input.imageIds as Json[]) : [];
  if (ids.length === 0) return r.images;
  return r.images.filter((i) =>
    ids.some(
      (id) =>
        id.imageDigest === i.imageDigest ||
        (typeof id.imageTag === 'string' && i.imageTags.includes(id.imageTag)),
    ),
  );
}

/** The ECR operations the collectors call (JSON 1.1, `AmazonEC2ContainerRegistry_V20150921.<Operation>`). */
export function handleEcr(ctx: RequestContext): Json {
  const input = ctx.json ?? {};
  switch (ctx.operation) {
    case 'DescribeRepositories': {
      const names = jsonStrings(input, 'repositoryNames');
      let items = repositories(ctx);
      if (names.length > 0) {
        // Named repositories cannot be paged, and every name must exist.
        items = names.map((name) => repositoryOf(ctx, { repositoryName: name }));
      }
      const page = tokenPage(ctx, input, items, { max: 1000, fallback: 100 });
      return {
        repositories: page.items.map((r) => renderRepository(ctx, r)),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    }
    case 'GetRepositoryPolicy': {
      const r = repositoryOf(ctx, input);
      if (!r.policy) {
        throw new AwsApiError(
          'RepositoryPolicyNotFoundException',
          `Repository policy does not exist for the repository with name '${r.repositoryName}' in the registry with id '${ctx.account.id}'`,
        );
      }
      return {
        registryId: ctx.account.id,
        repositoryName: r.repositoryName,
        policyText: JSON.stringify(r.policy),
      };
    }
    case 'DescribeImages': {
      const r = repositoryOf(ctx, input);
      const page = tokenPage(ctx, input, imagesOf(r, input), { max: 1000, fallback: 100 });
      return {
        imageDetails: page.items.map((i) => renderImage(ctx, r, i)),
        ...(page.nextToken ? { nextToken: page.nextToken } : {}),
      };
    }
    case 'ListImages': {
      const r = repositoryOf(ctx, input);
      // One entry per tag (an untagged image once, by digest alone).
      const ids = r.images.flatMap((i) =>
        i.imageTags.length > 0
          ? i.imageTags.map((imageTag) => ({ imageDigest: i.imageDigest, imageTag }))
          : [{ imageDigest: i.imageDigest }],
      );
      const page = tokenPage(ctx, input, ids, { max: 1000, fallback: 100 });
      return { imageIds: page.items, ...(page.nextToken ? { nextToken: page.nextToken } : {}) };
    }
    default:
      throw new AwsApiError('UnknownOperationException', `Unknown operation ${ctx.operation}`);
  }
}

/** ECR in the emulator's service registry. */
export const ecrService: EmulatedService = {
  name: 'ecr',
  signingName: 'ecr',
  protocol: 'json',
  errors: { internal: ['ServerException', 500] },
  handle: (ctx) => jsonResponse(handleEcr(ctx), ctx.requestId),
};
