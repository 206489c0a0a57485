import {
  type AnyNodeSchema,
  type Collector,
  type PlanContext,
  type Provider,
  packageVersion,
  type Scope,
} from '@skygraph/core';
import type { AuthClient } from 'google-auth-library';
import { gcpAnalysis } from './analysis.ts';
import { resolveGcpAuth } from './api/gcp-auth.ts';
import { callCrm, createGcpClients, type GcpClients } from './api/gcp-clients.ts';
import { classifyGoogleError } from './api/google-error.ts';
import { firewallsCollector } from './compute/firewalls-collector.ts';
import { instancesCollector } from './compute/instances-collector.ts';
import { networksCollector } from './compute/networks-collector.ts';
import { subnetsCollector } from './compute/subnets-collector.ts';
import { clustersCollector } from './gke/clusters-collector.ts';
import type { CrmOrganization, CrmProject } from './hierarchy/crm-resources.ts';
import { hierarchyCollector, type OrganizationContext } from './hierarchy/hierarchy-collector.ts';
import { isProjectSelected, type ProjectFilter, projectFilterOf } from './hierarchy/project-filter.ts';
import { walkHierarchy } from './hierarchy/walk-hierarchy.ts';
import type { GcpConfig, GcpService } from './options.ts';
import type { ProjectContext } from './project-context.ts';
import { projectDetailsCollector, projectInfoOf } from './project-details-collector.ts';
import { GCPBucket } from './schema/bucket.ts';
import { GCPBucketLabel } from './schema/bucket-label.ts';
import { GCPFirewall } from './schema/firewall.ts';
import { GCPFolder } from './schema/folder.ts';
import { GKECluster } from './schema/gke-cluster.ts';
import { GCPInstance } from './schema/instance.ts';
import { GCPIpRange } from './schema/ip-range.ts';
import { GCPIpRule } from './schema/ip-rule.ts';
import { GCPNetworkInterface } from './schema/network-interface.ts';
import { GCPNetworkTag } from './schema/network-tag.ts';
import { GCPNicAccessConfig } from './schema/nic-access-config.ts';
import { GCPOrganization } from './schema/organization.ts';
import { GCPProject, GCPProjectDetails } from './schema/project.ts';
import { GCPSubnet } from './schema/subnet.ts';
import { GCPVpc } from './schema/vpc.ts';
import { ApiGate } from './services/api-gate.ts';
import { bucketsCollector } from './storage/buckets-collector.ts';

/** This package's version, written on what it loads as `_module_version`. */
const VERSION = packageVersion(import.meta.url);

/** Everything `createGcpProvider` takes besides the validated settings. */
export interface CreateGcpProviderOptions {
  /** Credentials to use instead of the access-token variable or ADC (e.g. impersonated credentials). */
  authClient?: AuthClient;
  /** Overrides `gcpEndpoint`: one root URL for every Google Cloud API. */
  endpoint?: string;
  /** Where the access-token variable is read (default `process.env`). */
  env?: NodeJS.ProcessEnv;
  /** How long one request may go unanswered (default 60 s); it then fails and is retried. */
  requestTimeoutMs?: number;
}

const SCHEMAS: readonly AnyNodeSchema[] = [
  GCPOrganization,
  GCPFolder,
  GCPProject,
  GCPProjectDetails,
  GCPVpc,
  GCPSubnet,
  GCPNetworkTag,
  GCPFirewall,
  GCPIpRange,
  GCPIpRule,
  GCPInstance,
  GCPNetworkInterface,
  GCPNicAccessConfig,
  GKECluster,
  GCPBucket,
  GCPBucketLabel,
];

const SERVICE_COLLECTORS: ReadonlyArray<[GcpService, Collector<ProjectContext>[]]> = [
  ['compute', [networksCollector, subnetsCollector, firewallsCollector, instancesCollector]],
  ['gke', [clustersCollector]],
  ['storage', [bucketsCollector]],
];

/**
 * The GCP provider: one scope per organisation for its folder/project
 * hierarchy (`gcp/organizations/<id>`) and one per active project
 * (`gcp/<projectId>`) for Compute networking and instances, GKE clusters and
 * Cloud Storage buckets, plus the firewall and exposure analysis.
 * Credentials come from `authClient`, else the `--google-access-token-env-var`
 * variable, else Application Default Credentials. Throws a ConfigError when
 * a named token variable is empty.
 *
 * @example
 * const config = resolveConfig(gcpOptions, { env: process.env });
 * await sync({ store, providers: [createGcpProvider(config)] });
 */
export function createGcpProvider(config: GcpConfig, options: CreateGcpProviderOptions = {}): Provider {
  const auth = resolveGcpAuth({
    authClient: options.authClient,
    accessTokenEnvVar: config.googleAccessTokenEnvVar,
    env: options.env ?? process.env,
  });
  const endpoint = options.endpoint ?? config.gcpEndpoint;
  const services = new Set<GcpService>(config.gcpServices);
  const filter = projectFilterOf(config);
  const projectCollectors: Collector<ProjectContext>[] = [
    projectDetailsCollector,
    ...SERVICE_COLLECTORS.flatMap(([service, collectors]) => (services.has(service) ? collectors : [])),
  ];
  let clients: GcpClients | undefined;

  const projectScope = (project: CrmProject & { projectId: string }, shared: GcpClients): Scope<unknown> => {
    const info = projectInfoOf(project);
    const scope: Scope<ProjectContext> = {
      id: `gcp/${info.projectId}`,
      provider: 'gcp',
      owner: { label: GCPProject.label, key: GCPProject.key, value: info.projectId },
      labels: { project: info.projectId, projectName: info.displayName ?? info.projectId },
      collectors: projectCollectors,
      context: { project: info, clients: shared, apis: new ApiGate() },
    };
    return scope as Scope<unknown>;
  };

  return {
    name: 'gcp',
    version: VERSION,
    schemas: SCHEMAS,
    classifyError: classifyGoogleError,
    concurrency: config.gcpConcurrency,
    analysis: gcpAnalysis,
    async *plan(ctx) {
      clients ??= createGcpClients(auth, endpoint, options.requestTimeoutMs);
      const shared = clients;
      let organizations = 0;
      for await (const organization of findOrganizations(ctx, shared, config.gcpOrganizations)) {
        organizations += 1;
        if (services.has('crm')) {
          const scope: Scope<OrganizationContext> = {
            id: `gcp/${organization.name}`,
            provider: 'gcp',
            owner: { label: GCPOrganization.label, key: GCPOrganization.key, value: organization.name },
            labels: {
              organization: organization.name,
              organizationName: organization.displayName ?? organization.name,
            },
            collectors: [hierarchyCollector],
            context: { organization, clients: shared, filter },
          };
          yield scope as Scope<unknown>;
        }
        for await (const step of walkHierarchy(ctx, shared, organization.name, filter)) {
          if (step.kind !== 'projects') continue;
          for (const project of step.projects) yield projectScope(project, shared);
        }
      }
      if (organizations === 0) {
        ctx.log.info('no GCP organisation visible to these credentials; syncing the projects they can see');
        for await (const project of searchProjects(ctx, shared, filter)) yield projectScope(project, shared);
      }
    },
  };
}

/** The organisations named in the config, or every one the credentials can see. */
async function* findOrganizations(
  ctx: PlanContext,
  clients: GcpClients,
  ids: readonly string[],
): AsyncGenerator<CrmOrganization & { name: string }> {
  if (ids.length > 0) {
    for (const id of new Set(ids)) {
      const [organization] = await callCrm(ctx, 'organizations.get', clients.crmCall.timeout, () =>
        clients.organizations.getOrganization({ name: `organizations/${id}` }, clients.crmCall),
      );
      yield { ...organization, name: organization.name ?? `organizations/${id}` };
    }
    return;
  }
  let pageToken = '';
  do {
    const token = pageToken;
    const page = await callCrm(ctx, 'organizations.search', clients.crmCall.timeout, () =>
      clients.organizations.searchOrganizations(
        { query: '', pageSize: 100, pageToken: token },
        clients.crmCall,
      ),
    ).catch((error: unknown) => {
      // Project-level credentials may not search organisations at all: sync the projects they see.
      if (classifyGoogleError(error) !== 'denied') throw error;
      ctx.log.info('these credentials cannot search GCP organisations');
      return null;
    });
    if (page === null) return;
    const [organizations, , raw] = page;
    for (const organization of organizations) {
      if (organization.name) yield { ...organization, name: organization.name };
    }
    pageToken = raw?.nextPageToken ?? '';
  } while (pageToken);
}

/**
 * Every active project the credentials can see, for credentials without an
 * organisation. Folder filters can only look at a project's direct parent here.
 */
async function* searchProjects(
  ctx: PlanContext,
  clients: GcpClients,
  filter: ProjectFilter,
): AsyncGenerator<CrmProject & { projectId: string }> {
  let pageToken = '';
  do {
    const token = pageToken;
    const [projects, , raw] = await callCrm(ctx, 'projects.search', clients.crmCall.timeout, () =>
      clients.projects.searchProjects(
        { query: 'state:ACTIVE', pageSize: 500, pageToken: token },
        clients.crmCall,
      ),
    );
    for (const project of projects) {
      const parent = project.parent ?? '';
      const underIncluded = filter.folders.size === 0 || filter.folders.has(parent);
      if (filter.excludeFolders.has(parent)) continue;
      if (isProjectSelected(project, underIncluded, filter)) yield project;
    }
    pageToken = raw?.nextPageToken ?? '';
  } while (pageToken);
}
