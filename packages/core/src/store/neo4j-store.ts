import type { BookmarkManager, Driver } from 'neo4j-driver';
import type { Statement } from '../cypher/statement.ts';
import { StoreError } from '../errors/skygraph-error.ts';
import type { GraphStore, Row } from './graph-store.ts';
import { mapStoreError } from './map-store-error.ts';
import { neo4jDriver } from './neo4j-driver.ts';
import { plainRow, toParams } from './normalize.ts';

export interface Neo4jStoreOptions {
  user?: string;
  /** The password itself; callers read it from the environment variable the user named. */
  password?: string;
  database?: string;
  /** How long the driver retries transient errors of one transaction. */
  maxTransactionRetryTimeMs?: number;
  /** How long opening one connection may take before the server counts as unreachable. */
  connectionTimeoutMs?: number;
}

/**
 * Neo4j 5.x / Aura / clusters through the official driver: managed
 * transactions (the driver retries transient errors such as deadlocks
 * between concurrent scopes), read sessions for reads (a cluster routes
 * them to readers), one bookmark manager for all sessions (a read after a
 * write sees it, on any cluster member), integer parameters sent as Cypher
 * integers, results converted to plain JS values.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  readonly location: string;
  readonly #driver: Driver;
  readonly #database: string | undefined;
  readonly #bookmarks: BookmarkManager;
  /** Set when the server stopped answering: the next call checks it is back before retrying for long. */
  #lost = false;

  constructor(uri: string, options: Neo4jStoreOptions = {}) {
    this.location = redactUri(uri) + (options.database ? ` (database ${options.database})` : '');
    this.#database = options.database;
    const neo4j = neo4jDriver();
    this.#bookmarks = neo4j.bookmarkManager();
    const auth =
      options.user !== undefined ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    this.#driver = neo4j.driver(uri, auth, {
      maxTransactionRetryTime: options.maxTransactionRetryTimeMs ?? 15_000,
      connectionTimeout: options.connectionTimeoutMs ?? 15_000,
      // A server that accepts the connection and never completes the handshake
      // would otherwise hold a request for the driver's 60 s default.
      connectionAcquisitionTimeout: (options.connectionTimeoutMs ?? 15_000) + 5_000,
      disableLosslessIntegers: false,
      userAgent: 'skygraph',
    });
  }

  async read<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    await this.#unlessLost();
    const session = this.#session('READ');
    try {
      const result = await session.executeRead((tx) => tx.run(cypher, toDriverParams(params)));
      return result.records.map((record) => plainRow(record.toObject()) as T);
    } catch (error) {
      throw this.#noteLoss(mapStoreError(error, cypher));
    } finally {
      await session.close();
    }
  }

  async write(statements: readonly Statement[]): Promise<Row[][]> {
    await this.#unlessLost();
    const session = this.#session('WRITE');
    let current = '';
    try {
      return await session.executeWrite(async (tx) => {
        const results: Row[][] = [];
        for (const statement of statements) {
          current = statement.cypher;
          const result = await tx.run(statement.cypher, toDriverParams(statement.params));
          results.push(result.records.map((record) => plainRow(record.toObject())));
        }
        return results;
      });
    } catch (error) {
      throw this.#noteLoss(mapStoreError(error, current));
    } finally {
      await session.close();
    }
  }

  /**
   * Once the server has been unreachable (after the driver's retries), each
   * call first checks it is back, one attempt without retries, so the calls
   * that follow a loss fail at once instead of retrying for
   * `maxTransactionRetryTime` each; the first call that finds it back resumes.
   */
  async #unlessLost(): Promise<void> {
    if (!this.#lost) return;
    await this.verify();
    this.#lost = false;
  }

  #noteLoss(error: unknown): unknown {
    if (error instanceof StoreError && error.code === 'STORE_UNAVAILABLE') this.#lost = true;
    return error;
  }

  /**
   * Checks that the server answers, accepts the credentials and has the
   * database: one trivial read. Called when the store is opened, so a wrong
   * password or an unreachable server is reported at once, not mid-sync.
   */
  async verify(): Promise<void> {
    // An auto-commit query, not a managed transaction: the driver would retry
    // a refused connection for maxTransactionRetryTime before giving up.
    const session = this.#session('READ');
    try {
      await session.run('RETURN 1 AS ok');
    } catch (error) {
      throw mapStoreError(error, 'RETURN 1');
    } finally {
      await session.close();
    }
  }

  async close(): Promise<void> {
    await this.#driver.close();
  }

  #session(mode: 'READ' | 'WRITE') {
    return this.#driver.session({
      defaultAccessMode: mode === 'READ' ? neo4jDriver().session.READ : neo4jDriver().session.WRITE,
      bookmarkManager: this.#bookmarks,
      ...(this.#database ? { database: this.#database } : {}),
    });
  }
}

/** JS numbers that are integers go to Neo4j as integers, as Cartography's Python driver sends them. */
function toDriverParams(params: Record<string, unknown>): Record<string, unknown> {
  return convertIntegers(toParams(params)) as Record<string, unknown>;
}

function convertIntegers(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? neo4jDriver().int(value) : value;
  if (Array.isArray(value)) return value.map(convertIntegers);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convertIntegers(v);
    return out;
  }
  return value;
}

/** A URI without user info, safe for logs. */
export function redactUri(uri: string): string {
  return uri.replace(/\/\/[^@/]*@/, '//');
}
