import type { Row } from '@skygraph/core';
import type { AlertException } from './alert-rules.ts';
import { globMatcher, matchesAny } from './glob.ts';

/** Whether an exception covers a finding, and whether it is still in force. */
export type ExceptionMatch =
  | { readonly state: 'none' }
  | { readonly state: 'active'; readonly exception: AlertException }
  | { readonly state: 'expired'; readonly exception: AlertException };

/**
 * The exception that covers a finding of `query` raised by `rule`: an
 * active one wins over an expired one, so renewing an exception by adding a
 * new entry with a later date works without deleting the old one.
 */
export function matchException(
  exceptions: readonly AlertException[],
  target: { query: string; rule: string; row: Row },
  now: Date,
): ExceptionMatch {
  let expired: AlertException | undefined;
  for (const exception of exceptions) {
    if (!covers(exception, target)) continue;
    if (exception.expires === undefined || exception.expires.endsAt.getTime() > now.getTime()) {
      return { state: 'active', exception };
    }
    expired ??= exception;
  }
  return expired ? { state: 'expired', exception: expired } : { state: 'none' };
}

function covers(exception: AlertException, target: { query: string; rule: string; row: Row }): boolean {
  if (exception.queries.length > 0 && !matchesAny(exception.queries, target.query)) return false;
  if (exception.rules.length > 0 && !exception.rules.includes(target.rule)) return false;
  return Object.entries(exception.match).every(([column, pattern]) => {
    const value = target.row[column];
    if (value === undefined || value === null) return false;
    const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
    return globMatcher(pattern)(text);
  });
}

/** How an exception reads in alerts and reports. */
export function describeException(exception: AlertException): string {
  return exception.expires ? `${exception.reason} (until ${exception.expires.text})` : exception.reason;
}
