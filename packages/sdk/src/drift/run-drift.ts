import { randomUUID } from 'node:crypto';
import { errorMessage, type Logger, silentLogger } from '@skygraph/core';
import type { Queryable } from '../query/compiled-query.ts';
import type { Alert } from './alert.ts';
import type { AlertRules } from './alert-rules.ts';
import { type DeliveryOutcome, deliverAlerts, type SinkReport } from './deliver-alerts.ts';
import {
  evaluateAlerts,
  type QueryEvaluation,
  queriesWatchedBy,
  type SuppressedFinding,
} from './evaluate-alerts.ts';
import { toFindingQuery, type WatchableQuery } from './finding-query.ts';
import { type QuerySelection, selectQueries } from './select-queries.ts';
import { createSinks } from './sinks/create-sinks.ts';
import type { AlertSink } from './sinks/sink.ts';
import { type Snapshot, takeSnapshot } from './snapshot.ts';
import type { PendingDelivery, SnapshotStore } from './snapshot-store.ts';

export interface RunDriftOptions {
  /** Runs the queries: a `GraphStore` or the SDK client. */
  readonly source: Queryable;
  /** The queries to choose from: catalogue entries (`catalogue.queries`) or hand-written finding queries. */
  readonly catalogue: readonly WatchableQuery[];
  /** Alert rules; without them drift only snapshots and diffs the selected queries. */
  readonly rules?: AlertRules;
  /** More queries to snapshot besides those the rules watch. */
  readonly select?: QuerySelection;
  readonly snapshots: SnapshotStore;
  /** Keeps independent drift setups apart (default `default`). */
  readonly namespace?: string;
  /** Sinks by name; default: built from the rules and the environment. */
  readonly sinks?: ReadonlyMap<string, AlertSink>;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the stdout sink writes. */
  readonly stdout?: NodeJS.WritableStream;
  /** Parameters for the queries (a catalogue query takes those it declares). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Snapshots kept per query (default 30). */
  readonly retention?: number;
  /** Rows a snapshot keeps at most (default 100,000). */
  readonly maxRows?: number;
  /** Evaluate and report, but save nothing and send nothing. */
  readonly dryRun?: boolean;
  readonly runId?: string;
  readonly now?: Date;
  readonly log?: Logger;
  readonly signal?: AbortSignal;
  /** Lets go of the store while alerts are delivered (see {@link DeliveryRelease}). */
  readonly release?: DeliveryRelease;
}

/**
 * Frees the store for the time alerts are delivered, so a slow sink never
 * holds it (the embedded store admits one process at a time: a sync would be
 * refused meanwhile). `release` is called once the snapshots and the alerts to
 * send are saved as pending; `reacquire` gives the snapshot store in which to
 * record what was delivered. If it cannot, the alerts stay pending and are
 * sent again by the next run: duplicates, never losses.
 */
export interface DeliveryRelease {
  release(): Promise<void>;
  reacquire(): Promise<SnapshotStore>;
}

/** What one query did in a drift run. */
export interface QueryDriftReport {
  readonly query: string;
  readonly rows: number;
  /** First snapshot of the query: nothing to compare with yet. */
  readonly baseline: boolean;
  readonly added: number;
  readonly removed: number;
  readonly changed: number;
  readonly error?: string;
}

/** The outcome of a drift run. */
export interface DriftReport {
  readonly runId: string;
  readonly takenAt: string;
  readonly namespace: string;
  readonly dryRun: boolean;
  readonly queries: readonly QueryDriftReport[];
  /** This run's new alerts. */
  readonly alerts: readonly Alert[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly sinks: readonly SinkReport[];
  /** Deliveries left for the next run. */
  readonly pending: number;
  readonly warnings: readonly string[];
  /** `failed` when a query failed or a sink did not take everything (exit non-zero). */
  readonly status: 'ok' | 'failed';
}

const NO_RULES: AlertRules = {
  version: 1,
  baseline: 'silent',
  sinks: {},
  rules: [],
  exceptions: [],
  delivery: { retries: 0, timeoutSeconds: 15, minRetryDelayMs: 500, deadlineSeconds: 120 },
};

/**
 * One drift run, meant to follow each sync: snapshots the watched queries,
 * compares each with its previous snapshot, raises alerts per the rules,
 * delivers them (and whatever earlier runs could not), and keeps the
 * snapshots and the alert state for next time. A failing query or sink
 * never stops the others; the report says what failed.
 *
 * @example
 * const report = await runDrift({
 *   source: store,
 *   catalogue: queries,
 *   rules: loadAlertRules('alert-rules.yaml'),
 *   snapshots: createGraphSnapshotStore(store),
 * });
 * process.exitCode = report.status === 'ok' ? 0 : 1;
 */
export async function runDrift(options: RunDriftOptions): Promise<DriftReport> {
  const rules = options.rules ?? NO_RULES;
  const namespace = options.namespace ?? 'default';
  const runId = options.runId ?? randomUUID();
  const now = options.now ?? new Date();
  const log = options.log ?? silentLogger();
  const dryRun = options.dryRun ?? false;
  // Sinks first: a missing secret is a configuration error before anything is read or written.
  const sinks =
    options.sinks ??
    (dryRun
      ? new Map<string, AlertSink>()
      : createSinks(rules, {
          ...(options.env ? { env: options.env } : {}),
          ...(options.stdout ? { stdout: options.stdout } : {}),
        }));

  const watched = new Set(queriesWatchedBy(rules, options.catalogue));
  for (const query of options.select ? selectQueries(options.catalogue, options.select) : [])
    watched.add(query);
  const queries = options.catalogue.filter((query) => watched.has(query));

  const state = await options.snapshots.loadState(namespace);
  const evaluations: QueryEvaluation[] = [];
  const queryErrors = new Map<string, string>();
  for (const given of queries) {
    options.signal?.throwIfAborted();
    try {
      // A catalogue query that cannot run (a parameter without a value) fails alone.
      const query = toFindingQuery(given, options.params);
      const previous = await options.snapshots.latest(namespace, query.name);
      const current = await takeSnapshot(options.source, query, {
        runId,
        takenAt: now,
        namespace,
        ...(options.maxRows ? { maxRows: options.maxRows } : {}),
      });
      evaluations.push({ query, current, ...(previous ? { previous } : {}) });
    } catch (error) {
      queryErrors.set(given.name, errorMessage(error));
      log.error(
        { query: given.name, err: errorMessage(error) },
        'drift: query failed; its findings keep their state',
      );
    }
  }

  const evaluation = evaluateAlerts({ rules, evaluations, state, runId, now });
  const snapshots: Snapshot[] = evaluations.map((e) => e.current);
  let outcome: DeliveryOutcome = { reports: [], pending: state.pending, warnings: [] };
  const recordWarnings: string[] = [];
  if (!dryRun) {
    // Record the new alerts as pending before sending: a crash mid-delivery re-sends, it never loses.
    const queuedAt = now.toISOString();
    const toSend: PendingDelivery[] = evaluation.deliveries.map((d) => ({
      sink: d.sink,
      alert: d.alert,
      attempts: 0,
      lastError: 'not sent yet',
      queuedAt,
    }));
    await options.snapshots.commit(namespace, snapshots, {
      ...evaluation.state,
      pending: [...state.pending, ...toSend],
    });
    await options.release?.release();
    outcome = await deliverAlerts({
      pending: state.pending,
      deliveries: evaluation.deliveries,
      sinks,
      // An overall deadline: a sink that does not answer holds the run (and the store) no longer.
      ctx: {
        runId,
        log,
        signal: AbortSignal.any([
          AbortSignal.timeout(rules.delivery.deadlineSeconds * 1000),
          ...(options.signal ? [options.signal] : []),
        ]),
      },
      now,
    });
    try {
      const after = options.release ? await options.release.reacquire() : options.snapshots;
      await after.saveState(namespace, { ...evaluation.state, pending: outcome.pending });
      const retention = options.retention ?? 30;
      for (const snapshot of snapshots) await after.prune(namespace, snapshot.query, retention);
    } catch (error) {
      if (!options.release) throw error;
      // The alerts were saved as pending before delivery: the next run sends them again.
      recordWarnings.push(
        `could not reopen the store to record the delivery outcome (${errorMessage(error)}); the next run sends this run's alerts again`,
      );
      log.warn({ err: errorMessage(error) }, 'drift: delivery outcome not recorded');
    }
    for (const report of outcome.reports) {
      const level = report.failed > 0 ? 'warn' : 'info';
      log[level](
        { sink: report.sink, delivered: report.delivered, failed: report.failed, errors: report.errors },
        report.failed > 0 ? 'drift: some alerts stay pending for the next run' : 'drift: alerts delivered',
      );
    }
  }

  const diffs = new Map(evaluation.diffs.map((d) => [d.query, d]));
  const queryReports: QueryDriftReport[] = queries.map((query) => {
    const error = queryErrors.get(query.name);
    const current = snapshots.find((s) => s.query === query.name);
    const diff = diffs.get(query.name);
    return {
      query: query.name,
      rows: current?.rows.length ?? 0,
      baseline: error === undefined && diff === undefined,
      added: diff?.added.length ?? 0,
      removed: diff?.removed.length ?? 0,
      changed: diff?.changed.length ?? 0,
      ...(error === undefined ? {} : { error }),
    };
  });
  const failedDelivery = outcome.reports.some((r) => r.failed > 0);
  return {
    runId,
    takenAt: now.toISOString(),
    namespace,
    dryRun,
    queries: queryReports,
    alerts: evaluation.alerts,
    suppressed: evaluation.suppressed,
    sinks: outcome.reports,
    pending: outcome.pending.length,
    warnings: [...evaluation.warnings, ...outcome.warnings, ...recordWarnings],
    status: queryErrors.size > 0 || failedDelivery || recordWarnings.length > 0 ? 'failed' : 'ok',
  };
}
