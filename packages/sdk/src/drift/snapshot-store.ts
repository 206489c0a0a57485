import type { Alert } from './alert.ts';
import type { Snapshot } from './snapshot.ts';

/** What drift remembers about a finding it alerted on or suppressed, per rule. */
export interface FindingState {
  readonly status: 'alerted' | 'suppressed';
  readonly query: string;
  /** Hash of the row last alerted on (a `changed` alert fires once per new content). */
  readonly digest: string;
  readonly since: string;
  /** For suppressed findings: the exception's reason. */
  readonly exception?: string;
}

/** An alert a sink has not accepted yet; the next run delivers it. */
export interface PendingDelivery {
  readonly sink: string;
  readonly alert: Alert;
  readonly attempts: number;
  readonly lastError: string;
  readonly queuedAt: string;
}

/** Drift's memory between runs, kept beside the snapshots. */
export interface AlertState {
  readonly version: 1;
  /** rule name -> finding fingerprint -> state */
  readonly findings: Readonly<Record<string, Readonly<Record<string, FindingState>>>>;
  readonly pending: readonly PendingDelivery[];
}

/** A snapshot without its rows, for listings. */
export interface SnapshotInfo {
  readonly id: string;
  readonly query: string;
  readonly runId: string;
  readonly takenAt: string;
  readonly rowCount: number;
  readonly truncated: boolean;
}

/** The empty state of a namespace that has never run. */
export function emptyAlertState(): AlertState {
  return { version: 1, findings: {}, pending: [] };
}

/**
 * Where snapshots and alert state live: the graph store
 * ({@link createGraphSnapshotStore}) or a folder of JSON files
 * ({@link createFileSnapshotStore}). A namespace keeps independent drift
 * setups (two rules files, say) from diffing against each other's snapshots.
 */
export interface SnapshotStore {
  /** Where it is, safe to print. */
  readonly location: string;
  /** The newest snapshot of a query, if any. */
  latest(namespace: string, query: string): Promise<Snapshot | undefined>;
  /** The snapshot a run took of a query. */
  get(namespace: string, query: string, runId: string): Promise<Snapshot | undefined>;
  /** The snapshots of a query, newest first, without rows. */
  list(namespace: string, query: string): Promise<SnapshotInfo[]>;
  loadState(namespace: string): Promise<AlertState>;
  /** Saves a run's snapshots and the alert state together (atomically where the store can). */
  commit(namespace: string, snapshots: readonly Snapshot[], state: AlertState): Promise<void>;
  saveState(namespace: string, state: AlertState): Promise<void>;
  /** Deletes all but the newest `keep` snapshots of a query; returns how many went. */
  prune(namespace: string, query: string, keep: number): Promise<number>;
}
