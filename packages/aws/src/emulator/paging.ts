import type { AwsApiError } from './api-error.ts';

/**
 * Opaque continuation tokens. They carry the offset of the next item and the
 * operation they belong to, so a token from one call is refused by another.
 */
export function encodeToken(operation: string, offset: number): string {
  return Buffer.from(`${operation}|${offset}|skygraph-emulator`).toString('base64url');
}

/** The offset a token stands for; 0 when there is no token. Throws `invalid` for a foreign token. */
export function decodeToken(
  operation: string,
  token: string | undefined,
  invalid: () => AwsApiError,
): number {
  if (token === undefined || token === '') return 0;
  const decoded = Buffer.from(token, 'base64url').toString('utf8');
  const [op, offset, marker] = decoded.split('|');
  const n = Number(offset);
  if (op !== operation || marker !== 'skygraph-emulator' || !Number.isInteger(n) || n < 0) throw invalid();
  return n;
}

export interface Page<T> {
  items: T[];
  /** Offset of the next page, when there is one. */
  next: number | undefined;
}

export function pageOf<T>(items: readonly T[], start: number, size: number): Page<T> {
  const end = Math.min(items.length, start + size);
  return { items: items.slice(start, end), next: end < items.length ? end : undefined };
}

/** Parses a numeric page-size parameter; undefined when absent. */
export function intParam(
  value: string | number | undefined,
  name: string,
  error: (message: string) => AwsApiError,
): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isInteger(n)) throw error(`Invalid value for ${name}: ${value}`);
  return n;
}
