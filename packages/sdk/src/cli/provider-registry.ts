import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { awsOptions } from '@skygraph/aws/options';
import type { ConfigOf, OptionSpec, Provider } from '@skygraph/core';
import { gcpOptions } from '@skygraph/gcp/options';
import { gsuiteOptions } from '@skygraph/gsuite/options';

/** What the `collect` command needs to know about a provider. */
export interface ProviderEntry {
  readonly name: 'aws' | 'gcp' | 'gsuite';
  readonly options: Record<string, OptionSpec>;
  /**
   * Null when credentials were found; otherwise what the user must set, in
   * words they can act on. (Credentials from instance metadata cannot be seen
   * from here: naming the provider in --providers runs it anyway.)
   */
  missingCredentials(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | null;
  create(config: Record<string, unknown>, env: NodeJS.ProcessEnv): Provider | Promise<Provider>;
}

type AwsSettings = ConfigOf<typeof awsOptions>;
type GcpSettings = ConfigOf<typeof gcpOptions>;
type GsuiteSettings = ConfigOf<typeof gsuiteOptions>;

const home = (env: NodeJS.ProcessEnv) => env.HOME ?? homedir();

function awsMissing(_config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | null {
  const found =
    env.AWS_ACCESS_KEY_ID ||
    env.AWS_PROFILE ||
    env.AWS_WEB_IDENTITY_TOKEN_FILE ||
    env.AWS_CONTAINER_CREDENTIALS_RELATIVE_URI ||
    env.AWS_CONTAINER_CREDENTIALS_FULL_URI ||
    existsSync(env.AWS_SHARED_CREDENTIALS_FILE ?? join(home(env), '.aws', 'credentials')) ||
    existsSync(env.AWS_CONFIG_FILE ?? join(home(env), '.aws', 'config'));
  return found
    ? null
    : 'no AWS credentials: set AWS_PROFILE (shared config/SSO), AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, or a web identity (AWS_WEB_IDENTITY_TOKEN_FILE + AWS_ROLE_ARN); on EC2/ECS with an instance or task role, pass --providers aws';
}

function googleTokenSet(config: Record<string, unknown>, env: NodeJS.ProcessEnv): boolean {
  const name = config.googleAccessTokenEnvVar;
  return typeof name === 'string' && Boolean(env[name]);
}

function adcFound(env: NodeJS.ProcessEnv): boolean {
  return Boolean(
    env.GOOGLE_APPLICATION_CREDENTIALS ||
      existsSync(
        join(
          env.CLOUDSDK_CONFIG ?? join(home(env), '.config', 'gcloud'),
          'application_default_credentials.json',
        ),
      ),
  );
}

function gcpMissing(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | null {
  if (googleTokenSet(config, env) || adcFound(env)) return null;
  if (typeof config.googleAccessTokenEnvVar === 'string') {
    return '--google-access-token-env-var names an environment variable that is not set';
  }
  return 'no Google credentials: set GOOGLE_APPLICATION_CREDENTIALS to a service-account key file (or run `gcloud auth application-default login`), or pass --google-access-token-env-var <NAME>; on GCE/GKE with workload identity, pass --providers gcp';
}

function gsuiteMissing(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | null {
  const auth = config.gsuiteAuth;
  const credentialsVar = config.gsuiteCredentialsEnvVar;
  if ((auth === 'delegated' || auth === 'oauth') && typeof credentialsVar === 'string') {
    if (!env[credentialsVar])
      return '--gsuite-credentials-env-var names an environment variable that is not set';
    if (auth === 'delegated' && !config.gsuiteAdminEmail)
      return '--gsuite-auth delegated needs --gsuite-admin-email <admin@yourdomain> (the user to impersonate)';
    return null;
  }
  if (googleTokenSet(config, env)) return null;
  if (auth === 'default' && adcFound(env)) return null;
  // Delegated auth falls back to the GOOGLE_APPLICATION_CREDENTIALS key file.
  if (auth === 'delegated' && env.GOOGLE_APPLICATION_CREDENTIALS && config.gsuiteAdminEmail) return null;
  return 'no Workspace credentials: pass --gsuite-auth delegated --gsuite-credentials-env-var <NAME> (service-account JSON with domain-wide delegation) --gsuite-admin-email <admin>, or --gsuite-auth oauth with a refresh-token JSON in that variable';
}

/**
 * Every provider the `collect` command can run, in the order they are listed.
 * A provider's collectors and cloud clients load only when it runs: `--help`,
 * flag checks and the other providers' runs never pay for them.
 */
export const PROVIDERS: readonly ProviderEntry[] = [
  {
    name: 'aws',
    options: awsOptions,
    missingCredentials: awsMissing,
    create: async (config, env) =>
      (await import('@skygraph/aws')).createAwsProvider(config as AwsSettings, { env }),
  },
  {
    name: 'gcp',
    options: gcpOptions,
    missingCredentials: gcpMissing,
    create: async (config, env) =>
      (await import('@skygraph/gcp')).createGcpProvider(config as GcpSettings, { env }),
  },
  {
    name: 'gsuite',
    options: gsuiteOptions,
    missingCredentials: gsuiteMissing,
    create: async (config, env) => {
      const { createGsuiteProvider } = await import('@skygraph/gsuite');
      const tokenVar = config.googleAccessTokenEnvVar;
      const accessToken = typeof tokenVar === 'string' ? env[tokenVar] : undefined;
      return createGsuiteProvider(config as GsuiteSettings, { env, ...(accessToken ? { accessToken } : {}) });
    },
  },
];
