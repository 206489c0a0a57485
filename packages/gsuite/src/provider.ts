import { type PlanContext, type Provider, packageVersion, type Scope } from '@skygraph/core';
import type { AuthClient } from 'google-auth-library';
import { admin_directory_v1 } from 'googleapis/build/src/apis/admin/directory_v1.js';
import { type DirectoryAuth, resolveDirectoryAuth } from './api/directory-auth.ts';
import { classifyDirectoryError } from './api/google-error.ts';
import { groupMembersCollector } from './directory/group-members-collector.ts';
import { groupsCollector } from './directory/groups-collector.ts';
import { tenantCollector } from './directory/tenant-collector.ts';
import { usersCollector } from './directory/users-collector.ts';
import type { DirectoryContext } from './directory-context.ts';
import type { GsuiteConfig } from './options.ts';
import { GSuiteGroup, GSuiteGroupNode } from './schema/group.ts';
import { GSuiteTenant } from './schema/tenant.ts';
import { GSuiteUser } from './schema/user.ts';

/** This package's version, written on what it loads as `_module_version`. */
const VERSION = packageVersion(import.meta.url);

/** Everything `createGsuiteProvider` takes besides the validated settings. */
export interface CreateGsuiteProviderOptions {
  /** Credentials to use instead of the configured mode. */
  authClient?: AuthClient;
  /** A pre-issued OAuth access token (what `--google-access-token-env-var` names). */
  accessToken?: string;
  /** Overrides `gsuiteEndpoint`: the Admin SDK root URL. */
  endpoint?: string;
  /** Where credential variables are read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** Groups whose members are listed at once (default 4). */
  memberConcurrency?: number;
  /** How long one Admin SDK request may take before it is abandoned and retried (default 60 s). */
  requestTimeoutMs?: number;
}

/** Directory requests are given up after this long without an answer, then retried. */
const REQUEST_TIMEOUT_MS = 60_000;

const MEMBER_CONCURRENCY = 4;

/**
 * The Google Workspace provider: one scope per customer (`gsuite/<customerId>`)
 * with its users, groups and direct group memberships (nested groups
 * included). A group whose members cannot be listed is reported and skipped.
 * Throws a ConfigError when the configured credentials are incomplete.
 *
 * @example
 * const config = resolveConfig(gsuiteOptions, { env: process.env });
 * await sync({ store, providers: [createGsuiteProvider(config)] });
 */
export function createGsuiteProvider(
  config: GsuiteConfig,
  options: CreateGsuiteProviderOptions = {},
): Provider {
  const auth: DirectoryAuth = resolveDirectoryAuth(config, {
    authClient: options.authClient,
    accessToken: options.accessToken,
    env: options.env ?? process.env,
  });
  const endpoint = options.endpoint ?? config.gsuiteEndpoint;
  let admin: admin_directory_v1.Admin | undefined;
  return {
    name: 'gsuite',
    version: VERSION,
    schemas: [GSuiteTenant, GSuiteUser, GSuiteGroupNode, GSuiteGroup],
    classifyError: classifyDirectoryError,
    async *plan(ctx) {
      admin ??= new admin_directory_v1.Admin({
        // googleapis accepts an AuthClient or a GoogleAuth; the cast bridges its narrower union.
        auth: auth as admin_directory_v1.Options['auth'],
        // The runner retries through ctx.call; the client's own retries would multiply attempts.
        retry: false,
        timeout: options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS,
        ...(endpoint ? { rootUrl: `${endpoint.replace(/\/+$/, '')}/` } : {}),
      });
      const customer = config.gsuiteCustomer;
      const customerId = customer === 'my_customer' ? await resolveCustomerId(ctx, admin) : customer;
      const scope: Scope<DirectoryContext> = {
        id: `gsuite/${customerId}`,
        provider: 'gsuite',
        owner: { label: GSuiteTenant.label, key: GSuiteTenant.key, value: customerId },
        labels: { customer: customerId },
        collectors: [tenantCollector, usersCollector, groupsCollector, groupMembersCollector],
        context: {
          customerId,
          customer,
          admin,
          memberConcurrency: Math.max(1, options.memberConcurrency ?? MEMBER_CONCURRENCY),
        },
      };
      yield scope as Scope<unknown>;
    },
  };
}

/** `my_customer` names the administrator's own customer; its id comes with any user. */
async function resolveCustomerId(ctx: PlanContext, admin: admin_directory_v1.Admin): Promise<string> {
  const { data } = await ctx.call('directory:users.list', () =>
    admin.users.list(
      { customer: 'my_customer', maxResults: 1, fields: 'users(customerId)' },
      { signal: ctx.signal },
    ),
  );
  const customerId = data.users?.[0]?.customerId;
  if (!customerId) {
    throw new Error(
      'could not tell the Workspace customer id (the directory returned no user); set --gsuite-customer to it',
    );
  }
  return customerId;
}
