import { type Alert, buildAlert } from './alert.ts';
import type { AlertRule, AlertRules, Transition } from './alert-rules.ts';
import { canonicalJson, shortHash } from './canonical.ts';
import { diffSnapshots, type Finding, findingsOf, type SnapshotDiff } from './diff-snapshots.ts';
import { describeException, matchException } from './exceptions.ts';
import { type FindingQuery, type QueryMeta, severityRank } from './finding-query.ts';
import { matchesAny } from './glob.ts';
import type { Snapshot } from './snapshot.ts';
import type { AlertState, FindingState } from './snapshot-store.ts';

/** One query's snapshots for a run: the one before (none on the first run) and the one just taken. */
export interface QueryEvaluation {
  readonly query: FindingQuery;
  readonly previous?: Snapshot;
  readonly current: Snapshot;
}

/** A finding an exception keeps quiet. */
export interface SuppressedFinding {
  readonly rule: string;
  readonly query: string;
  readonly fingerprint: string;
  readonly identity: Readonly<Record<string, unknown>>;
  readonly transition: Transition;
  readonly reason: string;
}

/** An alert bound for one sink. */
export interface Delivery {
  readonly sink: string;
  readonly alert: Alert;
}

export interface EvaluateAlertsOptions {
  readonly rules: AlertRules;
  readonly evaluations: readonly QueryEvaluation[];
  readonly state: AlertState;
  readonly runId: string;
  readonly now: Date;
}

export interface AlertEvaluation {
  /** New alerts, one per finding and transition (the rules that raised it merged). */
  readonly alerts: readonly Alert[];
  /** New deliveries: each alert once per sink of the rules that raised it. */
  readonly deliveries: readonly Delivery[];
  readonly suppressed: readonly SuppressedFinding[];
  readonly diffs: readonly SnapshotDiff[];
  /** Queries whose first snapshot this was (no diff yet). */
  readonly baselines: readonly string[];
  /** Notes for the operator (e.g. truncated snapshots). */
  readonly warnings: readonly string[];
  /** The finding memory after this run; pending deliveries are carried over unchanged. */
  readonly state: AlertState;
}

/** Whether a rule watches a query: by name glob or tag, at or above its severity threshold. */
export function ruleSelects(rule: AlertRule, query: QueryMeta): boolean {
  const selected =
    matchesAny(rule.queries, query.name) || (query.tags ?? []).some((tag) => rule.tags.includes(tag));
  return selected && severityRank(query.severity) >= severityRank(rule.minSeverity);
}

/** The queries of a catalogue any rule watches. */
export function queriesWatchedBy<Q extends QueryMeta>(rules: AlertRules, catalogue: readonly Q[]): Q[] {
  return catalogue.filter((query) => rules.rules.some((rule) => ruleSelects(rule, query)));
}

/**
 * Decides what to alert on, given each query's previous and current
 * snapshot and what earlier runs remembered. Pure: it reads and writes
 * nothing.
 *
 * - `added`: a finding new since the previous snapshot; also one present
 *   already whose exception expired or was removed (once), and on a
 *   query's first snapshot every finding when `baseline: alert`.
 * - `changed`: same identity, other columns differ; once per new content.
 * - `removed`: a finding gone since the previous snapshot.
 * - An active exception suppresses every transition of the findings it covers.
 * - A finding already alerted and still present never alerts again.
 */
export function evaluateAlerts(options: EvaluateAlertsOptions): AlertEvaluation {
  const { rules, now, runId } = options;
  const detectedAt = now.toISOString();
  const alerts = new Map<string, { alert: Alert; sinks: Set<string> }>();
  const suppressed: SuppressedFinding[] = [];
  const diffs: SnapshotDiff[] = [];
  const baselines: string[] = [];
  const warnings: string[] = [];
  const ruleNames = new Set(rules.rules.map((r) => r.name));
  const evaluated = new Set(options.evaluations.map((e) => e.query.name));
  // Memory of rules that are gone is dropped; memory of queries not evaluated this run (failed) is kept.
  const nextFindings: Record<string, Record<string, FindingState>> = {};
  for (const [rule, entries] of Object.entries(options.state.findings)) {
    if (!ruleNames.has(rule)) continue;
    nextFindings[rule] = Object.fromEntries(
      Object.entries(entries).filter(([, entry]) => !evaluated.has(entry.query)),
    );
  }

  const raise = (rule: AlertRule, alert: Alert) => {
    const existing = alerts.get(alert.id);
    if (existing) {
      if (!existing.alert.rules.includes(rule.name)) {
        existing.alert = { ...existing.alert, rules: [...existing.alert.rules, rule.name] };
      }
      for (const sink of rule.sinks) existing.sinks.add(sink);
      return;
    }
    alerts.set(alert.id, { alert, sinks: new Set(rule.sinks) });
  };

  for (const { query, previous, current } of options.evaluations) {
    const diff = previous ? diffSnapshots(previous, current) : undefined;
    if (diff) diffs.push(diff);
    else baselines.push(query.name);
    const truncated = current.truncated || previous?.truncated === true;
    if (truncated) {
      warnings.push(
        `query "${query.name}" returned more rows than a snapshot keeps: only expired exceptions alert until it returns fewer`,
      );
    }
    const currentFindings = findingsOf(query.name, current.identityKeys, current.rows);
    const addedNow = new Set(truncated ? [] : (diff?.added ?? []).map((f) => f.fingerprint));
    const changedNow = new Map(truncated ? [] : (diff?.changed ?? []).map((f) => [f.fingerprint, f]));

    for (const rule of rules.rules) {
      if (!ruleSelects(rule, query)) continue;
      const before = options.state.findings[rule.name] ?? {};
      const after = nextFindings[rule.name] ?? {};
      nextFindings[rule.name] = after;
      const make = (
        transition: Transition,
        finding: Finding,
        extra: Partial<Parameters<typeof buildAlert>[0]> = {},
      ) => buildAlert({ transition, query, finding, rules: [rule.name], runId, detectedAt, ...extra });

      for (const finding of currentFindings.values()) {
        const memory = before[finding.fingerprint];
        const digest = digestOf(finding);
        const exception = matchException(
          rules.exceptions,
          { query: query.name, rule: rule.name, row: finding.row },
          now,
        );
        const isNew = addedNow.has(finding.fingerprint) || (!diff && rules.baseline === 'alert');
        const changed = changedNow.get(finding.fingerprint);
        if (exception.state === 'active') {
          const reason = describeException(exception.exception);
          after[finding.fingerprint] = {
            status: 'suppressed',
            query: query.name,
            digest,
            since: memory?.status === 'suppressed' ? memory.since : detectedAt,
            exception: reason,
          };
          const transition: Transition | undefined = isNew ? 'added' : changed ? 'changed' : undefined;
          if (transition && rule.on.includes(transition)) {
            suppressed.push({
              rule: rule.name,
              query: query.name,
              fingerprint: finding.fingerprint,
              identity: finding.identity,
              transition,
              reason,
            });
          }
          continue;
        }
        if (memory?.status === 'alerted') {
          // Already told: only a change of content is news.
          if (changed && rule.on.includes('changed') && memory.digest !== digest) {
            raise(rule, make('changed', finding, { changes: changed.changes }));
          }
          after[finding.fingerprint] = {
            ...memory,
            digest: rule.on.includes('changed') ? digest : memory.digest,
          };
          continue;
        }
        let note: string | undefined;
        let fire = isNew;
        if (!fire && exception.state === 'expired') {
          fire = true;
          note = `exception expired: ${describeException(exception.exception)}`;
        }
        if (!fire && memory?.status === 'suppressed') {
          fire = true;
          note = `no exception covers it any more (was: ${memory.exception ?? 'an exception'})`;
        }
        if (fire && rule.on.includes('added')) {
          raise(rule, make('added', finding, note === undefined ? {} : { note }));
          after[finding.fingerprint] = { status: 'alerted', query: query.name, digest, since: detectedAt };
        } else if (changed && rule.on.includes('changed')) {
          raise(rule, make('changed', finding, { changes: changed.changes }));
          after[finding.fingerprint] = { status: 'alerted', query: query.name, digest, since: detectedAt };
        }
      }

      if (truncated) {
        // Absence proves nothing in a truncated result: keep the memory of what was not seen.
        for (const [fingerprint, memory] of Object.entries(before)) {
          if (memory.query === query.name && !(fingerprint in after)) after[fingerprint] = memory;
        }
        continue;
      }
      if (rule.on.includes('removed')) {
        for (const finding of diff?.removed ?? []) {
          const exception = matchException(
            rules.exceptions,
            { query: query.name, rule: rule.name, row: finding.row },
            now,
          );
          if (exception.state === 'active') {
            suppressed.push({
              rule: rule.name,
              query: query.name,
              fingerprint: finding.fingerprint,
              identity: finding.identity,
              transition: 'removed',
              reason: describeException(exception.exception),
            });
            continue;
          }
          raise(rule, make('removed', finding));
        }
      }
    }
  }

  const list = [...alerts.values()];
  return {
    alerts: list.map((entry) => entry.alert),
    deliveries: list.flatMap((entry) => [...entry.sinks].map((sink) => ({ sink, alert: entry.alert }))),
    suppressed,
    diffs,
    baselines,
    warnings,
    state: { version: 1, findings: nextFindings, pending: options.state.pending },
  };
}

function digestOf(finding: Finding): string {
  return shortHash(canonicalJson(finding.row));
}
