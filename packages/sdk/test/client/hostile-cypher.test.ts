import type { GraphStore } from '@skygraph/core';
import { openTestStore, testStoreKind } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type SkygraphClient } from '../../src/client/index.ts';

/**
 * Queries crafted to write through the SDK's read path. Each is refused by
 * the client, and — the protection that does not depend on the guard — the
 * store's read path leaves the graph as it was when handed the query
 * directly: Neo4j refuses writes in a read transaction, and the embedded
 * store rolls every read transaction back.
 */
const HOSTILE: Record<string, string> = {
  plain: 'MATCH (n) DETACH DELETE n',
  'lower case': 'match (n) detach delete n',
  'mixed case': 'MaTcH (n) DeTaCh DeLeTe n',
  'line comment ended by \\n': 'MATCH (n) // read only\nDETACH DELETE n',
  'line comment ended by \\r': 'MATCH (n) // read only\rDETACH DELETE n',
  'line comment ended by U+2028': 'MATCH (n) // read only\u2028DETACH DELETE n',
  'line comment ended by U+2029': 'MATCH (n) // read only\u2029DETACH DELETE n',
  'line comment ended by U+0085': 'MATCH (n) // read only\u0085DETACH DELETE n',
  'block comments as spaces': 'MATCH (n)/**/DETACH/**/DELETE/**/n',
  'no spaces at all': 'MATCH(n)DETACH DELETE(n)',
  'glued to a string': "MATCH (n) WITH n WHERE n.id <> 'x'DETACH DELETE n",
  'glued to a number': 'MATCH (n) WITH n WHERE 1=1DETACH DELETE n',
  'after an escaped quote': "MATCH (n) WHERE n.id <> 'it\\'s' DETACH DELETE n",
  'after a backtick name': 'MATCH (`a``b`) DETACH DELETE `a``b`',
  'non-breaking spaces': 'MATCH (n)\u00a0DETACH\u00a0DELETE\u00a0n',
  'ideographic space': 'MATCH (n)\u3000DETACH DELETE n',
  'byte order mark': '\ufeffMATCH (n) DETACH DELETE n',
  'tabs and form feeds': 'MATCH (n)\t\fDETACH\tDELETE n',
  'CALL subquery': 'CALL { MATCH (n) DETACH DELETE n }',
  'CALL subquery after a read': 'MATCH (m) WITH count(m) AS c CALL { MATCH (n) DETACH DELETE n } RETURN c',
  FOREACH: 'MATCH (n) WITH collect(n) AS ns FOREACH (x IN ns | DETACH DELETE x)',
  'IN TRANSACTIONS': 'MATCH (n) CALL { WITH n DETACH DELETE n } IN TRANSACTIONS',
  'second statement': 'MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n',
  'SET a property': 'MATCH (n) SET n.owned = true',
  'REMOVE a property': 'MATCH (n) REMOVE n.id',
  'SET a label': 'MATCH (n) SET n:Pwned',
  CREATE: 'CREATE (:Pwned)',
  MERGE: 'MERGE (:Pwned {id: 1})',
  'write procedure': "CALL db.createLabel('Pwned')",
  'write procedure, quoted names': "CALL `db`.`createLabel`('Pwned')",
  'apoc procedure': "CALL apoc.periodic.iterate('MATCH (n) RETURN n', 'DETACH DELETE n', {})",
  'schema change': 'CREATE INDEX pwned IF NOT EXISTS FOR (n:Pwned) ON (n.id)',
  'drop a schema object': 'DROP INDEX pwned IF EXISTS',
  'LOAD CSV': "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
};

/** Reads that look like writes to a pattern matcher, and must go through. */
const READS: Record<string, string> = {
  'keywords in strings': "MATCH (n) WHERE n.id <> 'DETACH DELETE n' RETURN count(n) AS c",
  'keywords in comments': 'MATCH (n) // DETACH DELETE n\nRETURN count(n) AS c',
  'keywords as names': 'MATCH (n) RETURN n.`set` AS `delete`, n.created AS created',
  'keywords as property keys': 'MATCH (n) RETURN {set: 1, merge: 2} AS m LIMIT 1',
  'keyword-like labels': 'MATCH (n) WHERE NOT n:Set AND NOT n:Delete RETURN count(n) AS c',
  'schema listing': 'CALL db.labels() YIELD label RETURN label',
};

let store: GraphStore;
let client: SkygraphClient;

async function fingerprint() {
  const [row] = await store.read(
    `MATCH (n) OPTIONAL MATCH (n)-[r]->()
     RETURN count(DISTINCT n) AS nodes, count(r) AS rels,
       sum(CASE WHEN n.owned IS NULL AND n.id IS NOT NULL AND NOT n:Pwned THEN 1 ELSE 0 END) AS intact`,
  );
  return row;
}

beforeAll(async () => {
  store = await openTestStore();
  await store.write([
    {
      cypher: 'UNWIND range(1, 20) AS i CREATE (a:Asset {id: i})-[:LINKS]->(:Asset {id: i + 100})',
      params: {},
    },
  ]);
  client = createClient(store);
});
afterAll(async () => {
  await store?.close();
});

describe(`hostile Cypher on the read path (${testStoreKind()})`, () => {
  it('starts from an intact graph', async () => {
    expect(await fingerprint()).toEqual({ nodes: 40, rels: 20, intact: 40 });
  });

  for (const [name, cypher] of Object.entries(HOSTILE)) {
    it(`${name}: the client refuses it, and the store's read path changes nothing`, async () => {
      const before = await fingerprint();
      await expect(client.read(cypher)).rejects.toThrow();
      // Past the guard: straight to the store's read path.
      await store.read(cypher).catch(() => undefined);
      expect(await fingerprint()).toEqual(before);
      expect(before).toEqual({ nodes: 40, rels: 20, intact: 40 });
    });
  }

  for (const [name, cypher] of Object.entries(READS)) {
    it(`${name}: the guard lets the read through`, async () => {
      // The engine may still reject the syntax (Grafeo takes no keyword as a map key or label);
      // what matters is that the guard does not.
      const outcome = await client.read(cypher).then(
        () => 'ran',
        (error: Error) => error.message,
      );
      expect(outcome).not.toMatch(/only reads the graph/);
    });
  }
});
