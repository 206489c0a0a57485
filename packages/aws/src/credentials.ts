import type { STSClientConfig } from '@aws-sdk/client-sts';
import { fromIni, fromNodeProviderChain, fromTemporaryCredentials } from '@aws-sdk/credential-providers';

type CredentialsOption = NonNullable<STSClientConfig['credentials']>;

/** A function that resolves (and refreshes) AWS credentials, as the SDK clients take them. */
export type AwsCredentialIdentityProvider = Extract<CredentialsOption, (...args: never[]) => unknown>;

/** Resolved AWS credentials. */
export type AwsCredentialIdentity = Awaited<ReturnType<AwsCredentialIdentityProvider>>;

/** The hub's credentials: the standard chain (environment, SSO, shared files, container, instance metadata). */
export function hubCredentials(): SharedCredentials {
  return shareCredentials(fromNodeProviderChain());
}

/** The credentials of one profile of the shared AWS config files (at the paths `env` names, if any). */
export function profileCredentials(profile: string, env: NodeJS.ProcessEnv = {}): SharedCredentials {
  return shareCredentials(
    fromIni({
      profile,
      ...(env.AWS_SHARED_CREDENTIALS_FILE ? { filepath: env.AWS_SHARED_CREDENTIALS_FILE } : {}),
      ...(env.AWS_CONFIG_FILE ? { configFilepath: env.AWS_CONFIG_FILE } : {}),
    }),
  );
}

export interface SpokeRole {
  accountId: string;
  roleName: string;
  sessionName: string;
  durationSeconds: number;
  externalId?: string;
}

/**
 * Credentials of the audit role in a spoke account, assumed with the hub's
 * credentials. The provider caches the session and assumes the role again
 * shortly before it expires, so long syncs never run on stale keys.
 */
export function spokeCredentials(
  hub: AwsCredentialIdentityProvider,
  role: SpokeRole,
  stsConfig: { region: string; endpoint?: string },
): SharedCredentials {
  const assume = fromTemporaryCredentials({
    masterCredentials: hub,
    params: {
      RoleArn: `arn:aws:iam::${role.accountId}:role/${role.roleName}`,
      RoleSessionName: role.sessionName,
      DurationSeconds: role.durationSeconds,
      ...(role.externalId ? { ExternalId: role.externalId } : {}),
    },
    clientConfig: {
      region: stsConfig.region,
      ...(stsConfig.endpoint ? { endpoint: stsConfig.endpoint } : {}),
      // The runner retries the request that needed the credentials.
      maxAttempts: 1,
      requestHandler: { connectionTimeout: 10_000, requestTimeout: 120_000, throwOnRequestTimeout: true },
    },
  });
  return shareCredentials(assume);
}

/**
 * Shares one set of credentials between every client of an account and
 * renews it `refreshMs` before it expires. SDK clients memoize per client
 * instance; collectors create short-lived clients, so without this each one
 * would assume the role again.
 */
export function shareCredentials(
  provider: AwsCredentialIdentityProvider,
  refreshMs = 5 * 60_000,
): SharedCredentials {
  let current: Promise<AwsCredentialIdentity> | undefined;
  let held: AwsCredentialIdentity | undefined;
  let expiresAt = Number.POSITIVE_INFINITY;
  const shared = (): Promise<AwsCredentialIdentity> => {
    if (current === undefined || Date.now() >= expiresAt - refreshMs) {
      const pending = provider();
      current = pending;
      held = undefined;
      expiresAt = Number.POSITIVE_INFINITY;
      pending.then(
        (credentials) => {
          if (current !== pending) return;
          held = credentials;
          expiresAt = credentials.expiration?.getTime() ?? Number.POSITIVE_INFINITY;
        },
        () => {
          // A failure is not cached: the next request tries again.
          if (current === pending) current = undefined;
        },
      );
    }
    return current;
  };
  return Object.assign(shared as AwsCredentialIdentityProvider, {
    // This cache renews before expiry itself; the flag (the SDK's own, on what it
    // memoizes) keeps each client from caching again, so `expire()` reaches a
    // client already paging.
    memoized: true,
    expire(used: AwsCredentialIdentity) {
      // Only the keys that were refused: requests refused together renew once.
      if (held !== undefined && held.accessKeyId === used.accessKeyId) current = undefined;
    },
  });
}

/**
 * Shared credentials that can be told the service refused them as expired
 * (`ExpiredToken`): the next request gets fresh ones, e.g. assumes the role
 * again, even if their stated expiration is still ahead (a revoked session, a
 * skewed clock).
 */
export type SharedCredentials = AwsCredentialIdentityProvider & {
  expire(used: AwsCredentialIdentity): void;
};
