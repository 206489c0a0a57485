/**
 * The AWS provider of skygraph: account discovery, hub-and-spoke credentials,
 * collectors for Organizations, EC2, ELB, RDS, IAM and S3, and the analysis
 * jobs (internet exposure, role assumption). Schemas: `@skygraph/aws/schema`.
 */
export { awsAnalysisJobs } from './analysis/index.ts';
export { classifyAwsError } from './classify-error.ts';
export type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from './credentials.ts';
export {
  AWS_DISCOVERY,
  AWS_SERVICES,
  type AwsConfig,
  type AwsDiscovery,
  type AwsService,
  awsOptions,
} from './options.ts';
export { type AwsProviderOptions, createAwsProvider } from './provider.ts';
export { awsSchemas } from './schema/index.ts';
