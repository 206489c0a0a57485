import type Neo4j from 'neo4j-driver';
import { loadedNeo4jDriver } from './neo4j-driver.ts';

/**
 * Converts what a store returns into plain JS values: driver Integers and
 * bigints to numbers (strings past 2^53), temporal values and Dates to ISO
 * strings, nodes to `{ _labels, ...props }`, relationships to `{ _type, ...props }`.
 */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') {
    return value <= BigInt(Number.MAX_SAFE_INTEGER) && value >= BigInt(Number.MIN_SAFE_INTEGER)
      ? Number(value)
      : value.toString();
  }
  if (typeof value !== 'object') return value;
  if (value instanceof Date) return value.toISOString();
  const neo4j = loadedNeo4jDriver();
  if (neo4j) {
    if (neo4j.isInt(value)) {
      const int = value as Neo4j.Integer;
      return int.inSafeRange() ? int.toNumber() : int.toString();
    }
    if (
      neo4j.isDate(value) ||
      neo4j.isDateTime(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isLocalTime(value) ||
      neo4j.isTime(value) ||
      neo4j.isDuration(value)
    ) {
      return String(value);
    }
    if (neo4j.isNode(value)) return { _labels: [...value.labels], ...plainObject(value.properties) };
    if (neo4j.isRelationship(value)) return { _type: value.type, ...plainObject(value.properties) };
    if (neo4j.isPath(value)) return value.segments.map((s) => toPlain(s.relationship));
  }
  if (Array.isArray(value)) return value.map(toPlain);
  // Bytes: a Buffer, or the Uint8Array a Buffer becomes when it crosses from the embedded store's thread.
  if (value instanceof Uint8Array)
    return Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64');
  const record = value as Record<string, unknown>;
  if ('_labels' in record && '_id' in record) {
    const { _id, ...rest } = record;
    return plainObject(rest);
  }
  if ('_type' in record && '_source' in record && '_target' in record) {
    const { _id, _source, _target, ...rest } = record;
    return plainObject(rest);
  }
  return plainObject(record);
}

function plainObject(record: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(record)) out[k] = toPlain(v);
  return out;
}

/** A row of a store's result, made plain. */
export function plainRow(row: Record<string, unknown>): Record<string, unknown> {
  return plainObject(row);
}

/** Parameters made safe for both engines: bigints beyond 2^53 become strings. */
export function toParams(params: Record<string, unknown>): Record<string, unknown> {
  return JSON.parse(JSON.stringify(params, (_k, v) => (typeof v === 'bigint' ? toPlain(v) : v)));
}
