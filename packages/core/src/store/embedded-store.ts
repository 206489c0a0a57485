import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { Statement } from '../cypher/statement.ts';
import { StoreError } from '../errors/skygraph-error.ts';
import type { GraphStore, Row } from './graph-store.ts';
import { mapStoreError } from './map-store-error.ts';
import { plainRow, toParams } from './normalize.ts';

/** An engine error as the worker describes it (embedded-worker.js). */
interface WorkerError {
  message: string;
  code?: string;
  gqlStatus?: string;
  cypher: string;
}

type Reply = { ok: true; value: unknown; ms?: number } | { ok: false; error: WorkerError; ms?: number };

// How long opening may take: the worker starts, loads the engine and opens
// (or replays) the file. Only a thread that dies before it answers waits it out.
const OPEN_TIMEOUT_MS = 120_000;

export interface EmbeddedStoreOptions {
  /** Open read-only: a shared lock, so several readers can share the file; writes are refused. */
  readOnly?: boolean;
}

/**
 * The embedded, file-backed store (Grafeo). The database lives in a worker
 * thread (embedded-worker.js) that converts parameters and results, runs
 * the engine and commits, so the sync's own thread (API calls, response
 * parsing) and the graph writer use two cores instead of taking turns.
 * Writes are serialised: the engine detects write-write conflicts between
 * concurrent transactions instead of waiting, so the worker runs one write
 * transaction at a time, in the order they were asked for. Reads run at once.
 */
export class EmbeddedStore implements GraphStore {
  readonly kind = 'embedded' as const;
  readonly location: string;
  readonly #worker: Worker;
  readonly #pending = new Map<number, { resolve: (reply: Reply) => void }>();
  #nextId = 0;
  #writes: Promise<unknown> = Promise.resolve();
  #closed = false;
  #failure: StoreError | undefined;
  #writeMs = 0;
  #writeCount = 0;

  private constructor(worker: Worker, location: string) {
    this.#worker = worker;
    this.location = location;
    worker.on('message', (reply: Reply & { id: number }) => this.#settle(reply.id, reply));
    worker.on('error', (error) => this.#fail(error));
    worker.on('exit', (code) => this.#fail(new Error(`the store's thread exited with code ${code}`)));
    // The thread holds the process open only while a call waits for it, as the engine's own work did.
    worker.unref();
  }

  /**
   * Opens (creating it and its folder if missing) the store at `path`; no
   * path: in memory. Returns once the engine has opened the file, so a store
   * another process holds fails here, as before the engine had its own thread.
   */
  static open(path?: string, options: EmbeddedStoreOptions = {}): EmbeddedStore {
    const location = path === undefined ? ':memory:' : resolve(path);
    const fail = (message: string, cause?: unknown) => {
      const hint = /lock/i.test(message)
        ? ' (another skygraph process has it open; wait for it to finish or use another --store)'
        : '';
      return new StoreError(
        'STORE_UNAVAILABLE',
        `cannot open the embedded store at ${location}${hint}: ${message}`,
        {
          cause,
        },
      );
    };
    try {
      if (path !== undefined && !options.readOnly) mkdirSync(dirname(location), { recursive: true });
    } catch (error) {
      throw fail(String((error as Error).message ?? error), error);
    }
    const opened = new Int32Array(new SharedArrayBuffer(4));
    const { port1, port2 } = new MessageChannel();
    const worker = new Worker(new URL('./embedded-worker.js', import.meta.url), {
      // None of the process's own flags: the worker is plain JavaScript and needs no loader,
      // and `node -e <script>` would otherwise run the script again in the thread.
      execArgv: [],
      workerData: {
        path: path === undefined ? null : location,
        readOnly: options.readOnly ?? false,
        opened,
        handshake: port2,
      },
      transferList: [port2],
    });
    // Opening is synchronous, as it always was: wait for the thread's answer.
    const waited = Atomics.wait(opened, 0, 0, OPEN_TIMEOUT_MS);
    const answer = receiveMessageOnPort(port1)?.message as Reply | undefined;
    port1.close();
    if (waited === 'timed-out' || answer === undefined) {
      void worker.terminate();
      throw fail(`the engine did not open within ${OPEN_TIMEOUT_MS / 1000} s`);
    }
    if (!answer.ok) {
      void worker.terminate();
      throw fail(answer.error.message, Object.assign(new Error(answer.error.message), answer.error));
    }
    return new EmbeddedStore(worker, location);
  }

  async read<T extends Row = Row>(cypher: string, params: Record<string, unknown> = {}): Promise<T[]> {
    this.#assertOpen();
    // Read-only by construction: the query runs in a transaction that is
    // always rolled back, so a query that writes (whatever a guard above
    // made of it) leaves the graph as it was. Reads see the last commit.
    const reply = await this.#call({ op: 'read', cypher, params: toParams(params) });
    if (!reply.ok) throw this.#error(reply.error);
    return (reply.value as Record<string, unknown>[]).map((row) => plainRow(row) as T);
  }

  write(statements: readonly Statement[]): Promise<Row[][]> {
    this.#assertOpen();
    const request = {
      op: 'write',
      statements: statements.map((s) => ({ cypher: s.cypher, params: toParams(s.params) })),
    };
    // Posted at once, so the thread starts the next transaction as soon as one commits.
    const run = this.#call(request).then((reply) => {
      this.#writeCount += 1;
      this.#writeMs += reply.ms ?? 0;
      if (!reply.ok) throw this.#error(reply.error);
      return (reply.value as Record<string, unknown>[][]).map((rows) => rows.map(plainRow));
    });
    this.#writes = run.catch(() => undefined);
    return run;
  }

  /** Time spent executing write transactions (not waiting for the writer), for benchmarks. */
  get metrics(): { writeMs: number; writes: number } {
    return { writeMs: this.#writeMs, writes: this.#writeCount };
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#writes;
    if (this.#failure) return;
    const reply = await this.#call({ op: 'close' }, true);
    await this.#worker.terminate();
    if (!reply.ok) throw this.#error(reply.error);
  }

  #call(request: Record<string, unknown>, closing = false): Promise<Reply> {
    if (this.#failure) return Promise.reject(this.#failure);
    if (this.#closed && !closing) return Promise.reject(this.#closedError());
    const id = this.#nextId++;
    return new Promise<Reply>((resolveReply) => {
      if (this.#pending.size === 0) this.#worker.ref();
      this.#pending.set(id, { resolve: resolveReply });
      this.#worker.postMessage({ id, ...request });
    });
  }

  #settle(id: number, reply: Reply): void {
    const pending = this.#pending.get(id);
    if (!pending) return;
    this.#pending.delete(id);
    if (this.#pending.size === 0) this.#worker.unref();
    pending.resolve(reply);
  }

  /** The thread is gone (it cannot be, short of a bug or a crash): every call waiting fails, as do later ones. */
  #fail(error: Error): void {
    if (this.#failure || (this.#closed && this.#pending.size === 0)) return;
    this.#failure = new StoreError(
      'STORE_UNAVAILABLE',
      `the embedded store at ${this.location} stopped: ${error.message}`,
      { cause: error },
    );
    const message = this.#failure.message;
    for (const [id] of this.#pending)
      this.#settle(id, { ok: false, error: { message, code: 'ServiceUnavailable', cypher: '' } });
  }

  #error(error: WorkerError): StoreError {
    if (this.#failure) return this.#failure;
    return mapStoreError(Object.assign(new Error(error.message), error), error.cypher);
  }

  #closedError(): StoreError {
    return new StoreError('STORE_CLOSED', `the embedded store at ${this.location} is closed`);
  }

  #assertOpen(): void {
    if (this.#closed) throw this.#closedError();
    if (this.#failure) throw this.#failure;
  }
}
