import { readFileSync } from 'node:fs';
import { ConfigError } from '@skygraph/core';
import { type AuthClient, GoogleAuth, JWT, OAuth2Client } from 'google-auth-library';
import type { GsuiteConfig } from '../options.ts';

/** The read-only Admin SDK scopes the provider asks for (and domain-wide delegation must grant). */
export const DIRECTORY_SCOPES = [
  'https://www.googleapis.com/auth/admin.directory.user.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.readonly',
  'https://www.googleapis.com/auth/admin.directory.group.member.readonly',
];

/** What the Admin SDK client authenticates with. */
export type DirectoryAuth = AuthClient | GoogleAuth;

/**
 * The credentials of the Workspace provider: a given auth client or access
 * token first, else the configured mode. Throws a ConfigError naming the
 * setting to fix when something is missing.
 */
export function resolveDirectoryAuth(
  config: GsuiteConfig,
  options: { authClient?: AuthClient | undefined; accessToken?: string | undefined; env: NodeJS.ProcessEnv },
): DirectoryAuth {
  if (options.authClient) return options.authClient;
  if (options.accessToken) {
    const client = new OAuth2Client();
    client.setCredentials({ access_token: options.accessToken.trim() });
    return client;
  }
  switch (config.gsuiteAuth) {
    case 'default':
      return new GoogleAuth({ scopes: DIRECTORY_SCOPES });
    case 'oauth':
      return oauthClient(readCredentials(config, options.env, 'oauth'));
    default:
      return delegatedClient(config, readCredentials(config, options.env, 'delegated'));
  }
}

function readCredentials(
  config: GsuiteConfig,
  env: NodeJS.ProcessEnv,
  mode: string,
): Record<string, unknown> {
  const name = config.gsuiteCredentialsEnvVar;
  let text: string | undefined;
  let source: string;
  if (name) {
    text = env[name];
    source = 'the environment variable --gsuite-credentials-env-var names';
    if (!text) {
      throw new ConfigError(
        `--gsuite-credentials-env-var: the environment variable it names is empty or not set; put the ${mode} credentials JSON there`,
      );
    }
  } else {
    const file = env.GOOGLE_APPLICATION_CREDENTIALS;
    if (mode !== 'delegated' || !file) {
      throw new ConfigError(
        `--gsuite-auth ${mode} needs credentials: set --gsuite-credentials-env-var to the name of a variable holding the JSON${mode === 'delegated' ? ' (or GOOGLE_APPLICATION_CREDENTIALS to a service-account key file)' : ''}`,
      );
    }
    source = `GOOGLE_APPLICATION_CREDENTIALS (${file})`;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new ConfigError(`cannot read ${source}: ${(error as Error).message}`, { cause: error });
    }
  }
  try {
    const parsed = JSON.parse(text) as unknown;
    if (parsed && typeof parsed === 'object') return parsed as Record<string, unknown>;
  } catch {
    // reported below, without echoing the secret
  }
  throw new ConfigError(`${source} does not hold a JSON object of ${mode} credentials`);
}

function delegatedClient(config: GsuiteConfig, json: Record<string, unknown>): JWT {
  if (!config.gsuiteAdminEmail) {
    throw new ConfigError(
      '--gsuite-admin-email is required with --gsuite-auth delegated: the Workspace administrator the service account acts as',
    );
  }
  if (typeof json.client_email !== 'string' || typeof json.private_key !== 'string') {
    throw new ConfigError(
      'delegated credentials must be a service-account key (JSON with client_email and private_key)',
    );
  }
  return new JWT({
    email: json.client_email,
    key: json.private_key,
    scopes: DIRECTORY_SCOPES,
    subject: config.gsuiteAdminEmail,
  });
}

function oauthClient(json: Record<string, unknown>): OAuth2Client {
  // Accept the gcloud "authorized_user" file as well as a client JSON with a refresh token.
  const inner = (json.installed ?? json.web ?? json) as Record<string, unknown>;
  const clientId = inner.client_id;
  const clientSecret = inner.client_secret;
  const refreshToken = json.refresh_token ?? inner.refresh_token;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof refreshToken !== 'string') {
    throw new ConfigError('oauth credentials must hold client_id, client_secret and refresh_token');
  }
  const client = new OAuth2Client({ clientId, clientSecret });
  client.setCredentials({ refresh_token: refreshToken });
  return client;
}
