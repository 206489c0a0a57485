import type { PolicyPrincipal } from './estate-types.ts';
import type { Caller } from './request-context.ts';

/** A policy element that may be one string or a list. */
export const asList = (v: string | string[] | undefined): string[] =>
  v === undefined ? [] : Array.isArray(v) ? v : [v];

/**
 * Whether a statement's Principal names the caller: `*`, the caller's
 * account (by id or root ARN), the caller's ARN, or the role it assumed.
 */
export function principalMatches(principal: PolicyPrincipal | undefined, caller: Caller): boolean {
  if (principal === undefined) return false;
  if (principal === '*') return true;
  const names = new Set(['*', caller.accountId, `arn:aws:iam::${caller.accountId}:root`, caller.arn]);
  if (caller.kind === 'assumed-role' && caller.roleName)
    names.add(`arn:aws:iam::${caller.accountId}:role/${caller.roleName}`);
  return asList(principal.AWS).some((p) => names.has(p));
}

/** Whether a statement's Action covers `action` (`service:Operation`, `*` wildcards, any case). */
export function actionMatches(actions: string | string[] | undefined, action: string): boolean {
  return asList(actions).some((pattern) => {
    const regex = new RegExp(`^${pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`, 'i');
    return regex.test(action);
  });
}
