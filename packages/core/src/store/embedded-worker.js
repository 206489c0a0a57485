// @ts-check
/**
 * The embedded store's engine thread: it owns the Grafeo database and runs
 * what EmbeddedStore (embedded-store.ts) posts to it. Writes run one
 * transaction at a time, in the order they were posted (those that queue up
 * meanwhile share the next one: see the group commit below); reads run at
 * once, each in a transaction that is always rolled back. Parameter and result conversion,
 * the engine and its synchronous commit all happen here, so the thread that
 * parses cloud API responses never waits for them, and they never wait for it.
 *
 * Plain JavaScript, not TypeScript: a worker thread starts from a file, and
 * this one must start the same way from the sources (tests, development) and
 * from the published package.
 */
import { createRequire } from 'node:module';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * @typedef {{ cypher: string, params: Record<string, unknown> }} Statement
 * @typedef {{ id: number, op: 'write', statements: Statement[] }
 *   | { id: number, op: 'read', cypher: string, params: Record<string, unknown> }
 *   | { id: number, op: 'close' }} Request
 * @typedef {{ executeCypher(cypher: string, params: unknown): Promise<{ toArray(): unknown[] }>,
 *   commit(): void, rollback(): void, isActive: boolean }} Transaction
 * @typedef {{ beginTransaction(): Transaction, close(): void }} Database
 */

const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);
const { path, readOnly, opened, handshake } = /** @type {{ path: string | null, readOnly: boolean,
  opened: Int32Array, handshake: import('node:worker_threads').MessagePort }} */ (workerData);

/** What crosses back to the main thread for an error: what mapStoreError reads. */
function describe(/** @type {unknown} */ error, cypher = '') {
  const err = /** @type {{ message?: unknown, code?: unknown, gqlStatus?: unknown }} */ (error ?? {});
  return {
    message: typeof err.message === 'string' ? err.message : String(error),
    code: typeof err.code === 'string' ? err.code : undefined,
    gqlStatus: typeof err.gqlStatus === 'string' ? err.gqlStatus : undefined,
    cypher,
  };
}

/** @type {Database} */
let db;
try {
  const { GrafeoDB } = createRequire(import.meta.url)('@grafeo-db/js');
  if (path === null) db = GrafeoDB.create();
  else db = readOnly ? GrafeoDB.openReadOnly(path) : GrafeoDB.create(path);
  handshake.postMessage({ ok: true });
} catch (error) {
  handshake.postMessage({ ok: false, error: describe(error) });
}
// The opening thread waits on this flag, then reads the handshake message.
Atomics.store(opened, 0, 1);
Atomics.notify(opened, 0);

/** Posts a reply; a value that cannot cross threads becomes an error, not a lost reply. */
function reply(/** @type {number} */ id, /** @type {Record<string, unknown>} */ message) {
  try {
    port.postMessage({ id, ...message });
  } catch (error) {
    port.postMessage({ id, ok: false, error: describe(error) });
  }
}

async function write(/** @type {Statement[]} */ statements) {
  const started = performance.now();
  const tx = db.beginTransaction();
  const results = [];
  let current = '';
  try {
    for (const statement of statements) {
      current = statement.cypher;
      const result = await tx.executeCypher(statement.cypher, statement.params);
      results.push(result.toArray());
    }
    current = '';
    tx.commit();
    return { ok: true, value: results, ms: performance.now() - started };
  } catch (error) {
    if (tx.isActive) tx.rollback();
    return { ok: false, error: describe(error, current), ms: performance.now() - started };
  }
}

async function read(/** @type {string} */ cypher, /** @type {Record<string, unknown>} */ params) {
  const tx = db.beginTransaction();
  try {
    const result = await tx.executeCypher(cypher, params);
    return { ok: true, value: result.toArray() };
  } catch (error) {
    return { ok: false, error: describe(error, cypher) };
  } finally {
    if (tx.isActive) tx.rollback();
  }
}

// Group commit: the writes that queue up while a transaction runs are run
// together in the next one, up to this many rows (a statement's `$rows`, or
// its `$batch` of deletions), so the engine commits (and syncs its log) once
// for many small writes. A group that fails is run again one write at a
// time, so each caller gets its own result and one bad write fails alone.
const GROUP_ROWS = 10_000;

/** @typedef {{ id: number, statements: Statement[], rows: number }} QueuedWrite */
/** @type {QueuedWrite[]} */
const queue = [];
/** @type {Promise<void>} */
let writes = Promise.resolve();
let draining = false;

function weight(/** @type {Statement[]} */ statements) {
  let rows = 0;
  for (const { params } of statements) {
    const p = /** @type {{ rows?: unknown[], batch?: number }} */ (params ?? {});
    rows += Array.isArray(p.rows) ? p.rows.length : typeof p.batch === 'number' ? p.batch : 1;
  }
  return rows;
}

async function drain() {
  while (queue.length > 0) {
    const group = [/** @type {QueuedWrite} */ (queue.shift())];
    let rows = group[0]?.rows ?? 0;
    while (queue.length > 0 && rows + (queue[0]?.rows ?? 0) <= GROUP_ROWS) {
      const next = /** @type {QueuedWrite} */ (queue.shift());
      rows += next.rows;
      group.push(next);
    }
    const result = await write(group.flatMap((w) => w.statements));
    if (group.length === 1 || result.ok) {
      let offset = 0;
      group.forEach((w, i) => {
        const ms = i === 0 ? result.ms : 0;
        if (!result.ok) {
          reply(w.id, { ...result, ms });
          return;
        }
        const value = /** @type {unknown[]} */ (result.value).slice(offset, offset + w.statements.length);
        offset += w.statements.length;
        reply(w.id, { ok: true, value, ms });
      });
      continue;
    }
    for (const w of group) reply(w.id, await write(w.statements));
  }
}

port.on('message', (/** @type {Request} */ request) => {
  if (request.op === 'read') {
    read(request.cypher, request.params).then((message) => reply(request.id, message));
  } else if (request.op === 'write') {
    queue.push({ id: request.id, statements: request.statements, rows: weight(request.statements) });
    if (!draining) {
      draining = true;
      writes = drain().finally(() => {
        draining = false;
      });
    }
  } else {
    writes.then(() => {
      try {
        db.close();
        reply(request.id, { ok: true, value: null });
      } catch (error) {
        reply(request.id, { ok: false, error: describe(error) });
      }
      port.close();
    });
  }
});
