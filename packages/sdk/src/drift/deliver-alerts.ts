import { errorMessage } from '@skygraph/core';
import type { Alert } from './alert.ts';
import type { Delivery } from './evaluate-alerts.ts';
import type { AlertSink, SinkContext } from './sinks/sink.ts';
import type { PendingDelivery } from './snapshot-store.ts';

/** How one sink fared in a run. */
export interface SinkReport {
  readonly sink: string;
  readonly type: string;
  readonly delivered: number;
  /** Of the delivered ones, how many were left over from earlier runs. */
  readonly redelivered: number;
  readonly failed: number;
  /** Distinct error messages (never secrets). */
  readonly errors: readonly string[];
}

export interface DeliverAlertsOptions {
  /** Deliveries earlier runs could not make. */
  readonly pending: readonly PendingDelivery[];
  /** This run's deliveries. */
  readonly deliveries: readonly Delivery[];
  readonly sinks: ReadonlyMap<string, AlertSink>;
  readonly ctx: SinkContext;
  readonly now: Date;
  /** Pending deliveries kept per sink at most (default 10,000): the oldest go first. */
  readonly maxPendingPerSink?: number;
}

export interface DeliveryOutcome {
  readonly reports: readonly SinkReport[];
  /** What is still undelivered, for the next run. */
  readonly pending: readonly PendingDelivery[];
  readonly warnings: readonly string[];
}

/**
 * Delivers earlier runs' pending alerts and this run's new ones, each once
 * per sink. Whatever a sink does not accept stays pending, with its number
 * of attempts and last error, for the next run.
 */
export async function deliverAlerts(options: DeliverAlertsOptions): Promise<DeliveryOutcome> {
  const warnings: string[] = [];
  const queued = new Map<string, Map<string, { alert: Alert; previous?: PendingDelivery }>>();
  const enqueue = (sink: string, alert: Alert, previous?: PendingDelivery) => {
    if (!options.sinks.has(sink)) {
      warnings.push(`dropped a pending alert for sink "${sink}", which the rules no longer define`);
      return;
    }
    let bySink = queued.get(sink);
    if (!bySink) {
      bySink = new Map();
      queued.set(sink, bySink);
    }
    if (!bySink.has(alert.id)) bySink.set(alert.id, { alert, ...(previous ? { previous } : {}) });
  };
  for (const entry of options.pending) enqueue(entry.sink, entry.alert, entry);
  for (const delivery of options.deliveries) enqueue(delivery.sink, delivery.alert);

  const reports: SinkReport[] = [];
  const pending: PendingDelivery[] = [];
  for (const [name, entries] of queued) {
    const sink = options.sinks.get(name) as AlertSink;
    const alerts = [...entries.values()].map((e) => e.alert);
    let failed: Map<string, string>;
    let delivered: readonly string[];
    try {
      const result = await sink.deliver(alerts, options.ctx);
      delivered = result.delivered;
      failed = new Map(result.failed.map((f) => [f.id, f.error]));
      // A sink that forgets an alert has not delivered it.
      for (const alert of alerts) {
        if (!delivered.includes(alert.id) && !failed.has(alert.id))
          failed.set(alert.id, `${name}: not delivered`);
      }
    } catch (error) {
      delivered = [];
      failed = new Map(alerts.map((a) => [a.id, `${name}: ${errorMessage(error)}`]));
    }
    const stillPending: PendingDelivery[] = [];
    for (const [id, error] of failed) {
      const entry = entries.get(id);
      if (!entry) continue;
      stillPending.push({
        sink: name,
        alert: entry.alert,
        attempts: (entry.previous?.attempts ?? 0) + 1,
        lastError: error,
        queuedAt: entry.previous?.queuedAt ?? options.now.toISOString(),
      });
    }
    const cap = options.maxPendingPerSink ?? 10_000;
    if (stillPending.length > cap) {
      warnings.push(
        `sink "${name}": ${stillPending.length - cap} undelivered alerts dropped (more than ${cap} pending)`,
      );
      stillPending.sort((a, b) => (a.queuedAt < b.queuedAt ? 1 : -1));
      stillPending.length = cap;
    }
    pending.push(...stillPending);
    reports.push({
      sink: name,
      type: sink.type,
      delivered: delivered.length,
      redelivered: delivered.filter((id) => entries.get(id)?.previous !== undefined).length,
      failed: failed.size,
      errors: [...new Set(failed.values())],
    });
  }
  return { reports, pending, warnings };
}
