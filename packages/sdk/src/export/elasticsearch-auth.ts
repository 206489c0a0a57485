import { readFileSync } from 'node:fs';
import { ConfigError } from '@skygraph/core';

/** Credentials for Elasticsearch: an API key, or a user and password. */
export type ElasticsearchAuth =
  | { readonly apiKey: string }
  | { readonly username: string; readonly password: string };

export interface ElasticsearchAuthSettings {
  /** Name of the environment variable holding an API key (the encoded `id:key` form). */
  readonly apiKeyEnvVar?: string | undefined;
  readonly username?: string | undefined;
  /** Name of the environment variable holding the password for `username`. */
  readonly passwordEnvVar?: string | undefined;
}

/**
 * Reads Elasticsearch credentials from the environment variables the
 * settings name; none set means no authentication. Errors name the
 * variable, never a value.
 */
export function elasticsearchAuthFromEnv(
  settings: ElasticsearchAuthSettings,
  env: NodeJS.ProcessEnv = process.env,
): ElasticsearchAuth | undefined {
  if (settings.apiKeyEnvVar && (settings.username || settings.passwordEnvVar)) {
    throw new ConfigError(
      '--es-api-key-env-var and --es-username/--es-password-env-var exclude each other: pick one',
    );
  }
  if (settings.apiKeyEnvVar) {
    const apiKey = env[settings.apiKeyEnvVar];
    if (!apiKey) throw new ConfigError('--es-api-key-env-var: the environment variable it names is not set');
    return { apiKey };
  }
  if (settings.username || settings.passwordEnvVar) {
    if (!settings.username || !settings.passwordEnvVar) {
      throw new ConfigError('--es-username and --es-password-env-var go together');
    }
    const password = env[settings.passwordEnvVar];
    if (!password) {
      throw new ConfigError('--es-password-env-var: the environment variable it names is not set');
    }
    return { username: settings.username, password };
  }
  return undefined;
}

/** Reads a PEM CA bundle for TLS to a cluster with a private CA. */
export function readCaCertificate(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new ConfigError(`--es-ca-cert: cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
}
