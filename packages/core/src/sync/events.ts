import type { ErrorKind } from '../errors/skygraph-error.ts';
import type { ScopeResult, SyncResult } from './sync-result.ts';

export interface ScopeInfo {
  id: string;
  provider: string;
  labels: Record<string, string>;
}

/** What a sync reports while it runs; the CLI draws its progress display from these. */
export type SyncEvent =
  | { type: 'run:start'; runId: string; updateTag: number; providers: string[] }
  | { type: 'scope:planned'; scope: ScopeInfo }
  | { type: 'plan:done'; provider: string; scopes: number }
  | { type: 'scope:start'; scope: ScopeInfo }
  | { type: 'rows'; scope: ScopeInfo; label: string; nodes: number; relationships: number }
  | { type: 'request'; scope?: ScopeInfo; provider: string; operation: string }
  | {
      type: 'retry';
      scope?: ScopeInfo;
      provider: string;
      operation: string;
      kind: ErrorKind;
      attempt: number;
      message: string;
    }
  | { type: 'error'; scope?: ScopeInfo; provider: string; collector?: string; code: string; message: string }
  | { type: 'cleanup'; scope: ScopeInfo; deleted: number }
  | { type: 'scope:end'; scope: ScopeInfo; result: ScopeResult }
  | { type: 'analysis'; provider: string; job: string }
  | { type: 'run:end'; result: SyncResult };

export type SyncListener = (event: SyncEvent) => void;
