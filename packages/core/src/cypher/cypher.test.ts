import { describe, expect, it } from 'vitest';
import { Server } from '../testing/fixture-schemas.ts';
import { cleanupCypher } from './cleanup.ts';
import { indexCypher } from './indexes.ts';
import { upsertNodesCypher, upsertRelCypher } from './upsert.ts';

describe('generated Cypher', () => {
  it('upserts nodes with firstseen, lastupdated, extra labels and the scope relationship', () => {
    expect(upsertNodesCypher(Server)).toMatchInlineSnapshot(`
      "MATCH (s:TestTenant {id: $scopeKey})
      UNWIND $rows AS row
      MERGE (n:TestServer {id: row[0]})
      ON CREATE SET n.firstseen = timestamp(), n += {id: row[2], region: row[3], name: row[4], public: row[5], ports: row[6], tags: row[7]}, n.skygraph_hash = row[1], n._module_name = $moduleName, n._module_version = $moduleVersion, n:TestMachine
      WITH s, row, n, n.skygraph_hash = row[1] AS same
      SET n.lastupdated = $updateTag
      FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET n += {id: row[2], region: row[3], name: row[4], public: row[5], ports: row[6], tags: row[7]}, n.skygraph_hash = row[1], n._module_name = $moduleName, n._module_version = $moduleVersion, n:TestMachine)
      MERGE (n)<-[r:RESOURCE]-(s)
      ON CREATE SET r.firstseen = timestamp(), r._module_name = $moduleName, r._module_version = $moduleVersion
      SET r.lastupdated = $updateTag
      FOREACH (_ IN CASE WHEN same THEN [] ELSE [1] END | SET r._module_name = $moduleName, r._module_version = $moduleVersion)
      RETURN count(n) AS written"
    `);
  });

  it('merges relationships to targets matched by key', () => {
    expect(upsertRelCypher(Server, Server.relationships.disks)).toMatchInlineSnapshot(`
      "UNWIND $rows AS row
      MATCH (n:TestServer {id: row[0]})
      MATCH (m:TestDisk {id: row[1]})
      MERGE (n)-[r:ATTACHED]->(m)
      ON CREATE SET r.firstseen = timestamp()
      SET r.lastupdated = $updateTag, r._module_name = $moduleName, r._module_version = $moduleVersion
      RETURN count(r) AS written"
    `);
  });

  it('cleans up in bounded batches, relationships of stale nodes first, filtered by scope', () => {
    const statements = cleanupCypher(Server, ['region']);
    expect(statements).toHaveLength(5);
    for (const { cypher: statement } of statements) {
      expect(statement).toContain('LIMIT $batch');
      expect(statement).toContain('n.region = $filter_region');
      expect(statement).toContain('(s:TestTenant {id: $scopeKey})');
    }
    expect(statements[0]?.cypher).toContain('DELETE r');
    expect(statements[1]?.cypher).toContain('DETACH DELETE n');
    expect(statements.map((s) => s.deletes.kind)).toEqual([
      'stale-nodes',
      'stale-nodes',
      'relationship',
      'relationship',
      'scope-edges',
    ]);
  });

  it('creates idempotent indexes on keys and owners', () => {
    expect(indexCypher([Server])).toContain('CREATE INDEX IF NOT EXISTS FOR (n:TestServer) ON (n.id)');
    expect(indexCypher([Server])).toContain('CREATE INDEX IF NOT EXISTS FOR (n:TestTenant) ON (n.id)');
  });
});
