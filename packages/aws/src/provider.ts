import { ConfigError, type Provider, packageVersion } from '@skygraph/core';
import { awsAnalysisJobs } from './analysis/index.ts';
import { awsMigrations } from './analysis/migrations.ts';
import { classifyAwsError } from './classify-error.ts';
import { type AwsCredentialIdentityProvider, hubCredentials, shareCredentials } from './credentials.ts';
import type { AwsConfig } from './options.ts';
import { planAws } from './plan.ts';
import { awsSchemas } from './schema/index.ts';

/** This package's version, written on what it loads as `_module_version`. */
const VERSION = packageVersion(import.meta.url);

export interface AwsProviderOptions {
  /** The hub's credentials (default: the SDK's standard chain). */
  credentials?: AwsCredentialIdentityProvider;
  /** One endpoint for every AWS API (overrides --aws-endpoint). */
  endpoint?: string;
  /** Where environment variables are read (the external id, AWS_REGION, shared config paths); default process.env. */
  env?: NodeJS.ProcessEnv;
  /** How long one AWS request may take before it is abandoned and retried (default 120 s). */
  requestTimeoutMs?: number;
}

/**
 * The AWS provider: discovers accounts (organisation, profiles or a list),
 * assumes the audit role in each spoke from the hub, finds each account's
 * regions, and plans an organisation scope, a global scope per account (IAM,
 * S3) and a scope per account and region (EC2, ELB, RDS).
 *
 * @example
 * const config = resolveConfig(awsOptions, { env: process.env });
 * const result = await sync({ store, providers: [createAwsProvider(config)] });
 */
export function createAwsProvider(config: AwsConfig, options: AwsProviderOptions = {}): Provider {
  const env = options.env ?? process.env;
  if (config.awsDiscovery === 'accounts' && config.awsAccounts.length === 0) {
    throw new ConfigError('--aws-discovery accounts needs the accounts to sync: --aws-accounts <ids>');
  }
  if (
    config.awsDiscovery !== 'organizations' &&
    (config.awsIncludeOus.length > 0 || config.awsExcludeOus.length > 0)
  ) {
    throw new ConfigError('--aws-include-ous and --aws-exclude-ous need --aws-discovery organizations');
  }
  let externalId: string | undefined;
  if (config.awsExternalIdEnvVar) {
    externalId = env[config.awsExternalIdEnvVar];
    if (!externalId) {
      throw new ConfigError(
        '--aws-external-id-env-var: the environment variable it names is not set (it must hold the external id the spoke roles require)',
      );
    }
  }
  const endpoint = options.endpoint ?? config.awsEndpoint;
  // Virtual-hosted bucket addresses need DNS an endpoint override rarely has. The SDK
  // reads its endpoint variables from the process environment, so look there too.
  const forcePathStyle = [env, process.env].some((vars) =>
    Boolean(endpoint || vars.AWS_ENDPOINT_URL || vars.AWS_ENDPOINT_URL_S3),
  );
  // S3 Control's endpoint rules put the account id in front of any endpoint's host, an override's too.
  const s3ControlEndpoint =
    endpoint ??
    [env, process.env].map((vars) => vars.AWS_ENDPOINT_URL_S3_CONTROL || vars.AWS_ENDPOINT_URL).find(Boolean);
  let hub = options.credentials ? shareCredentials(options.credentials) : undefined;
  return {
    name: 'aws',
    version: VERSION,
    schemas: awsSchemas,
    classifyError: classifyAwsError,
    concurrency: config.awsConcurrency,
    analysis: awsAnalysisJobs,
    migrations: awsMigrations,
    plan(ctx) {
      hub ??= hubCredentials();
      return planAws(ctx, {
        config,
        hubCredentials: hub,
        client: {
          ...(endpoint ? { endpoint } : {}),
          ...(s3ControlEndpoint ? { s3ControlEndpoint } : {}),
          forcePathStyle,
          ...(options.requestTimeoutMs ? { requestTimeoutMs: options.requestTimeoutMs } : {}),
        },
        homeRegion: env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1',
        externalId,
        env,
      });
    },
  };
}
