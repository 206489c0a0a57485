import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GraphStore, openStore, type Row } from '@skygraph/core';
import { createTestStoreTarget } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogue, type CatalogueQuery, runCatalogueQuery } from '../../src/catalogue/index.ts';
import { syncTestEstate } from '../fixtures/estate-graph.ts';

/**
 * One estate synced into the embedded store and into Neo4j reads the same
 * from both: the same graph, and the same rows from every built-in
 * catalogue query, in the same order where the query orders them.
 */

/**
 * What legitimately differs between two syncs of one estate, and is left out
 * of the comparison here and nowhere else. Both syncs share an update tag,
 * so `lastupdated` is compared like any other property.
 * - `firstseen`, `duration_ms`: wall-clock times of each run.
 * - `skygraph_hash`: the fingerprint of the last write's properties; a node
 *   two collectors write (a GCP project: the hierarchy's and the project's
 *   own details) keeps the hash of whichever scope wrote it last.
 * - The runs' own records (the run's SyncMetadata node, the change log):
 *   keyed by run id, with start and end times and counters that depend on
 *   how scopes were scheduled. How many there are is still compared.
 * No catalogue query returns any of these: its rows are compared as they are.
 */
const RUN_DEPENDENT = {
  properties: new Set(['firstseen', 'duration_ms', 'skygraph_hash']),
  isRunRecord: (n: string) =>
    `(${n}:SkygraphChange OR (${n}:SyncMetadata AND ${n}.grouptype = 'SkygraphRun'))`,
};

let embedded: GraphStore;
let neo4j: GraphStore;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'skygraph-cross-store-'));
  embedded = await openStore(join(folder, 'graph.grafeo'));
  neo4j = await (await createTestStoreTarget()).open();
  const updateTag = Math.floor(Date.now() / 1000);
  await Promise.all([syncTestEstate(embedded, { updateTag }), syncTestEstate(neo4j, { updateTag })]);
}, 180_000);

afterAll(async () => {
  await Promise.all([embedded?.close(), neo4j?.close()]);
  if (folder) rmSync(folder, { recursive: true, force: true });
});

/** JSON with object keys sorted, so equal values print equally. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );
}

/** Entries of `a` missing from `b`, counting duplicates. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const entry of b) left.set(entry, (left.get(entry) ?? 0) + 1);
  return a.filter((entry) => {
    const n = left.get(entry) ?? 0;
    left.set(entry, n - 1);
    return n <= 0;
  });
}

/** `5 only in embedded:` and the first few of them, indented. */
function listed(entries: readonly string[], where: string): string[] {
  if (entries.length === 0) return [];
  return [`${entries.length} only in ${where}:`, ...entries.slice(0, 5).map((e) => `  ${e}`)];
}

/** Whether the query's final RETURN is ordered: only then does row order mean something. */
function isOrdered(cypher: string): boolean {
  const last = [...cypher.matchAll(/\bRETURN\b/gi)].at(-1);
  return last !== undefined && /\bORDER\s+BY\b/i.test(cypher.slice(last.index));
}

/** What differs between the two stores' rows of a query, in words; null when nothing does. */
function rowDifference(query: CatalogueQuery, fromEmbedded: Row[], fromNeo4j: Row[]): string | null {
  const a = fromEmbedded.map(canonical);
  const b = fromNeo4j.map(canonical);
  const head = `query ${query.name} (${a.length} rows embedded, ${b.length} rows Neo4j)`;
  const onlyEmbedded = missingFrom(a, b);
  const onlyNeo4j = missingFrom(b, a);
  if (onlyEmbedded.length > 0 || onlyNeo4j.length > 0) {
    return [
      `${head}: different rows`,
      ...listed(onlyEmbedded, 'embedded'),
      ...listed(onlyNeo4j, 'Neo4j'),
    ].join('\n');
  }
  if (!isOrdered(query.cypher)) return null;
  const at = a.findIndex((row, i) => row !== b[i]);
  if (at === -1) return null;
  return `${head}: same rows, in another order (it has ORDER BY) from row ${at}:\n  embedded ${a[at]}\n  Neo4j    ${b[at]}`;
}

/** Nodes per label set (labels sorted) and relationships per type. */
async function shape(
  store: GraphStore,
): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> {
  const nodes: Record<string, number> = {};
  for (const { labels } of await store.read<{ labels: string[] }>('MATCH (n) RETURN labels(n) AS labels')) {
    const key = [...labels].sort().join(':');
    nodes[key] = (nodes[key] ?? 0) + 1;
  }
  const rels: Record<string, number> = {};
  const counts = await store.read<{ type: string; count: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count',
  );
  for (const { type, count } of counts) rels[type] = count;
  return { nodes, rels };
}

function comparableProperties(properties: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(properties).filter(([name]) => !RUN_DEPENDENT.properties.has(name)),
  );
}

/** Every node but the run records, by `Label:Label id`, with its properties. */
async function nodeProperties(store: GraphStore): Promise<Map<string, Record<string, unknown>>> {
  const rows = await store.read<{ labels: string[]; id: unknown; properties: Record<string, unknown> }>(
    `MATCH (n) WHERE NOT ${RUN_DEPENDENT.isRunRecord('n')} RETURN labels(n) AS labels, n.id AS id, properties(n) AS properties`,
  );
  const nodes = new Map<string, Record<string, unknown>>();
  for (const r of rows) {
    const node = `${[...r.labels].sort().join(':')} ${String(r.id)}`;
    // Two nodes under one name would hide each other's differences.
    if (nodes.has(node)) throw new Error(`${store.kind}: several nodes are ${node}; name nodes another way`);
    nodes.set(node, comparableProperties(r.properties));
  }
  return nodes;
}

/** Every relationship between nodes that are not run records, as one line each. */
async function relationships(store: GraphStore): Promise<string[]> {
  const rows = await store.read<{
    from: string[];
    fromId: unknown;
    type: string;
    properties: Row;
    to: string[];
    toId: unknown;
  }>(
    `MATCH (a)-[r]->(b) WHERE NOT ${RUN_DEPENDENT.isRunRecord('a')} AND NOT ${RUN_DEPENDENT.isRunRecord('b')}
     RETURN labels(a) AS from, a.id AS fromId, type(r) AS type, properties(r) AS properties, labels(b) AS to, b.id AS toId`,
  );
  return rows.map(
    (r) =>
      `(${[...r.from].sort().join(':')} ${String(r.fromId)})-[${r.type} ${canonical(comparableProperties(r.properties))}]->(${[...r.to].sort().join(':')} ${String(r.toId)})`,
  );
}

/** Nodes present in one graph only, and properties that differ between the two, one line each. */
function nodeDifferences(
  fromEmbedded: Map<string, Record<string, unknown>>,
  fromNeo4j: Map<string, Record<string, unknown>>,
): string[] {
  const lines: string[] = [];
  for (const [node, a] of fromEmbedded) {
    const b = fromNeo4j.get(node);
    if (!b) {
      lines.push(`${node}: only in embedded`);
      continue;
    }
    for (const name of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort()) {
      const [x, y] = [canonical(a[name] ?? null), canonical(b[name] ?? null)];
      if (x !== y) lines.push(`${node}: ${name} is ${x} embedded, ${y} Neo4j`);
    }
  }
  for (const node of fromNeo4j.keys()) if (!fromEmbedded.has(node)) lines.push(`${node}: only in Neo4j`);
  return lines;
}

describe('the demo estate synced into the embedded store and into Neo4j', () => {
  it('has as many nodes of each label set and relationships of each type', async () => {
    const [a, b] = await Promise.all([shape(embedded), shape(neo4j)]);
    expect(Object.keys(a.nodes).length).toBeGreaterThan(0);
    expect(b.nodes, 'nodes per label set (Neo4j, embedded)').toEqual(a.nodes);
    expect(b.rels, 'relationships per type (Neo4j, embedded)').toEqual(a.rels);
  });

  it('has the same properties on every node and relationship', async () => {
    const [nodesA, nodesB, relsA, relsB] = await Promise.all([
      nodeProperties(embedded),
      nodeProperties(neo4j),
      relationships(embedded),
      relationships(neo4j),
    ]);
    expect(nodesA.size).toBeGreaterThan(0);
    expect(nodeDifferences(nodesA, nodesB)).toEqual([]);
    const relsDiffer = [
      ...listed(missingFrom(relsA, relsB), 'embedded'),
      ...listed(missingFrom(relsB, relsA), 'Neo4j'),
    ];
    expect(relsDiffer).toEqual([]);
  });

  it.for(builtinCatalogue.queries)('returns the same rows for $name', async (query) => {
    const [a, b] = await Promise.all([runCatalogueQuery(embedded, query), runCatalogueQuery(neo4j, query)]);
    expect(rowDifference(query, a.rows, b.rows)).toBeNull();
  });
});
