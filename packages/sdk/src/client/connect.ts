import type { GraphStore, Row } from '@skygraph/core';
import { openStore, SkygraphError, StoreError } from '@skygraph/core';
import type { Catalogue } from '../catalogue/catalogue.ts';
import type { CatalogueQuery } from '../catalogue/define-query.ts';
import { type QueryResult, type RunQueryOptions, runCatalogueQuery } from '../catalogue/run-query.ts';
import type { CompiledQuery, Queryable } from '../query/compiled-query.ts';
import { runCompiled } from '../query/run-compiled.ts';
import { GraphEmptyError } from './client-errors.ts';
import { type GraphStatus, readGraphStatus } from './graph-status.ts';
import { assertReadOnlyCypher } from './read-only-guard.ts';

export interface ConnectOptions {
  /** `bolt://`, `neo4j://`, `neo4j+s://`... for Neo4j, or a path to an embedded store. Default: `$SKYGRAPH_STORE`, else the default embedded store. */
  readonly uri?: string;
  /** Neo4j user. Default: `$SKYGRAPH_NEO4J_USER`. */
  readonly user?: string;
  /** The name of the environment variable holding the Neo4j password (never the password itself). Default: `$SKYGRAPH_NEO4J_PASSWORD_ENV_VAR`. */
  readonly passwordEnv?: string;
  /** Neo4j database. Default: `$SKYGRAPH_NEO4J_DATABASE`, else the server's default. */
  readonly database?: string;
  /** The catalogue `runQuery` resolves names in (default: none; pass `builtinCatalogue`). */
  readonly catalogue?: Catalogue;
  /** Fail on connect when the graph has no data (default true). */
  readonly requireData?: boolean;
  readonly env?: NodeJS.ProcessEnv;
}

/**
 * A read-only view of the graph. Every query goes through the store's read
 * path; Cypher that writes is refused.
 */
export interface SkygraphClient extends Queryable {
  /** Which store this is: `neo4j` or `embedded`, and where (never a secret). */
  readonly store: { readonly kind: GraphStore['kind']; readonly location: string };
  readonly catalogue: Catalogue | undefined;
  /** Runs Cypher (read-only) with parameters; rows are plain JS values. */
  read<T extends Row = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Runs a compiled builder query or `{ cypher, params }`; `params` fills `param()` placeholders. */
  run<R extends Row>(
    query: CompiledQuery<R> | { cypher: string; params?: Record<string, unknown> },
    params?: Record<string, unknown>,
  ): Promise<R[]>;
  /** Runs a query builder. */
  query<R extends Row>(
    builder: { compile(): CompiledQuery<R> },
    params?: Record<string, unknown>,
  ): Promise<R[]>;
  /** Runs a catalogue query (by name or definition), optionally scoped to one account/project/customer. */
  runQuery<R extends Row = Row>(
    query: string | CatalogueQuery<R>,
    options?: RunQueryOptions,
  ): Promise<QueryResult<R>>;
  /** Node count and the last recorded sync. */
  status(): Promise<GraphStatus>;
  close(): Promise<void>;
}

/**
 * Connects to the graph read-only: Neo4j through read sessions, the
 * embedded store opened read-only (so it can be read while nothing writes
 * it). Fails with a clear message when the store is unreachable, or empty.
 *
 * @example
 * const client = await connect({ catalogue: builtinCatalogue });
 * const { rows } = await client.runQuery('ec2_open_to_world', { scope: { account: 'prod' } });
 * await client.close();
 */
export async function connect(options: ConnectOptions = {}): Promise<SkygraphClient> {
  const env = options.env ?? process.env;
  const uri = options.uri ?? env.SKYGRAPH_STORE;
  const { user, passwordEnv, database } = options;
  let store: GraphStore;
  try {
    store = await openStore(uri, {
      readOnly: true,
      env,
      ...(user === undefined ? {} : { neo4jUser: user }),
      ...(passwordEnv === undefined ? {} : { neo4jPasswordEnvVar: passwordEnv }),
      ...(database === undefined ? {} : { neo4jDatabase: database }),
    });
  } catch (error) {
    if (error instanceof StoreError && /requires an existing database|does not exist/i.test(error.message)) {
      throw new GraphEmptyError(uri ?? 'the default embedded store', 'no store exists there yet');
    }
    throw error;
  }
  try {
    const client = createClient(store, {
      ownsStore: true,
      ...(options.catalogue ? { catalogue: options.catalogue } : {}),
    });
    if (options.requireData ?? true) await assertHasData(client);
    return client;
  } catch (error) {
    await store.close().catch(() => undefined);
    if (error instanceof SkygraphError) throw error;
    throw new StoreError(
      'STORE_UNAVAILABLE',
      `cannot read the graph at ${store.location}: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
}

/** Fails with {@link GraphEmptyError} when the graph has no nodes or no sync records. */
export async function assertHasData(target: Queryable & { store?: { location: string } }): Promise<void> {
  const status = await readGraphStatus(target);
  const location = target.store?.location ?? 'the graph';
  if (status.nodes === 0) throw new GraphEmptyError(location, 'it has no nodes');
  if (status.syncRecords === 0)
    throw new GraphEmptyError(location, 'it has no SyncMetadata: nothing was synced into it');
}

export interface CreateClientOptions {
  readonly catalogue?: Catalogue;
  /** Close the store when the client closes (default false: the caller owns it). */
  readonly ownsStore?: boolean;
}

/**
 * A read-only client over a store the caller already opened (the demo, tests,
 * a service that shares one store). No emptiness check.
 */
export function createClient(store: GraphStore, options: CreateClientOptions = {}): SkygraphClient {
  let closed = false;
  const client: SkygraphClient = {
    store: { kind: store.kind, location: store.location },
    catalogue: options.catalogue,
    read<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}) {
      if (closed) return Promise.reject(new StoreError('STORE_CLOSED', 'the client is closed'));
      try {
        assertReadOnlyCypher(cypher);
      } catch (error) {
        return Promise.reject(error);
      }
      return store.read<T>(cypher, params);
    },
    run<R extends Row>(
      query: CompiledQuery<R> | { cypher: string; params?: Record<string, unknown> },
      params: Record<string, unknown> = {},
    ) {
      if ('placeholders' in query) return runCompiled(client, query, params);
      return client.read<R>(query.cypher, { ...(query.params ?? {}), ...params });
    },
    query<R extends Row>(builder: { compile(): CompiledQuery<R> }, params: Record<string, unknown> = {}) {
      return runCompiled(client, builder.compile(), params);
    },
    runQuery<R extends Row = Row>(query: string | CatalogueQuery<R>, runOptions: RunQueryOptions = {}) {
      let definition: CatalogueQuery<R>;
      if (typeof query === 'string') {
        if (!options.catalogue) {
          return Promise.reject(
            new SkygraphError(
              'CATALOGUE_MISSING',
              `runQuery("${query}"): the client has no catalogue; pass one to connect()`,
            ),
          );
        }
        try {
          definition = options.catalogue.get(query) as CatalogueQuery<R>;
        } catch (error) {
          return Promise.reject(error);
        }
      } else {
        definition = query;
      }
      return runCatalogueQuery(client, definition, runOptions);
    },
    status: () => readGraphStatus(client),
    async close() {
      if (closed) return;
      closed = true;
      if (options.ownsStore) await store.close();
    },
  };
  return Object.freeze(client);
}
