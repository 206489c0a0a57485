import { createHash } from 'node:crypto';

/**
 * JSON with object keys sorted, so equal values give equal text whatever
 * order a store returned their keys in. Lists of scalars are sorted too:
 * Cypher's `collect()` gives no order, and a finding whose ports came back
 * as [443, 22] instead of [22, 443] has not changed.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): unknown {
  if (value === undefined) return null;
  if (Array.isArray(value)) {
    const items = value.map(normalise);
    if (items.every((item) => item === null || typeof item !== 'object')) {
      return [...items].sort((a, b) => {
        const x = JSON.stringify(a);
        const y = JSON.stringify(b);
        return x < y ? -1 : x > y ? 1 : 0;
      });
    }
    return items;
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'bigint') return Number(value);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort())
      out[key] = normalise((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/** A short, stable hash of some text (hex). */
export function shortHash(text: string, length = 20): string {
  return createHash('sha256').update(text).digest('hex').slice(0, length);
}

/** Whether two values are the same finding data (see {@link canonicalJson}). */
export function sameValue(a: unknown, b: unknown): boolean {
  return canonicalJson(a) === canonicalJson(b);
}
