import { errorMessage, type PlanContext, type Scope } from '@skygraph/core';
import { type AwsClientSettings, AwsClients } from './aws-clients.ts';
import type { AwsScopeContext } from './aws-context.ts';
import { failedDiscoveryCollector } from './collectors/account.ts';
import { globalCollectors, regionalCollectors, wantsRegions } from './collectors/index.ts';
import { organizationPoliciesCollector } from './collectors/organizations/organization-policies.ts';
import { type OrgScopeContext, organizationCollector } from './collectors/organizations/organization-tree.ts';
import { type AwsCredentialIdentityProvider, spokeCredentials } from './credentials.ts';
import { selectionOf } from './discovery/account-selection.ts';
import {
  callerAccount,
  type DiscoveredAccount,
  describeOrganization,
  listedAccounts,
  organizationAccounts,
  profileAccounts,
} from './discovery/discover-accounts.ts';
import { enabledRegions } from './discovery/enabled-regions.ts';
import { mergeMap } from './discovery/merge-map.ts';
import type { AwsConfig } from './options.ts';
import { AWSAccount, AWSOrganization } from './schema/organization.ts';

/** Everything planning needs, resolved once when the provider is created. */
export interface AwsPlanSettings {
  config: AwsConfig;
  hubCredentials: AwsCredentialIdentityProvider;
  /** Endpoint override and S3 addressing shared by every client. */
  client: Omit<AwsClientSettings, 'credentials'>;
  /** The region global APIs (STS, IAM, Organizations, S3 listing) are called in. */
  homeRegion: string;
  externalId: string | undefined;
  env: NodeJS.ProcessEnv;
}

type Planned = { scope: Scope<unknown> } | { account: DiscoveredAccount };

/**
 * Discovers the accounts to sync and their regions, and yields their scopes
 * as they are found: the organisation scope first (organizations discovery),
 * then for each account its global scope (IAM, S3) and one scope per region.
 * Accounts are planned concurrently (--aws-concurrency). Planning only
 * discovers: it never collects.
 */
export async function* planAws(ctx: PlanContext, settings: AwsPlanSettings): AsyncIterable<Scope<unknown>> {
  const { config } = settings;
  const hub = new AwsClients({ ...settings.client, credentials: settings.hubCredentials });
  const selection = selectionOf(config);
  const orgScope = config.awsDiscovery === 'organizations' && config.awsServices.includes('organizations');

  async function* discovered(): AsyncIterable<Planned> {
    if (config.awsDiscovery === 'profiles') {
      for await (const account of profileAccounts(ctx, {
        env: settings.env,
        region: settings.homeRegion,
        selection,
        settings: settings.client,
      }))
        yield { account };
      return;
    }
    const hubAccount = await callerAccount(ctx, hub, settings.homeRegion);
    if (config.awsDiscovery === 'accounts') {
      for await (const account of listedAccounts({
        hubAccount,
        hubCredentials: settings.hubCredentials,
        selection,
      }))
        yield { account };
      return;
    }
    const organization = await describeOrganization(ctx, hub, settings.homeRegion);
    const organizationId = organization.Id as string;
    if (orgScope) {
      const scope: Scope<OrgScopeContext> = {
        id: `aws/organization/${organizationId}`,
        provider: 'aws',
        owner: { label: AWSOrganization.label, key: AWSOrganization.key, value: organizationId },
        labels: { organization: organizationId, account: hubAccount },
        // The tree first: policies attach to its roots, OUs and accounts.
        collectors: [organizationCollector, organizationPoliciesCollector],
        context: { organizationId, region: settings.homeRegion, clients: hub, selection },
      };
      yield { scope: scope as Scope<unknown> };
    }
    for await (const account of organizationAccounts(ctx, hub, {
      region: settings.homeRegion,
      hubAccount,
      hubCredentials: settings.hubCredentials,
      selection,
    }))
      yield { account };
  }

  yield* mergeMap(discovered(), config.awsConcurrency, async (item) =>
    'scope' in item ? [item.scope] : planAccount(ctx, settings, item.account, { writeAccount: !orgScope }),
  );
}

/**
 * The scopes of one account. An account that cannot be reached (the role
 * cannot be assumed, its regions cannot be listed) still gets its global
 * scope, holding one collector that fails with the reason: the run reports
 * the account and keeps its previous data.
 */
async function planAccount(
  ctx: PlanContext,
  settings: AwsPlanSettings,
  account: DiscoveredAccount,
  options: { writeAccount: boolean },
): Promise<Scope<unknown>[]> {
  const { config } = settings;
  const credentials =
    account.credentials ??
    spokeCredentials(
      settings.hubCredentials,
      {
        accountId: account.id,
        roleName: config.awsRoleName,
        sessionName: config.awsRoleSessionName,
        durationSeconds: config.awsRoleDuration,
        ...(settings.externalId ? { externalId: settings.externalId } : {}),
      },
      {
        region: settings.homeRegion,
        ...(settings.client.endpoint ? { endpoint: settings.client.endpoint } : {}),
      },
    );
  const clients = new AwsClients({ ...settings.client, credentials });
  const base = (region: string): AwsScopeContext => ({
    accountId: account.id,
    accountName: account.name,
    region,
    clients,
  });
  const globalScope = (collectors: Scope<AwsScopeContext>['collectors']): Scope<unknown> =>
    ({
      id: `aws/${account.id}/global`,
      provider: 'aws',
      owner: { label: AWSAccount.label, key: AWSAccount.key, value: account.id },
      labels: { account: account.id, accountName: account.name, region: 'global' },
      collectors,
      context: base(settings.homeRegion),
    }) satisfies Scope<AwsScopeContext> as Scope<unknown>;

  if (!account.credentials) {
    try {
      await ctx.call('sts:AssumeRole', () => credentials());
    } catch (error) {
      if (ctx.signal.aborted) throw error;
      ctx.log.warn({ account: account.id, err: errorMessage(error) }, 'cannot assume the audit role');
      return [globalScope([failedDiscoveryCollector('sts:assume-role', error)])];
    }
  }

  let regions: string[] = [];
  let regionsError: unknown;
  if (wantsRegions(config.awsServices)) {
    if (config.awsRegions.length > 0) regions = config.awsRegions;
    else {
      try {
        regions = await enabledRegions(ctx, clients, settings.homeRegion);
      } catch (error) {
        if (ctx.signal.aborted) throw error;
        ctx.log.warn({ account: account.id, err: errorMessage(error) }, 'cannot list the enabled regions');
        regionsError = error;
      }
    }
  }

  const scopes: Scope<unknown>[] = [];
  const global = [
    ...(regionsError === undefined ? [] : [failedDiscoveryCollector('ec2:regions', regionsError)]),
    ...globalCollectors(config.awsServices, options),
  ];
  if (global.length > 0) scopes.push(globalScope(global));
  const regional = regionalCollectors(config.awsServices);
  for (const region of regions) {
    const scope: Scope<AwsScopeContext> = {
      id: `aws/${account.id}/${region}`,
      provider: 'aws',
      owner: { label: AWSAccount.label, key: AWSAccount.key, value: account.id },
      filters: { region },
      labels: { account: account.id, accountName: account.name, region },
      collectors: regional,
      context: base(region),
    };
    scopes.push(scope as Scope<unknown>);
  }
  return scopes;
}
