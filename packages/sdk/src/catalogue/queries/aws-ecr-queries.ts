import { awsQuery } from './provider-query.ts';

/** ECR repositories: who may pull, and what their images carry. */

const REPOSITORY_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
  repository: 'string',
  repository_arn: 'string',
} as const;

/** Repositories that pass `where` (over `r`), returning the shared columns then `extra`. */
function repositoriesCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSECRRepository)
${where ? `WHERE ${where}\n` : ''}RETURN a.id AS account_id, a.name AS account_name, r.region AS region, r.name AS repository, r.arn AS repository_arn, ${extra}
ORDER BY account_name, region, repository_arn`;
}

export const ecrRepositories = awsQuery({
  name: 'ecr_repositories',
  title: 'ECR repositories',
  group: 'ecr',
  tags: ['inventory', 'list', 'containers'],
  description: 'ECR repositories with their tag mutability, scan on push, encryption and policy exposure',
  cypher: repositoriesCypher(
    '',
    'r.image_tag_mutability AS image_tag_mutability, r.scan_on_push AS scan_on_push, r.encryption_type AS encryption_type, r.anonymous_access AS anonymous_access',
  ),
  columns: {
    ...REPOSITORY_COLUMNS,
    image_tag_mutability: 'string?',
    scan_on_push: 'boolean?',
    encryption_type: 'string?',
    anonymous_access: 'boolean?',
  },
  identity: ['repository_arn'],
});

export const ecrRepositoryPublic = awsQuery({
  name: 'ecr_repository_public',
  title: 'ECR repositories anyone may pull from',
  group: 'ecr',
  tags: ['security', 'containers', 'misconfig'],
  description:
    'ECR repositories whose repository policy allows everyone (Principal "*") without a condition: any AWS account can run the listed actions, pulling the images and what is baked into them',
  severity: 'critical',
  remediation:
    'Replace the "*" principal with the accounts that need the images, or narrow it with aws:PrincipalOrgID; publish public images to ECR Public instead.',
  cypher: repositoriesCypher('r.anonymous_access = true', 'r.anonymous_actions AS anonymous_actions'),
  columns: { ...REPOSITORY_COLUMNS, anonymous_actions: 'string[]?' },
  identity: ['repository_arn'],
});

export const ecrRepositoryCrossAccount = awsQuery({
  name: 'ecr_repository_cross_account',
  title: 'ECR repositories other accounts may use',
  group: 'ecr',
  tags: ['security', 'containers', 'identity'],
  description:
    'ECR repositories whose repository policy allows principals of other AWS accounts; check each is an account you mean to share the images with',
  severity: 'medium',
  remediation:
    'Remove the statements naming accounts that should not pull, or narrow them to the pull actions.',
  cypher: repositoriesCypher(
    'size(r.cross_account_principals) > 0',
    'r.cross_account_principals AS cross_account_principals',
  ),
  columns: { ...REPOSITORY_COLUMNS, cross_account_principals: 'string[]' },
  identity: ['repository_arn'],
});

export const ecrScanOnPushDisabled = awsQuery({
  name: 'ecr_scan_on_push_disabled',
  title: 'ECR repositories that do not scan images on push',
  group: 'ecr',
  tags: ['security', 'containers', 'vulnerability', 'misconfig'],
  description:
    'ECR repositories with basic scan on push turned off: new images are not checked for known vulnerabilities',
  severity: 'low',
  remediation:
    'Turn on scan on push (put-image-scanning-configuration), or enhanced scanning with Amazon Inspector at the registry level.',
  cypher: repositoriesCypher('r.scan_on_push = false', 'r.image_tag_mutability AS image_tag_mutability'),
  columns: { ...REPOSITORY_COLUMNS, image_tag_mutability: 'string?' },
  identity: ['repository_arn'],
});

export const ecrMutableTags = awsQuery({
  name: 'ecr_mutable_tags',
  title: 'ECR repositories with mutable image tags',
  group: 'ecr',
  tags: ['security', 'containers', 'misconfig'],
  description:
    'ECR repositories whose tags can be moved to another image: a pushed tag such as "latest" or "v1.2" can silently change what a deployment runs',
  severity: 'low',
  remediation: 'Set the tag mutability to IMMUTABLE and deploy by digest or by a unique tag per build.',
  cypher: repositoriesCypher(
    `r.image_tag_mutability IN ['MUTABLE', 'MUTABLE_WITH_EXCLUSION']`,
    'r.scan_on_push AS scan_on_push',
  ),
  columns: { ...REPOSITORY_COLUMNS, scan_on_push: 'boolean?' },
  identity: ['repository_arn'],
});

export const ecrImageCriticalFindings = awsQuery({
  name: 'ecr_image_critical_findings',
  title: 'ECR images with critical vulnerabilities',
  group: 'ecr',
  tags: ['security', 'containers', 'vulnerability'],
  description:
    'Tagged ECR images whose latest scan found critical vulnerabilities, with the number of ECS containers running them',
  severity: 'high',
  remediation:
    'Rebuild the image on a patched base image and updated packages, push it, and redeploy the services that run it.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(ri:AWSECRRepositoryImage)
WHERE ri.critical_findings > 0
OPTIONAL MATCH (ri)-[:IMAGE]->(:AWSECRImage)<-[:HAS_IMAGE]-(k:AWSECSContainer)
RETURN a.id AS account_id, a.name AS account_name, ri.region AS region, ri.uri AS image_uri, ri.critical_findings AS critical_findings, ri.high_findings AS high_findings, count(k) AS running_containers
ORDER BY critical_findings DESC, account_name, image_uri`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    image_uri: 'string',
    critical_findings: 'number',
    high_findings: 'number?',
    running_containers: 'number',
  },
  identity: ['image_uri'],
});

export const awsEcrQueries = [
  ecrRepositories,
  ecrRepositoryPublic,
  ecrRepositoryCrossAccount,
  ecrScanOnPushDisabled,
  ecrMutableTags,
  ecrImageCriticalFindings,
] as const;
