import type { Row } from '@skygraph/core';
import { canonicalJson, sameValue, shortHash } from './canonical.ts';

/** One result row of a finding query, known by its identity. */
export interface Finding {
  readonly query: string;
  /** The identity columns and their values. */
  readonly identity: Readonly<Record<string, unknown>>;
  /** A stable hash of the query name and identity values: the finding's name across runs. */
  readonly fingerprint: string;
  readonly row: Row;
}

/** A finding whose identity stayed while other columns changed. */
export interface ChangedFinding extends Finding {
  readonly before: Row;
  /** Column -> old and new value. */
  readonly changes: Readonly<Record<string, { readonly old: unknown; readonly new: unknown }>>;
}

/** What changed between two snapshots of a query. */
export interface SnapshotDiff {
  readonly query: string;
  readonly added: readonly Finding[];
  readonly removed: readonly Finding[];
  readonly changed: readonly ChangedFinding[];
}

/** The fingerprint of a finding: the query name and the identity values, hashed. */
export function fingerprintOf(query: string, identity: Readonly<Record<string, unknown>>): string {
  return shortHash(`${query}\n${canonicalJson(identity)}`);
}

/**
 * The findings of a result set, keyed by fingerprint. Rows that share an
 * identity are one finding (the last one wins): a query that returns one row
 * per matching rule of a security group still raises one finding per group.
 */
export function findingsOf(
  query: string,
  identityKeys: readonly string[],
  rows: readonly Row[],
): Map<string, Finding> {
  const findings = new Map<string, Finding>();
  for (const row of rows) {
    const identity: Record<string, unknown> = {};
    for (const key of identityKeys) identity[key] = row[key] ?? null;
    const fingerprint = fingerprintOf(query, identity);
    findings.set(fingerprint, { query, identity, fingerprint, row });
  }
  return findings;
}

/**
 * Compares two snapshots of one query by its identity keys: rows whose
 * identity is new are added, rows whose identity vanished are removed, and
 * rows whose identity stayed but whose other columns differ are changed
 * (with each column's old and new value). Lists of scalars compare as sets.
 *
 * @example
 * const diff = diffSnapshots(yesterday, today);
 * for (const f of diff.added) console.log('new', f.identity);
 */
export function diffSnapshots(
  previous: {
    readonly query: string;
    readonly rows: readonly Row[];
    readonly identityKeys: readonly string[];
  },
  current: {
    readonly query: string;
    readonly rows: readonly Row[];
    readonly identityKeys: readonly string[];
  },
): SnapshotDiff {
  // The current identity keys win: a catalogue edit that changes them re-keys both sides alike.
  const keys = current.identityKeys;
  const before = findingsOf(current.query, keys, previous.rows);
  const after = findingsOf(current.query, keys, current.rows);
  const added: Finding[] = [];
  const changed: ChangedFinding[] = [];
  for (const [fingerprint, finding] of after) {
    const old = before.get(fingerprint);
    if (!old) {
      added.push(finding);
      continue;
    }
    const changes = columnChanges(old.row, finding.row, keys);
    if (Object.keys(changes).length > 0) changed.push({ ...finding, before: old.row, changes });
  }
  const removed = [...before.values()].filter((finding) => !after.has(finding.fingerprint));
  return { query: current.query, added, removed, changed };
}

function columnChanges(
  before: Row,
  after: Row,
  identityKeys: readonly string[],
): Record<string, { old: unknown; new: unknown }> {
  const changes: Record<string, { old: unknown; new: unknown }> = {};
  const columns = new Set([...Object.keys(before), ...Object.keys(after)]);
  for (const column of columns) {
    if (identityKeys.includes(column)) continue;
    const oldValue = before[column] ?? null;
    const newValue = after[column] ?? null;
    if (!sameValue(oldValue, newValue)) changes[column] = { old: oldValue, new: newValue };
  }
  return changes;
}
