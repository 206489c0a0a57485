import { type AnyNodeSchema, relationshipsOf } from '../schema/define.ts';
import { assertIdentifier } from '../schema/identifier.ts';

/** A property a load, cleanup or lookup matches on; `unique` for a node schema's key. */
export interface IndexSpec {
  label: string;
  property: string;
  unique: boolean;
}

/**
 * What every schema needs indexed: each key (unique), `lastupdated`, the
 * scope owner's key and each relationship target's key. Sorted, one entry
 * per label and property (unique wins).
 */
export function schemaIndexes(schemas: readonly AnyNodeSchema[]): IndexSpec[] {
  const wanted = new Map<string, IndexSpec>();
  const add = (label: string, property: string, unique: boolean) => {
    const id = `${label}.${property}`;
    if (!wanted.get(id)?.unique) wanted.set(id, { label, property, unique });
  };
  for (const schema of schemas) {
    add(schema.label, schema.key, true);
    add(schema.label, 'lastupdated', false);
    if (schema.scope) add(schema.scope.owner.label, schema.scope.owner.key, false);
    for (const [, rel] of relationshipsOf(schema)) add(rel.target.label, rel.target.key, false);
  }
  return [...wanted.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, spec]) => spec);
}

/** `CREATE INDEX IF NOT EXISTS …`: idempotent, and both engines accept it. */
export function createIndexCypher(spec: Pick<IndexSpec, 'label' | 'property'>): string {
  return `CREATE INDEX IF NOT EXISTS FOR (n:${assertIdentifier(spec.label, 'label')}) ON (n.${assertIdentifier(spec.property, 'property')})`;
}

/** `CREATE CONSTRAINT IF NOT EXISTS … IS UNIQUE` (Neo4j): it makes concurrent MERGEs of one key create one node. */
export function createUniqueCypher(spec: Pick<IndexSpec, 'label' | 'property'>): string {
  return `CREATE CONSTRAINT IF NOT EXISTS FOR (n:${assertIdentifier(spec.label, 'label')}) REQUIRE n.${assertIdentifier(spec.property, 'property')} IS UNIQUE`;
}

/** Index DDL for every key the schemas match on, as the embedded store runs it. */
export function indexCypher(schemas: readonly AnyNodeSchema[]): string[] {
  return schemaIndexes(schemas).map(createIndexCypher);
}
