/** Top-level fields every exported document has; row columns never take their names. */
export const RESERVED_FIELDS = ['@timestamp', 'metadata'] as const;

/**
 * A column name as an Elasticsearch field name: dots would nest objects
 * (`n.name` would become `n: { name }` and clash with a column `n`), a
 * leading underscore is reserved for metadata fields, and spaces or
 * punctuation make fields hard to query. `n.name` -> `n_name`,
 * `_id` -> `id`, `count(*)` -> `count`.
 */
export function sanitizeFieldName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_@-]+/gu, '_')
    .replace(/_+/g, '_')
    .replace(/^[_@-]+|[_-]+$/g, '');
  const base = cleaned.length > 0 ? cleaned : 'field';
  return base.length > 200 ? base.slice(0, 200) : base;
}

/**
 * Renames the keys of one level of a document: sanitised, reserved names
 * moved aside (`metadata` -> `result_metadata`), and collisions numbered
 * (`a.b` and `a_b` -> `a_b`, `a_b_2`), in column order so the same columns
 * always get the same names.
 */
export function fieldNamesFor(
  keys: readonly string[],
  reserved: readonly string[] = [],
): Map<string, string> {
  const taken = new Set<string>(reserved);
  const names = new Map<string, string>();
  for (const key of keys) {
    let name = sanitizeFieldName(key);
    if (reserved.includes(name)) name = `result_${name}`;
    let unique = name;
    for (let n = 2; taken.has(unique); n += 1) unique = `${name}_${n}`;
    taken.add(unique);
    names.set(key, unique);
  }
  return names;
}

/**
 * A value ready for Elasticsearch: map keys sanitised at every level,
 * non-finite numbers as null (JSON has no NaN), bigints as numbers.
 */
export function sanitizeValue(value: unknown): unknown {
  if (value === undefined) return null;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(sanitizeValue);
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>);
    const names = fieldNamesFor(entries.map(([key]) => key));
    return Object.fromEntries(entries.map(([key, v]) => [names.get(key) as string, sanitizeValue(v)]));
  }
  return value;
}
