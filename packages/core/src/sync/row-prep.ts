import { type AnyNodeSchema, type RelTarget, relationshipsOf } from '../schema/define.ts';

/** A row as the generated Cypher takes it. */
export interface PreparedRow {
  key: unknown;
  props: Record<string, unknown>;
  rels: Record<string, { key: unknown; props: Record<string, unknown> }[]>;
}

/**
 * Splits a typed row into the key, the declared properties (absent ones
 * become null, so a property that vanished is removed from the node) and the
 * relationship targets. Returns null for a row without its key.
 */
export function prepareRow(schema: AnyNodeSchema, row: Record<string, unknown>): PreparedRow | null {
  const key = row[schema.key];
  if (key === null || key === undefined || key === '') return null;
  const props: Record<string, unknown> = {};
  for (const name of Object.keys(schema.properties)) props[name] = row[name] ?? null;
  const rels: PreparedRow['rels'] = {};
  for (const [field] of relationshipsOf(schema)) {
    const value = row[field] as RelTarget | readonly RelTarget[] | null | undefined;
    if (value === null || value === undefined) continue;
    const list = Array.isArray(value) ? (value as readonly RelTarget[]) : [value as RelTarget];
    const targets: { key: unknown; props: Record<string, unknown> }[] = [];
    for (const target of list) {
      const normal =
        typeof target === 'string'
          ? { key: target, props: {} }
          : { key: target.key, props: target.props ?? {} };
      if (normal.key !== null && normal.key !== undefined && normal.key !== '') targets.push(normal);
    }
    if (targets.length > 0) rels[field] = targets;
  }
  return { key, props, rels };
}
