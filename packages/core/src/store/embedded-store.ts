import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import type { GrafeoDB as GrafeoDBType } from '@grafeo-db/js';
import type { Statement } from '../cypher/statement.ts';
import { StoreError } from '../errors/skygraph-error.ts';
import type { GraphStore, Row } from './graph-store.ts';
import { mapStoreError } from './map-store-error.ts';
import { plainRow, toParams } from './normalize.ts';

// Grafeo's Node binding is CommonJS and native; it loads when a store is first opened, so a
// process that only builds queries or talks to Neo4j never maps it.
let grafeo: typeof GrafeoDBType | undefined;
function grafeoDB(): typeof GrafeoDBType {
  grafeo ??= (createRequire(import.meta.url)('@grafeo-db/js') as { GrafeoDB: typeof GrafeoDBType }).GrafeoDB;
  return grafeo;
}

export interface EmbeddedStoreOptions {
  /** Open read-only: a shared lock, so several readers can share the file; writes are refused. */
  readOnly?: boolean;
}

/**
 * The embedded, file-backed store (Grafeo). Writes are serialised through
 * one queue: the engine detects write-write conflicts between concurrent
 * transactions instead of waiting, and one writer is fast enough that the
 * sync stays bound by the cloud APIs.
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly location: string;
  readonly #db: GrafeoDBType;
  #queue: Promise<unknown> = Promise.resolve();
  #closed = false;
  #writeMs = 0;
  #writes = 0;

  private constructor(db: GrafeoDBType, location: string) {
    this.#db = db;
    this.location = location;
  }

  /** Opens (creating it and its folder if missing) the store at `path`; no path: in memory. */
  static open(path?: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
    if (path === undefined) return new EmbeddedStore(grafeoDB().create(), ':memory:');
    const location = resolve(path);
    try {
      if (options.readOnly) return new EmbeddedStore(grafeoDB().openReadOnly(location), location);
      mkdirSync(dirname(location), { recursive: true });
      return new EmbeddedStore(grafeoDB().create(location), location);
    } catch (error) {
      const message = String((error as Error).message ?? error);
      const hint = /lock/i.test(message)
        ? ' (another skygraph process has it open; wait for it to finish or use another --store)'
        : '';
      throw new StoreError(
        'STORE_UNAVAILABLE',
        `cannot open the embedded store at ${location}${hint}: ${message}`,
        {
          cause: error,
        },
      );
    }
  }

  async read<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.#assertOpen();
    // Read-only by construction: the query runs in a transaction that is
    // always rolled back, so a query that writes (whatever a guard above
    // made of it) leaves the graph as it was. Reads see the last commit.
    const tx = this.#db.beginTransaction();
    try {
      const result = await tx.executeCypher(cypher, toParams(params));
      return result.toArray().map((row) => plainRow(row) as T);
    } catch (error) {
      throw mapStoreError(error, cypher);
    } finally {
      if (tx.isActive) tx.rollback();
    }
  }

  write(statements: readonly Statement[]): Promise<Row[][]> {
    this.#assertOpen();
    const run = this.#queue.then(() => this.#writeNow(statements));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Time spent executing write transactions (not waiting for the writer), for benchmarks. */
  get metrics(): { writeMs: number; writes: number } {
    return { writeMs: this.#writeMs, writes: this.#writes };
  }

  async #writeNow(statements: readonly Statement[]): Promise<Row[][]> {
    const started = performance.now();
    this.#writes += 1;
    try {
      return await this.#transaction(statements);
    } finally {
      this.#writeMs += performance.now() - started;
    }
  }

  async #transaction(statements: readonly Statement[]): Promise<Row[][]> {
    const tx = this.#db.beginTransaction();
    const results: Row[][] = [];
    let current = '';
    try {
      for (const statement of statements) {
        current = statement.cypher;
        const result = await tx.executeCypher(statement.cypher, toParams(statement.params));
        results.push(result.toArray().map(plainRow));
      }
      tx.commit();
      return results;
    } catch (error) {
      if (tx.isActive) tx.rollback();
      throw mapStoreError(error, current);
    }
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    await this.#queue;
    this.#closed = true;
    this.#db.close();
  }

  #assertOpen(): void {
    if (this.#closed)
      throw new StoreError('STORE_CLOSED', `the embedded store at ${this.location} is closed`);
  }
}
