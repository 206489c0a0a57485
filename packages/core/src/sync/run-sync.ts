import { randomUUID } from 'node:crypto';
import { setMaxListeners } from 'node:events';
import pLimit from 'p-limit';
import {
  CancelledError,
  CollectError,
  type ErrorKind,
  errorMessage,
  SkygraphError,
  StoreError,
} from '../errors/skygraph-error.ts';
import { type Logger, silentLogger } from '../log/logger.ts';
import type { AnyNodeSchema } from '../schema/define.ts';
import type { GraphStore } from '../store/graph-store.ts';
import { ChangeRecorder, pruneChanges } from './change-log.ts';
import { ensureIndexes } from './ensure-indexes.ts';
import type { SyncEvent, SyncListener } from './events.ts';
import {
  acquireLease,
  beginRun,
  DEFAULT_LEASE,
  endRun,
  type LeaseOptions,
  releaseLease,
  renewLease,
} from './lease.ts';
import { migrateLegacyLabels, runMigrations } from './migrate-legacy-labels.ts';
import type { CollectContext, Provider, Scope } from './provider.ts';
import { DEFAULT_RETRY, type RetryPolicy, withRetry } from './retry.ts';
import { type PreparedRow, prepareRow } from './row-prep.ts';
import { cleanupSchema, findStale, writeBatch } from './schema-writer.ts';
import { writeSyncRecord } from './sync-record.ts';
import type { CollectorResult, ScopeResult, SyncError, SyncResult } from './sync-result.ts';

export interface SyncOptions {
  store: GraphStore;
  providers: readonly Provider[];
  /** One tag for the whole run (seconds); several jobs that split an estate may share one. */
  updateTag?: number;
  /** Scopes in flight at once, over all providers. */
  concurrency?: number;
  /** Rows per write transaction. */
  batchSize?: number;
  /** Entities per cleanup transaction. */
  cleanupBatchSize?: number;
  /** Stop at the first failed scope (default: carry on and report). */
  failFast?: boolean;
  signal?: AbortSignal;
  retry?: Partial<RetryPolicy>;
  lease?: Partial<LeaseOptions>;
  /** Record what each scope changed (added, removed, changed nodes and relationships); default true. */
  changeLog?: boolean;
  /** Days the change log keeps entries (default 30). */
  changeRetentionDays?: number;
  /** Run the providers' analysis jobs after loading (default true). */
  analysis?: boolean;
  onEvent?: SyncListener;
  log?: Logger;
}

interface RunState {
  runId: string;
  updateTag: number;
  store: GraphStore;
  log: Logger;
  signal: AbortSignal;
  abort: AbortController;
  emit: (event: SyncEvent) => void;
  retry: RetryPolicy;
  lease: LeaseOptions;
  batchSize: number;
  cleanupBatchSize: number;
  failFast: boolean;
  changeLog: boolean;
  scopes: ScopeResult[];
  errors: SyncError[];
  writeMs: number;
  /** Set when the store became unreachable mid-run: the run stops, nothing more is written or deleted. */
  storeLost?: StoreError;
}

/**
 * Runs one sync: plans every provider's scopes, collects them with bounded
 * concurrency, cleans up each scope that completed, runs analysis and writes
 * the sync record. Never throws for a failing scope: the result says what
 * failed; it throws only when the store itself fails before the run starts.
 *
 * @example
 * const result = await sync({ store, providers: [awsProvider(config)] });
 * process.exitCode = result.status === 'success' ? 0 : 1;
 */
export async function sync(options: SyncOptions): Promise<SyncResult> {
  const started = Date.now();
  const abort = new AbortController();
  // Every in-flight request listens on the run's signal; hundreds at once are expected.
  setMaxListeners(0, abort.signal);
  const onOuterAbort = () => abort.abort(options.signal?.reason);
  if (options.signal?.aborted) abort.abort(options.signal.reason);
  options.signal?.addEventListener('abort', onOuterAbort, { once: true });
  const state: RunState = {
    runId: randomUUID(),
    updateTag: options.updateTag ?? Math.floor(started / 1000),
    store: options.store,
    log: options.log ?? silentLogger(),
    signal: abort.signal,
    abort,
    emit: (event) => {
      try {
        options.onEvent?.(event);
      } catch {
        // A listener's bug must not break the sync.
      }
    },
    retry: { ...DEFAULT_RETRY, ...options.retry },
    lease: { ...DEFAULT_LEASE, ...options.lease },
    batchSize: options.batchSize ?? 1000,
    cleanupBatchSize: options.cleanupBatchSize ?? 5000,
    failFast: options.failFast ?? false,
    changeLog: options.changeLog ?? true,
    scopes: [],
    errors: [],
    writeMs: 0,
  };
  const providers = options.providers.map((p) => p.name);
  if (options.updateTag === undefined) state.updateTag = await nextUpdateTag(options.store, state.updateTag);
  state.emit({ type: 'run:start', runId: state.runId, updateTag: state.updateTag, providers });
  state.log.info(
    { runId: state.runId, updateTag: state.updateTag, providers, store: options.store.location },
    'sync started',
  );

  const schemas = options.providers.flatMap((p) => p.schemas);
  const migrated = await migrateLegacyLabels(options.store, schemas, state.cleanupBatchSize);
  if (Object.keys(migrated).length > 0) {
    state.log.info({ migrated }, 'nodes written under a legacy label now carry the current one');
  }
  const changed = await runMigrations(
    options.store,
    options.providers.flatMap((p) => p.migrations ?? []),
    state.cleanupBatchSize,
  );
  if (Object.keys(changed).length > 0) {
    state.log.info(
      { migrations: changed },
      'graph written by an earlier version brought to the current shape',
    );
  }
  await ensureIndexes(options.store, schemas, (message) => state.log.warn(message));

  const global = pLimit(Math.max(1, options.concurrency ?? 16));
  // Leases held under a live run are never taken over; a crashed run's are (see lease.ts).
  beginRun(state.runId);
  try {
    await Promise.all(options.providers.map((provider) => runProvider(provider, global, state)));
  } finally {
    endRun(state.runId);
  }

  // After a cancellation or a fail-fast stop the graph is incomplete: analysis would mislead.
  if (options.analysis !== false && !state.signal.aborted) {
    for (const provider of options.providers) await runAnalysis(provider, state);
  }
  // A cancellation during analysis stops it between statements: the run is cancelled too.
  const cancelled = options.signal?.aborted === true;
  options.signal?.removeEventListener('abort', onOuterAbort);

  const ended = Date.now();
  const failed = state.scopes.some((s) => s.status === 'failed') || state.errors.length > 0;
  const anyOk = state.scopes.some((s) => s.status === 'success');
  const result: SyncResult = {
    runId: state.runId,
    updateTag: state.updateTag,
    status: cancelled ? 'cancelled' : !failed ? 'success' : anyOk ? 'partial' : 'failed',
    providers,
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(ended).toISOString(),
    durationMs: ended - started,
    scopes: state.scopes,
    errors: state.errors,
    counts: {
      nodes: sum(state.scopes, (s) => s.nodes),
      relationships: sum(state.scopes, (s) => s.relationships),
      deleted: sum(state.scopes, (s) => s.deleted),
      requests: sum(state.scopes, (s) => s.requests),
      retries: sum(state.scopes, (s) => s.retries),
    },
    writeMs: state.writeMs,
  };
  if (state.storeLost) {
    state.log.error(
      { err: state.storeLost.message },
      'the graph store was lost mid-run: no sync record written; scopes that did not finish keep their previous data',
    );
  } else if (state.changeLog) {
    const retention = (options.changeRetentionDays ?? 30) * 86_400_000;
    await pruneChanges(options.store, started - retention).catch((error: unknown) =>
      state.log.warn({ err: errorMessage(error) }, 'could not prune the change log'),
    );
  }
  if (!state.storeLost) {
    try {
      await writeSyncRecord(options.store, result);
    } catch (error) {
      state.log.error({ err: errorMessage(error) }, 'could not write the sync record');
    }
  }
  state.emit({ type: 'run:end', result });
  state.log.info(
    { runId: result.runId, status: result.status, durationMs: result.durationMs, ...result.counts },
    'sync finished',
  );
  return result;
}

async function runProvider(
  provider: Provider,
  global: ReturnType<typeof pLimit>,
  state: RunState,
): Promise<void> {
  const own = pLimit(Math.max(1, provider.concurrency ?? Number.POSITIVE_INFINITY));
  const planCounters = { requests: 0, retries: 0 };
  const tasks: Promise<void>[] = [];
  let planned = 0;
  try {
    const plan = provider.plan({
      updateTag: state.updateTag,
      signal: state.signal,
      log: state.log.child({ provider: provider.name }),
      call: (operation, request) => callApi(provider, operation, request, state, planCounters),
    });
    for await (const scope of plan) {
      if (state.signal.aborted) break;
      planned += 1;
      state.emit({ type: 'scope:planned', scope: info(scope) });
      tasks.push(global(() => own(() => runScope(provider, scope, state))));
    }
  } catch (error) {
    const message = errorMessage(error);
    state.errors.push({
      provider: provider.name,
      code: codeOf(error),
      message: `planning failed: ${message}`,
    });
    state.emit({
      type: 'error',
      provider: provider.name,
      code: codeOf(error),
      message: `planning failed: ${message}`,
    });
    state.log.error(
      { provider: provider.name, err: message },
      'planning failed; scopes found so far are still synced',
    );
    if (state.failFast) state.abort.abort(error);
  }
  state.emit({ type: 'plan:done', provider: provider.name, scopes: planned });
  await Promise.all(tasks);
}

async function runScope(provider: Provider, scope: Scope, state: RunState): Promise<void> {
  const started = Date.now();
  const scopeInfo = info(scope);
  const log = state.log.child({ scope: scope.id });
  const result: ScopeResult = {
    id: scope.id,
    provider: provider.name,
    owner: scope.owner,
    labels: { ...scope.labels },
    status: 'success',
    collectors: [],
    nodes: 0,
    relationships: 0,
    deleted: 0,
    requests: 0,
    retries: 0,
    changes: 0,
    durationMs: 0,
    cleanedUp: false,
  };
  const finish = (status: ScopeResult['status'], error?: unknown) => {
    result.status = status;
    if (error !== undefined) result.error = errorMessage(error);
    result.durationMs = Date.now() - started;
    state.scopes.push(result);
    state.emit({ type: 'scope:end', scope: scopeInfo, result });
  };
  // Stopped by a cancellation, or failed because the store went away.
  const stopped = () => (state.storeLost ? finish('failed', state.storeLost) : finish('cancelled'));
  if (state.signal.aborted) return stopped();
  state.emit({ type: 'scope:start', scope: scopeInfo });
  try {
    const lease = await acquireLease(state.store, scope.id, state.runId, state.lease, state.signal);
    if (lease.takenOverFrom) {
      log.warn(
        { previousRun: lease.takenOverFrom.runId, reason: lease.takenOverFrom.reason },
        'took over the lease of a run that is gone (a crash or a kill); its scope syncs now',
      );
    }
  } catch (error) {
    recordError(state, provider.name, scope, undefined, error);
    finish('skipped', error);
    if (state.failFast) state.abort.abort(error);
    return;
  }
  // Renewed while held: a run that dies leaves a lease that lapses within one TTL.
  const renewal = setInterval(
    () => {
      renewLease(state.store, scope.id, state.runId, state.lease).catch((error: unknown) =>
        log.warn({ err: errorMessage(error) }, 'could not renew the scope lease'),
      );
    },
    Math.max(1000, state.lease.ttlMs / 3),
  );
  renewal.unref();
  try {
    await state.store.write([
      {
        cypher: `MERGE (o:${scope.owner.label} {${scope.owner.key}: $value})`,
        params: { value: scope.owner.value },
      },
    ]);
    const recorder = state.changeLog
      ? new ChangeRecorder(state.store, {
          runId: state.runId,
          updateTag: state.updateTag,
          scope,
          initial: !(await ChangeRecorder.seenBefore(state.store, scope)),
        })
      : null;
    for (const collector of scope.collectors) {
      if (state.signal.aborted) break;
      const outcome = await runCollector({ provider, scope, collector, state, result, log, recorder });
      result.collectors.push(outcome);
      if (outcome.status === 'failed' && state.failFast) state.abort.abort(new Error(outcome.error));
    }
    const allOk =
      result.collectors.length === scope.collectors.length &&
      result.collectors.every((c) => c.status === 'success');
    if (state.signal.aborted) return stopped();
    if (!allOk) {
      result.changes = recorder?.count ?? 0;
      return finish('failed', result.collectors.find((c) => c.error)?.error);
    }
    result.deleted = await cleanupScope(scope, state, recorder);
    result.cleanedUp = true;
    await recorder?.initialLoad(result.nodes);
    result.changes = recorder?.count ?? 0;
    if (result.deleted > 0) state.emit({ type: 'cleanup', scope: scopeInfo, deleted: result.deleted });
    finish('success');
  } catch (error) {
    recordError(state, provider.name, scope, undefined, error);
    finish('failed', error);
    if (state.failFast) state.abort.abort(error);
  } finally {
    clearInterval(renewal);
    // Without a store there is no lease to release (and each try would wait out the driver's retries).
    if (!state.storeLost)
      await releaseLease(state.store, scope.id, state.runId).catch((error: unknown) =>
        log.warn({ err: errorMessage(error) }, 'could not release the scope lease; it expires by itself'),
      );
  }
}

interface CollectorRun {
  provider: Provider;
  scope: Scope;
  collector: Scope['collectors'][number];
  state: RunState;
  result: ScopeResult;
  log: Logger;
  recorder: ChangeRecorder | null;
}

async function runCollector(run: CollectorRun): Promise<CollectorResult> {
  const { provider, scope, collector, state, result, log, recorder } = run;
  const started = Date.now();
  const scopeInfo = info(scope);
  const counters = { requests: 0, retries: 0 };
  const ctx: CollectContext = {
    scope,
    context: scope.context,
    updateTag: state.updateTag,
    signal: state.signal,
    log: log.child({ collector: collector.name }),
    call: (operation, request) => callApi(provider, operation, request, state, counters, scopeInfo),
  };
  // Rows wait here, per schema in first-seen order, until a batch is full;
  // flushing them together in that order lets a relationship find a target
  // the same collector loads.
  const buffers = new Map<AnyNodeSchema, PreparedRow[]>();
  let buffered = 0;
  let rows = 0;
  const flush = async () => {
    const parts = [...buffers].map(([schema, pending]) => ({ schema, rows: pending }));
    const writeStart = Date.now();
    const counts = await writeBatch(
      parts,
      {
        store: state.store,
        updateTag: state.updateTag,
        scopeKey: scope.owner.value,
        track: recorder?.tracks ?? false,
        module: { name: `skygraph:${provider.name}`, version: provider.version ?? null },
      },
      (schema, size) =>
        log.warn(
          { label: schema.label, size },
          'the store ran out of transaction memory; splitting the batch',
        ),
    );
    state.writeMs += Date.now() - writeStart;
    for (const [i, { schema, rows: written }] of parts.entries()) {
      const count = counts[i];
      if (written.length === 0 || !count) continue;
      const { nodes, relationships, changes } = count;
      await recorder?.written(schema, written, changes);
      result.nodes += nodes;
      result.relationships += relationships;
      state.emit({ type: 'rows', scope: scopeInfo, label: schema.label, nodes, relationships });
      buffers.set(schema, []);
    }
    buffered = 0;
  };
  try {
    for await (const page of collector.fetch(ctx)) {
      for (const { schema, rows: loadRows } of collector.transform(page, ctx)) {
        let pending = buffers.get(schema);
        if (!pending) {
          pending = [];
          buffers.set(schema, pending);
        }
        for (const row of loadRows) {
          const prepared = prepareRow(schema, row as Record<string, unknown>);
          if (prepared === null) {
            ctx.log.warn({ label: schema.label, key: schema.key }, 'row without its key skipped');
            continue;
          }
          pending.push(prepared);
          buffered += 1;
          rows += 1;
        }
      }
      if (buffered >= state.batchSize) await flush();
      // In-flight batches finish; nothing new starts after cancellation.
      if (state.signal.aborted) throw new CancelledError();
    }
    await flush();
    return { name: collector.name, status: 'success', rows, durationMs: Date.now() - started };
  } catch (caught) {
    noteStoreLoss(state, caught);
    if (!state.storeLost && (caught instanceof CancelledError || state.signal.aborted)) {
      return { name: collector.name, status: 'cancelled', rows, durationMs: Date.now() - started };
    }
    const error = state.storeLost && caught instanceof CancelledError ? state.storeLost : caught;
    const wrapped = wrapCollectError(provider, scope, collector.name, error);
    recordError(state, provider.name, scope, collector.name, wrapped);
    log.warn(
      { collector: collector.name, code: wrapped.code, err: wrapped.message },
      'collector failed; the scope keeps its previous data',
    );
    return {
      name: collector.name,
      status: 'failed',
      rows,
      durationMs: Date.now() - started,
      error: wrapped.message,
    };
  } finally {
    result.requests += counters.requests;
    result.retries += counters.retries;
  }
}

async function cleanupScope(scope: Scope, state: RunState, recorder: ChangeRecorder | null): Promise<number> {
  const filters = scope.filters ?? {};
  // Schemas by scope relationship: one stale check reads each group once.
  const groups = new Map<string, AnyNodeSchema[]>();
  for (const collector of scope.collectors) {
    for (const schema of collector.schemas) {
      if (!schema.scope) continue;
      for (const prop of Object.keys(filters)) {
        if (!(prop in schema.properties)) {
          throw new SkygraphError(
            'SCHEMA_INVALID',
            `${schema.label} has no property "${prop}" to filter scope ${scope.id} by; cleanup skipped`,
          );
        }
      }
      const group = `${schema.scope.owner.label}.${schema.scope.owner.key}-${schema.scope.rel}`;
      const schemas = groups.get(group) ?? [];
      if (!schemas.includes(schema)) schemas.push(schema);
      groups.set(group, schemas);
    }
  }
  const target = {
    store: state.store,
    updateTag: state.updateTag,
    scopeKey: scope.owner.value,
    filters,
    batchSize: state.cleanupBatchSize,
  };
  const all = [...groups.values()].flat();
  let deleted = 0;
  for (const schemas of groups.values()) {
    const stale = await findStale(schemas, target);
    if (stale.size === 0) continue;
    for (const schema of schemas) {
      const others = all
        .filter((o) => o !== schema && o.extraLabels.includes(schema.label))
        .map((o) => o.label);
      deleted += await cleanupSchema(
        schema,
        target,
        recorder ? (batch) => recorder.removed(schema, batch) : undefined,
        stale,
        others,
      );
    }
  }
  return deleted;
}

async function runAnalysis(provider: Provider, state: RunState): Promise<void> {
  for (const job of provider.analysis ?? []) {
    state.emit({ type: 'analysis', provider: provider.name, job: job.name });
    try {
      for (const cypher of job.statements) {
        // Each statement is whole; the next run derives everything again.
        if (state.signal.aborted) return;
        await state.store.write([
          {
            cypher,
            params: {
              updateTag: state.updateTag,
              moduleName: `skygraph:${provider.name}`,
              moduleVersion: provider.version ?? null,
            },
          },
        ]);
      }
    } catch (error) {
      state.errors.push({
        provider: provider.name,
        code: codeOf(error),
        message: `analysis ${job.name}: ${errorMessage(error)}`,
      });
      state.log.error(
        { provider: provider.name, job: job.name, err: errorMessage(error) },
        'analysis job failed',
      );
    }
  }
}

function callApi<T>(
  provider: Provider,
  operation: string,
  request: () => Promise<T>,
  state: RunState,
  counters: { requests: number; retries: number },
  scope?: ReturnType<typeof info>,
): Promise<T> {
  return withRetry(
    () => {
      counters.requests += 1;
      state.emit({ type: 'request', provider: provider.name, operation, ...(scope ? { scope } : {}) });
      return request();
    },
    state.retry,
    {
      classify: (error) => provider.classifyError(error),
      signal: state.signal,
      onRetry: ({ attempt, kind, error }) => {
        counters.retries += 1;
        state.emit({
          type: 'retry',
          provider: provider.name,
          operation,
          kind,
          attempt,
          message: errorMessage(error),
          ...(scope ? { scope } : {}),
        });
      },
    },
  );
}

function wrapCollectError(
  provider: Provider,
  scope: Scope,
  collector: string,
  error: unknown,
): SkygraphError {
  if (error instanceof SkygraphError) return error;
  const kind: ErrorKind = provider.classifyError(error);
  const name = (error as { name?: string }).name;
  const prefix =
    kind === 'denied' ? 'access denied' : kind === 'throttled' ? 'throttled (retries exhausted)' : 'failed';
  return new CollectError(
    kind,
    `${collector} ${prefix} in ${scope.id}: ${name ? `${name}: ` : ''}${errorMessage(error)}`,
    {
      cause: error,
      context: { provider: provider.name, scope: scope.id, module: collector, ...scope.labels },
    },
  );
}

/**
 * A store that stops answering mid-run ends the run: every further write
 * would fail the same way after the driver's retries, and a scope must not
 * be half cleaned. The scopes still running fail with the store's error and
 * keep their previous data.
 */
function noteStoreLoss(state: RunState, error: unknown): void {
  if (state.storeLost) return;
  for (let e: unknown = error; e instanceof Error; e = e.cause) {
    if (e instanceof StoreError && e.code === 'STORE_UNAVAILABLE') {
      state.storeLost = e;
      state.log.error({ err: e.message }, 'the graph store is unreachable: stopping the run');
      state.abort.abort(e);
      return;
    }
  }
}

function recordError(
  state: RunState,
  provider: string,
  scope: Scope,
  collector: string | undefined,
  error: unknown,
) {
  noteStoreLoss(state, error);
  const entry: SyncError = {
    provider,
    scope: scope.id,
    code: codeOf(error),
    message: errorMessage(error),
    ...(collector ? { collector } : {}),
  };
  state.errors.push(entry);
  state.emit({ ...entry, type: 'error', scope: info(scope) });
}

function codeOf(error: unknown): string {
  return error instanceof SkygraphError ? error.code : ((error as { name?: string }).name ?? 'ERROR');
}

function info(scope: Scope) {
  return { id: scope.id, provider: scope.provider, labels: { ...scope.labels } };
}

function sum<T>(items: readonly T[], pick: (item: T) => number): number {
  return items.reduce((total, item) => total + pick(item), 0);
}

/**
 * The clock's second, unless a run already used it or a later one (two runs in
 * one second, a clock stepped back): cleanup deletes what carries an older tag,
 * so a reused tag would leave the first run's leftovers in the graph.
 */
async function nextUpdateTag(store: GraphStore, clock: number): Promise<number> {
  const [row] = await store.read<{ last: unknown }>(
    'MATCH (m:SyncMetadata) RETURN max(coalesce(m.last_attempt, m.lastupdated)) AS last',
  );
  const last = typeof row?.last === 'number' ? row.last : Number(row?.last ?? Number.NaN);
  return Number.isFinite(last) && last >= clock ? last + 1 : clock;
}
