import { createCatalogue } from './catalogue.ts';
import type { CatalogueQuery } from './define-query.ts';
import { awsCloudTrailQueries } from './queries/aws-cloudtrail-queries.ts';
import { awsComputeQueries } from './queries/aws-compute-queries.ts';
import { awsDataQueries } from './queries/aws-data-queries.ts';
import { awsIamQueries } from './queries/aws-iam-queries.ts';
import { awsKmsQueries } from './queries/aws-kms-queries.ts';
import { awsNetworkQueries } from './queries/aws-network-queries.ts';
import { awsOrganizationQueries } from './queries/aws-organization-queries.ts';
import { awsSecretsManagerQueries } from './queries/aws-secrets-manager-queries.ts';
import { gcpQueries } from './queries/gcp-queries.ts';
import { gsuiteQueries } from './queries/gsuite-queries.ts';

/** Every query skygraph ships, in catalogue order (by provider, then group). */
export const builtinQueries: readonly CatalogueQuery[] = [
  ...awsIamQueries,
  ...awsOrganizationQueries,
  ...awsComputeQueries,
  ...awsDataQueries,
  ...awsKmsQueries,
  ...awsSecretsManagerQueries,
  ...awsCloudTrailQueries,
  ...awsNetworkQueries,
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
