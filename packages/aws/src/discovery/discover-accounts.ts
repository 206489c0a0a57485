import { DescribeOrganizationCommand } from '@aws-sdk/client-organizations';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { errorMessage, type PlanContext, SkygraphError } from '@skygraph/core';
import { type AwsClientSettings, AwsClients, withClient } from '../aws-clients.ts';
import { walkOrganization } from '../collectors/organizations/walk-organization.ts';
import { type AwsCredentialIdentityProvider, profileCredentials } from '../credentials.ts';
import { requestSignal } from '../paging.ts';
import { type AccountSelection, isSelected } from './account-selection.ts';
import { listProfiles } from './shared-config-profiles.ts';

/** An account found by discovery, with how to reach it. */
export interface DiscoveredAccount {
  id: string;
  name: string;
  /** Credentials to use as-is (the hub's own account, a profile); otherwise the audit role is assumed. */
  credentials?: AwsCredentialIdentityProvider;
}

/** The account the credentials belong to (STS GetCallerIdentity). */
export async function callerAccount(ctx: PlanContext, clients: AwsClients, region: string): Promise<string> {
  const identity = await withClient(clients.sts(region), (sts) =>
    ctx.call('sts:GetCallerIdentity', () =>
      sts.send(new GetCallerIdentityCommand({}), { abortSignal: requestSignal(ctx.signal) }),
    ),
  );
  if (!identity.Account)
    throw new SkygraphError('AWS_DISCOVERY_FAILED', 'STS GetCallerIdentity returned no account');
  return identity.Account;
}

/** The organisation the hub belongs to. */
export async function describeOrganization(ctx: PlanContext, hub: AwsClients, region: string) {
  try {
    const out = await withClient(hub.organizations(region), (org) =>
      ctx.call('organizations:DescribeOrganization', () =>
        org.send(new DescribeOrganizationCommand({}), { abortSignal: requestSignal(ctx.signal) }),
      ),
    );
    if (!out.Organization?.Id) throw new Error('DescribeOrganization returned no organisation');
    return out.Organization;
  } catch (error) {
    throw discoveryError('organizations', error);
  }
}

/**
 * The active member accounts of the organisation that the selection keeps,
 * found by walking the OU tree from the hub (the management account or a
 * delegated administrator), streamed as they are listed.
 */
export async function* organizationAccounts(
  ctx: PlanContext,
  hub: AwsClients,
  options: {
    region: string;
    hubAccount: string;
    hubCredentials: AwsCredentialIdentityProvider;
    selection: AccountSelection;
  },
): AsyncIterable<DiscoveredAccount> {
  const client = hub.organizations(options.region);
  try {
    for await (const { parent, accounts } of walkOrganization(ctx, client, ctx.signal)) {
      for (const a of accounts) {
        if (!a.Id) continue;
        const candidate = { id: a.Id, name: a.Name, state: a.State ?? a.Status, path: parent.path };
        if (!isSelected(candidate, options.selection)) continue;
        yield {
          id: a.Id,
          name: a.Name ?? a.Id,
          ...(a.Id === options.hubAccount ? { credentials: options.hubCredentials } : {}),
        };
      }
    }
  } catch (error) {
    throw discoveryError('organizations', error);
  } finally {
    client.destroy();
  }
}

/** The accounts of --aws-accounts (the hub's own account with the hub's credentials). */
export async function* listedAccounts(options: {
  hubAccount: string | undefined;
  hubCredentials: AwsCredentialIdentityProvider;
  selection: AccountSelection;
}): AsyncIterable<DiscoveredAccount> {
  for (const id of options.selection.accounts) {
    if (!isSelected({ id }, options.selection)) continue;
    yield { id, name: id, ...(id === options.hubAccount ? { credentials: options.hubCredentials } : {}) };
  }
}

/**
 * One account per profile of the shared config files (the first profile of
 * each account wins), each synced with the profile's own credentials, like
 * Cartography's --aws-sync-all-profiles. Profiles that cannot authenticate
 * are reported once every other profile has been planned.
 */
export async function* profileAccounts(
  ctx: PlanContext,
  options: {
    env: NodeJS.ProcessEnv;
    region: string;
    selection: AccountSelection;
    settings: Omit<AwsClientSettings, 'credentials'>;
  },
): AsyncIterable<DiscoveredAccount> {
  const seen = new Set<string>();
  const failures: string[] = [];
  for (const profile of listProfiles(options.env)) {
    if (options.selection.exclude.includes(profile)) continue;
    const credentials = profileCredentials(profile, options.env);
    let id: string;
    try {
      id = await callerAccount(ctx, new AwsClients({ ...options.settings, credentials }), options.region);
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      failures.push(`${profile}: ${errorMessage(error)}`);
      continue;
    }
    if (seen.has(id) || !isSelected({ id, name: profile }, options.selection)) continue;
    seen.add(id);
    yield { id, name: profile, credentials };
  }
  if (failures.length > 0) {
    throw new SkygraphError(
      'AWS_DISCOVERY_FAILED',
      `profiles that could not authenticate were skipped:\n  - ${failures.join('\n  - ')}`,
    );
  }
}

function discoveryError(strategy: string, error: unknown): SkygraphError {
  if (error instanceof SkygraphError) return error;
  const name = (error as { name?: string }).name;
  return new SkygraphError(
    'AWS_DISCOVERY_FAILED',
    `${strategy} discovery failed: ${name ? `${name}: ` : ''}${errorMessage(error)} (the hub must be the management account or a delegated administrator; or use --aws-discovery accounts)`,
    { cause: error },
  );
}
