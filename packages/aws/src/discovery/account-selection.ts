import type { AwsConfig } from '../options.ts';

/** Which discovered accounts a sync covers. */
export interface AccountSelection {
  /** Only these ids (empty: no restriction). */
  readonly accounts: readonly string[];
  /** Account ids or names to skip. */
  readonly exclude: readonly string[];
  /** Only accounts under one of these roots or OUs (empty: no restriction). */
  readonly includeOus: readonly string[];
  readonly excludeOus: readonly string[];
}

/** A discovered account as the selection sees it. */
export interface AccountCandidate {
  id: string;
  name?: string | undefined;
  /** Organizations state or status; only ACTIVE accounts are synced. */
  state?: string | undefined;
  /** Root and OU ids above the account (organizations discovery). */
  path?: readonly string[] | undefined;
}

/** The selection the AWS settings describe. */
export function selectionOf(config: AwsConfig): AccountSelection {
  return {
    accounts: config.awsAccounts,
    exclude: config.awsExcludeAccounts,
    includeOus: config.awsIncludeOus,
    excludeOus: config.awsExcludeOus,
  };
}

/** Whether a sync covers an account: active, listed (if a list is given), not excluded, inside the OU filters. */
export function isSelected(account: AccountCandidate, selection: AccountSelection): boolean {
  if (account.state !== undefined && account.state !== 'ACTIVE') return false;
  if (selection.accounts.length > 0 && !selection.accounts.includes(account.id)) return false;
  if (selection.exclude.includes(account.id)) return false;
  if (account.name !== undefined && selection.exclude.includes(account.name)) return false;
  const path = account.path ?? [];
  if (selection.includeOus.length > 0 && !path.some((id) => selection.includeOus.includes(id))) return false;
  if (path.some((id) => selection.excludeOus.includes(id))) return false;
  return true;
}
