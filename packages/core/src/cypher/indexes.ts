import { type AnyNodeSchema, relationshipsOf } from '../schema/define.ts';

/** Idempotent index DDL for every key a load or cleanup matches on (both engines accept this form). */
export function indexCypher(schemas: readonly AnyNodeSchema[]): string[] {
  const wanted = new Set<string>();
  for (const schema of schemas) {
    wanted.add(`${schema.label}.${schema.key}`);
    wanted.add(`${schema.label}.lastupdated`);
    if (schema.scope) wanted.add(`${schema.scope.owner.label}.${schema.scope.owner.key}`);
    for (const [, rel] of relationshipsOf(schema)) wanted.add(`${rel.target.label}.${rel.target.key}`);
  }
  return [...wanted].sort().map((entry) => {
    const [label, prop] = entry.split('.');
    return `CREATE INDEX IF NOT EXISTS FOR (n:${label}) ON (n.${prop})`;
  });
}
