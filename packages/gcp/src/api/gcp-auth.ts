import { ConfigError } from '@skygraph/core';
import { type AuthClient, GoogleAuth, OAuth2Client } from 'google-auth-library';
import type { GcpAuth } from './gcp-clients.ts';

/** Read-only access to every Cloud API the provider calls. */
export const GCP_SCOPES = ['https://www.googleapis.com/auth/cloud-platform.read-only'];

/**
 * The credentials of the GCP provider: a given auth client, else a
 * pre-issued access token read from the named environment variable, else
 * Application Default Credentials (GOOGLE_APPLICATION_CREDENTIALS, gcloud,
 * the metadata server).
 */
export function resolveGcpAuth(options: {
  authClient?: AuthClient | undefined;
  accessTokenEnvVar?: string | undefined;
  env: NodeJS.ProcessEnv;
}): GcpAuth {
  if (options.authClient) return { kind: 'client', client: options.authClient };
  if (options.accessTokenEnvVar) {
    const token = options.env[options.accessTokenEnvVar];
    if (!token) {
      throw new ConfigError(
        '--google-access-token-env-var: the environment variable it names is empty or not set; export the access token there (e.g. the output of `gcloud auth print-access-token`)',
      );
    }
    return { kind: 'client', client: accessTokenClient(token) };
  }
  return { kind: 'adc', auth: new GoogleAuth({ scopes: GCP_SCOPES }) };
}

/** An auth client that presents a fixed, pre-issued access token. */
export function accessTokenClient(token: string): OAuth2Client {
  const client = new OAuth2Client();
  client.setCredentials({ access_token: token.trim() });
  return client;
}
