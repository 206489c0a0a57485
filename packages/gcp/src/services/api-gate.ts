import { classifyGoogleError, isServiceDisabled } from '../api/google-error.ts';
import { paginate } from '../api/paginate.ts';
import type { ProjectCollectContext } from '../project-context.ts';

/** The Google service name behind each collector family. */
export const SERVICE_APIS = {
  compute: 'compute.googleapis.com',
  gke: 'container.googleapis.com',
  storage: 'storage.googleapis.com',
} as const;

/**
 * Which APIs are enabled in one project, from Service Usage, asked once per
 * scope. When Service Usage itself cannot answer (not enabled, no
 * permission), every API counts as enabled and the APIs' own
 * SERVICE_DISABLED answers decide.
 */
export class ApiGate {
  #enabled: Promise<ReadonlySet<string> | null> | undefined;

  async isEnabled(ctx: ProjectCollectContext, api: string): Promise<boolean> {
    this.#enabled ??= this.#load(ctx);
    const enabled = await this.#enabled;
    return enabled === null || enabled.has(api);
  }

  async #load(ctx: ProjectCollectContext): Promise<ReadonlySet<string> | null> {
    const { projectId } = ctx.context.project;
    const names = new Set<string>();
    try {
      for await (const page of paginate(ctx, 'serviceusage:services.list', (pageToken) =>
        ctx.context.clients.serviceUsage.services.list(
          {
            parent: `projects/${projectId}`,
            filter: 'state:ENABLED',
            pageSize: 200,
            ...(pageToken ? { pageToken } : {}),
          },
          { signal: ctx.signal },
        ),
      )) {
        for (const service of page.services ?? []) {
          const name = service.config?.name ?? service.name?.split('/').pop();
          if (name) names.add(name);
        }
      }
      return names;
    } catch (error) {
      ctx.log.debug(
        { project: projectId, kind: classifyGoogleError(error), serviceDisabled: isServiceDisabled(error) },
        'Service Usage did not say which APIs are enabled; asking each API instead',
      );
      return null;
    }
  }
}

/**
 * Runs a collector's fetch only when its API is enabled in the project, and
 * treats the API's SERVICE_DISABLED answer the same way: nothing to load, no
 * error. (A disabled API has no resources, so the scope's cleanup rightly
 * removes what an earlier sync saw.)
 */
export async function* whenApiEnabled<P>(
  ctx: ProjectCollectContext,
  api: string,
  fetch: () => AsyncIterable<P>,
): AsyncGenerator<P> {
  if (!(await ctx.context.apis.isEnabled(ctx, api))) {
    ctx.log.debug({ api }, 'API not enabled in the project; skipped');
    return;
  }
  try {
    yield* fetch();
  } catch (error) {
    if (!isServiceDisabled(error)) throw error;
    ctx.log.debug({ api }, 'API answered SERVICE_DISABLED; skipped');
  }
}
