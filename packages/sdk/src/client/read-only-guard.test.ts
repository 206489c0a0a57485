import { describe, expect, it } from 'vitest';
import { assertReadOnlyCypher } from './read-only-guard.ts';

describe('the read-only guard', () => {
  it('lets reads through, whatever their strings, names and comments say', () => {
    for (const cypher of [
      'MATCH (n:AWSAccount) RETURN n.name',
      "MATCH (n) WHERE n.name = 'CREATE TABLE; DELETE n' RETURN n",
      'MATCH (n) WHERE n.description CONTAINS "merge set remove" RETURN n.`set` AS `delete`',
      'MATCH (n) // DETACH DELETE n\nRETURN n.settings, n.created',
      'MATCH (n) /* SET n.x = 1 */ RETURN count(n)',
      "MATCH (n) WHERE n.url = 'http://x//y' RETURN n",
      'CALL db.labels() YIELD label RETURN label',
      'MATCH (n:Set)-[:DELETE]->(m:Create) RETURN n, $set AS x',
    ]) {
      expect(() => assertReadOnlyCypher(cypher), cypher).not.toThrow();
    }
  });

  it('refuses Cypher that writes, saying so', () => {
    for (const cypher of [
      'CREATE (n:X)',
      'MATCH (n) SET n.x = 1',
      'MATCH (n) DETACH DELETE n',
      "MATCH (n) WHERE n.x = 'a' MERGE (m:Y)",
      'MATCH (n) REMOVE n.x',
      "LOAD CSV FROM 'file:///x' AS row RETURN row",
      'CALL apoc.create.node(["X"], {})',
      'DROP INDEX foo',
      'MATCH (n) FOREACH (x IN [1] | SET n.y = x)',
    ]) {
      expect(() => assertReadOnlyCypher(cypher), cypher).toThrow(/the SDK only reads the graph/);
    }
  });
});
