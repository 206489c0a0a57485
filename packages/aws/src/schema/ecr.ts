import { defineNode, defineRel, refOf } from '@skygraph/core';
import { AWSAccount } from './organization.ts';

/**
 * An image manifest in ECR, keyed by its digest as Cartography keys it: the
 * same image pushed to several repositories (or accounts) is one node, which
 * ECS containers running it point at (HAS_IMAGE). skygraph writes single
 * images (`type` = `image`); manifest lists are not expanded.
 */
export const ECRImage = defineNode({
  label: 'AWSECRImage',
  extraLabels: ['Image'],
  legacyLabels: ['ECRImage'],
  key: 'id',
  properties: {
    id: 'string',
    digest: 'string',
    /** `image`, `manifest_list` or `attestation`. */
    type: 'string?',
    media_type: 'string?',
    artifact_media_type: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description: 'An ECR image, keyed by its digest (ECR DescribeImages).',
});

/**
 * An ECR repository, keyed by its ARN. Beside Cartography's properties it
 * carries its settings (tag mutability, scan on push, encryption) and the
 * analysis of its repository policy: `anonymous_access` when anyone may act
 * on it, `cross_account_principals` for principals of other accounts.
 */
export const ECRRepository = defineNode({
  label: 'AWSECRRepository',
  extraLabels: ['ContainerRegistry'],
  legacyLabels: ['ECRRepository'],
  key: 'id',
  properties: {
    id: 'string',
    arn: 'string',
    name: 'string',
    uri: 'string',
    created_at: 'number?',
    /** `MUTABLE` or `IMMUTABLE` (and their `_WITH_EXCLUSION` forms). */
    image_tag_mutability: 'string?',
    scan_on_push: 'boolean?',
    /** `AES256`, `KMS` or `KMS_DSSE`. */
    encryption_type: 'string?',
    /** The KMS key ARN of a `KMS` repository. */
    kms_key: 'string?',
    /** Whether it has a repository policy; unset when GetRepositoryPolicy was refused. */
    has_policy: 'boolean?',
    anonymous_access: 'boolean?',
    anonymous_actions: 'string[]?',
    cross_account_principals: 'string[]?',
    /** The repository policy as JSON. */
    policy: 'string?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  description:
    'An ECR repository with its settings and repository policy analysis (ECR DescribeRepositories, GetRepositoryPolicy).',
});

/**
 * A tag of an image in a repository (`<repository uri>:<tag>`; an untagged
 * image is keyed by the repository URI alone, as Cartography does). The
 * `*_findings` counts come from the image's basic scan summary.
 */
export const ECRRepositoryImage = defineNode({
  label: 'AWSECRRepositoryImage',
  extraLabels: ['ImageTag'],
  legacyLabels: ['ECRRepositoryImage'],
  key: 'id',
  properties: {
    id: 'string',
    uri: 'string',
    repo_uri: 'string',
    tag: 'string?',
    image_size_bytes: 'number?',
    image_pushed_at: 'number?',
    image_manifest_media_type: 'string?',
    artifact_media_type: 'string?',
    last_recorded_pull_time: 'number?',
    /** The image's scan status (`COMPLETE`, `FAILED`, `IN_PROGRESS`, ...); unset when never scanned. */
    scan_status: 'string?',
    scan_completed_at: 'number?',
    critical_findings: 'number?',
    high_findings: 'number?',
    medium_findings: 'number?',
    low_findings: 'number?',
    region: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    repository: defineRel('REPO_IMAGE', refOf(ECRRepository, 'uri'), {
      direction: 'in',
      sameScope: true,
      description: 'the repository the tag is in',
    }),
    image: defineRel('IMAGE', refOf(ECRImage), { description: 'the image (by digest) the tag names' }),
  },
  description: 'A tag of an image in an ECR repository, with its scan summary (ECR DescribeImages).',
});
