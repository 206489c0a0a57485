import type { ScopeOwner } from './provider.ts';

export type ScopeStatus = 'success' | 'failed' | 'cancelled' | 'skipped';

export interface CollectorResult {
  name: string;
  status: 'success' | 'failed' | 'cancelled';
  rows: number;
  durationMs: number;
  error?: string;
}

export interface ScopeResult {
  id: string;
  provider: string;
  owner: ScopeOwner;
  labels: Record<string, string>;
  status: ScopeStatus;
  collectors: CollectorResult[];
  nodes: number;
  relationships: number;
  deleted: number;
  requests: number;
  retries: number;
  /** Change-log entries recorded for the scope. */
  changes: number;
  durationMs: number;
  /** Whether stale data was cleaned up (only for a scope whose every collector succeeded). */
  cleanedUp: boolean;
  error?: string;
}

export interface SyncError {
  provider: string;
  scope?: string;
  collector?: string;
  code: string;
  message: string;
}

export interface SyncResult {
  runId: string;
  updateTag: number;
  /** `success`: every scope completed; `partial`: some failed; `failed`: planning failed everywhere; `cancelled`. */
  status: 'success' | 'partial' | 'failed' | 'cancelled';
  providers: string[];
  startedAt: string;
  endedAt: string;
  durationMs: number;
  scopes: ScopeResult[];
  errors: SyncError[];
  counts: { nodes: number; relationships: number; deleted: number; requests: number; retries: number };
  /** Time spent in graph writes (all scopes added up), for the benchmark. */
  writeMs: number;
}
