export { AwsApiError } from './api-error.ts';
export { AWS_REGIONS } from './aws-regions.ts';
export { accountById, makeBucketPublic, openToWorld, regionResources } from './estate-helpers.ts';
export type * from './estate-route53-types.ts';
export type * from './estate-types.ts';
export { S3_ALL_USERS, S3_AUTHENTICATED_USERS, S3_LOG_DELIVERY } from './estate-types.ts';
export type { FaultKind, FaultRule } from './faults.ts';
export {
  type AddAccountOptions,
  type AwsEstateScale,
  addGeneratedAccount,
  type GenerateAwsEstateOptions,
  generateAwsEstate,
} from './generate-estate.ts';
export { AWS_POLICY } from './generate-iam.ts';
export type { AwsResourceCounts } from './generate-region.ts';
export type { HubCredentials } from './identities.ts';
export type { AwsServiceName } from './request-context.ts';
export {
  type AwsEmulator,
  type AwsEmulatorOptions,
  type AwsEmulatorStats,
  startAwsEmulator,
} from './server.ts';
