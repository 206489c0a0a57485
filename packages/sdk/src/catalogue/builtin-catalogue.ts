import { createCatalogue } from './catalogue.ts';
import type { CatalogueQuery } from './define-query.ts';
import { awsAccountSettingsQueries } from './queries/aws-account-settings-queries.ts';
import { awsAutoScalingQueries } from './queries/aws-autoscaling-queries.ts';
import { awsCloudTrailQueries } from './queries/aws-cloudtrail-queries.ts';
import { awsComputeQueries } from './queries/aws-compute-queries.ts';
import { awsDataQueries } from './queries/aws-data-queries.ts';
import { awsDynamoDbQueries } from './queries/aws-dynamodb-queries.ts';
import { awsEcrQueries } from './queries/aws-ecr-queries.ts';
import { awsEcsQueries } from './queries/aws-ecs-queries.ts';
import { awsEksQueries } from './queries/aws-eks-queries.ts';
import { awsGuardDutyQueries } from './queries/aws-guardduty-queries.ts';
import { awsIamQueries } from './queries/aws-iam-queries.ts';
import { awsIdentityCenterQueries } from './queries/aws-identity-center-queries.ts';
import { awsKmsQueries } from './queries/aws-kms-queries.ts';
import { awsLambdaQueries } from './queries/aws-lambda-queries.ts';
import { awsMessagingQueries } from './queries/aws-messaging-queries.ts';
import { awsNetworkQueries } from './queries/aws-network-queries.ts';
import { awsOrganizationQueries } from './queries/aws-organization-queries.ts';
import { awsRoute53Queries } from './queries/aws-route53-queries.ts';
import { awsSecretsManagerQueries } from './queries/aws-secrets-manager-queries.ts';
import { awsSnapshotQueries } from './queries/aws-snapshot-queries.ts';
import { awsSsmQueries } from './queries/aws-ssm-queries.ts';
import { gcpQueries } from './queries/gcp-queries.ts';
import { gsuiteQueries } from './queries/gsuite-queries.ts';

/** Every query skygraph ships, in catalogue order (by provider, then group). */
export const builtinQueries: readonly CatalogueQuery[] = [
  ...awsIamQueries,
  ...awsIdentityCenterQueries,
  ...awsOrganizationQueries,
  ...awsComputeQueries,
  ...awsDataQueries,
  ...awsSnapshotQueries,
  ...awsAutoScalingQueries,
  ...awsAccountSettingsQueries,
  ...awsKmsQueries,
  ...awsLambdaQueries,
  ...awsEksQueries,
  ...awsEcsQueries,
  ...awsEcrQueries,
  ...awsDynamoDbQueries,
  ...awsMessagingQueries,
  ...awsSsmQueries,
  ...awsSecretsManagerQueries,
  ...awsCloudTrailQueries,
  ...awsGuardDutyQueries,
  ...awsNetworkQueries,
  ...awsRoute53Queries,
  ...gcpQueries,
  ...gsuiteQueries,
];

/**
 * The built-in catalogue: inventory, security, networking and
 * misconfiguration queries for AWS, GCP and Google Workspace, over the
 * Cartography-compatible graph.
 *
 * @example
 * builtinCatalogue.select({ tags: { allOf: ['aws', 'security'] }, minSeverity: 'high' });
 */
export const builtinCatalogue = createCatalogue(builtinQueries);
