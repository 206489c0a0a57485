import type { ErrorKind } from '../errors/skygraph-error.ts';
import type { NodeRow } from '../schema/define.ts';
import { type Collector, load, type Provider, type Scope } from '../sync/provider.ts';
import { Disk, Server, Tenant } from './fixture-schemas.ts';

/** An error a fixture API throws, with the kind the fixture provider classifies it as. */
export class FixtureApiError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
  ) {
    super(message);
    this.name = kind === 'denied' ? 'AccessDenied' : kind === 'throttled' ? 'Throttling' : 'FixtureError';
  }
}

export interface FixtureEstate {
  /** tenant -> region -> servers and disks */
  tenants: Record<
    string,
    Record<string, { servers: NodeRow<typeof Server>[]; disks: NodeRow<typeof Disk>[] }>
  >;
  /** `tenant/region` -> an error to throw from the servers API (after `failAfterPages` pages). */
  failures?: Record<string, { kind: ErrorKind; times?: number; afterPages?: number }>;
  pageSize?: number;
  /** Called before each page is served (lets a test cancel mid-run). */
  onPage?: (scopeId: string, page: number) => void;
}

/**
 * A provider over an in-memory estate, for testing the engine with a real
 * store: one scope per tenant and region, servers paged like a cloud API.
 */
export function fixtureProvider(estate: FixtureEstate): Provider {
  const servers: Collector<{ tenant: string; region: string }, NodeRow<typeof Server>[]> = {
    name: 'servers',
    schemas: [Server],
    async *fetch(ctx) {
      const { tenant, region } = ctx.context;
      const data = estate.tenants[tenant]?.[region];
      const items = data?.servers ?? [];
      const size = estate.pageSize ?? 100;
      let page = 0;
      for (let i = 0; i < Math.max(items.length, 1); i += size) {
        estate.onPage?.(ctx.scope.id, page);
        const served = page;
        const chunk = await ctx.call('servers:list', async () => {
          const failure = estate.failures?.[`${tenant}/${region}`];
          if (
            failure &&
            served >= (failure.afterPages ?? 0) &&
            (failure.times ?? Number.POSITIVE_INFINITY) > 0
          ) {
            if (failure.times !== undefined) failure.times -= 1;
            throw new FixtureApiError(failure.kind, `${failure.kind} on ${tenant}/${region}`);
          }
          return items.slice(i, i + size);
        });
        page += 1;
        yield chunk;
      }
    },
    transform: (page) => [load(Server, page)],
  };
  const disks: Collector<{ tenant: string; region: string }, NodeRow<typeof Disk>[]> = {
    name: 'disks',
    schemas: [Disk],
    async *fetch(ctx) {
      yield estate.tenants[ctx.context.tenant]?.[ctx.context.region]?.disks ?? [];
    },
    transform: (page) => [load(Disk, page)],
  };
  return {
    name: 'fixture',
    schemas: [Tenant, Disk, Server],
    classifyError: (error) => (error instanceof FixtureApiError ? error.kind : 'unknown'),
    async *plan() {
      for (const [tenant, regions] of Object.entries(estate.tenants)) {
        for (const region of Object.keys(regions)) {
          const scope: Scope<{ tenant: string; region: string }> = {
            id: `fixture/${tenant}/${region}`,
            provider: 'fixture',
            owner: { label: Tenant.label, key: Tenant.key, value: tenant },
            filters: { region },
            labels: { tenant, region },
            collectors: [disks, servers],
            context: { tenant, region },
          };
          yield scope as Scope<unknown>;
        }
      }
    },
    analysis: [
      {
        name: 'public_servers',
        description: 'marks servers that are public and listen on 22',
        statements: [
          'MATCH (s:TestServer) WHERE s.public = true AND 22 IN s.ports SET s.exposed_internet = true',
          'MATCH (s:TestServer) WHERE s.exposed_internet = true AND (s.public <> true OR NOT 22 IN s.ports) SET s.exposed_internet = null',
        ],
      },
    ],
  };
}
