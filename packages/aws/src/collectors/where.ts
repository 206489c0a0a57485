/** Where a page was read: what a transform needs besides the page itself. */
export interface Where {
  readonly accountId: string;
  readonly region: string;
}

/** A date from the SDK (a Date) as the ISO string the graph stores. */
export function isoDate(value: Date | string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** Seconds since the epoch of an SDK date. */
export function unixSeconds(value: Date | string | undefined | null): number | undefined {
  if (value === undefined || value === null) return undefined;
  const ms = (value instanceof Date ? value : new Date(value)).getTime();
  return Number.isNaN(ms) ? undefined : Math.floor(ms / 1000);
}

/** The values of a list without the missing ones. */
export function present<T>(values: readonly (T | undefined | null)[] | undefined): T[] {
  return (values ?? []).filter((v): v is T => v !== undefined && v !== null && v !== '');
}

/** The ARN partition of a region (`aws`, `aws-cn`, `aws-us-gov`). */
export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}
