import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GraphStore, openStore, type Row } from '@skygraph/core';
import { createTestStoreTarget } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { builtinCatalogue, type CatalogueQuery, runCatalogueQuery } from '../../src/catalogue/index.ts';
import { syncTestEstate } from '../fixtures/estate-graph.ts';

/**
 * The same estate synced into the embedded store and into Neo4j reads the
 * same: the promise that one Cypher runs on both stores. Every built-in
 * catalogue query must return the same rows from both graphs.
 */

/**
 * Columns whose values depend on the run rather than on the estate, so two
 * syncs of one estate legitimately differ there. Masked in the comparison,
 * nowhere else; everything not listed here must match exactly.
 */
const RUN_DEPENDENT_COLUMNS: ReadonlySet<string> = new Set([]);

let embedded: GraphStore;
let neo4j: GraphStore;
let folder: string;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'skygraph-cross-store-'));
  embedded = await openStore(join(folder, 'graph.grafeo'));
  const target = await createTestStoreTarget();
  neo4j = await target.open();
  // One tag for both runs: it is what the graphs record as lastupdated.
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

function comparable(row: Row): Row {
  return Object.fromEntries(
    Object.entries(row).map(([column, value]) => [
      column,
      RUN_DEPENDENT_COLUMNS.has(column) ? '<run-dependent>' : value,
    ]),
  );
}

/** Whether the query's final RETURN is ordered: only then does row order mean something. */
function isOrdered(cypher: string): boolean {
  const returns = [...cypher.matchAll(/\bRETURN\b/gi)];
  const last = returns.at(-1);
  return last !== undefined && /\bORDER\s+BY\b/i.test(cypher.slice(last.index));
}

/** Rows of `a` missing from `b`, counting duplicates. */
function missingFrom(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const row of b) left.set(row, (left.get(row) ?? 0) + 1);
  return a.filter((row) => {
    const n = left.get(row) ?? 0;
    left.set(row, n - 1);
    return n <= 0;
  });
}

/** What differs between the two stores' rows, in words; null when nothing does. */
function rowDifference(query: CatalogueQuery, fromEmbedded: Row[], fromNeo4j: Row[]): string | null {
  const a = fromEmbedded.map((r) => canonical(comparable(r)));
  const b = fromNeo4j.map((r) => canonical(comparable(r)));
  const onlyEmbedded = missingFrom(a, b);
  const onlyNeo4j = missingFrom(b, a);
  const head = `query ${query.name} (${a.length} rows embedded, ${b.length} rows Neo4j)`;
  if (onlyEmbedded.length > 0 || onlyNeo4j.length > 0) {
    const show = (label: string, rows: string[]) =>
      rows.length === 0 ? [] : [`${rows.length} only in ${label}:`, ...rows.slice(0, 5).map((r) => `  ${r}`)];
    return [`${head}: different rows`, ...show('embedded', onlyEmbedded), ...show('Neo4j', onlyNeo4j)].join(
      '\n',
    );
  }
  if (!isOrdered(query.cypher)) return null;
  const at = a.findIndex((row, i) => row !== b[i]);
  if (at === -1) return null;
  return `${head}: same rows, different order (it has ORDER BY) from row ${at}:\n  embedded ${a[at]}\n  Neo4j    ${b[at]}`;
}

/** Nodes per label set (labels sorted) and relationships per type. */
async function shape(store: GraphStore): Promise<{ nodes: Record<string, number>; rels: Record<string, number> }> {
  const nodes: Record<string, number> = {};
  for (const { labels } of await store.read<{ labels: string[] }>('MATCH (n) RETURN labels(n) AS labels')) {
    const key = [...labels].sort().join(':');
    nodes[key] = (nodes[key] ?? 0) + 1;
  }
  const rels: Record<string, number> = {};
  for (const { type, count } of await store.read<{ type: string; count: number }>(
    'MATCH ()-[r]->() RETURN type(r) AS type, count(r) AS count',
  )) {
    rels[type] = count;
  }
  return { nodes, rels };
}

describe('the demo estate synced into the embedded store and into Neo4j', () => {
  it('has as many nodes of each label set and relationships of each type', async () => {
    const [a, b] = await Promise.all([shape(embedded), shape(neo4j)]);
    expect(Object.keys(a.nodes).length).toBeGreaterThan(0);
    expect(b.nodes, 'nodes per label set (Neo4j vs embedded)').toEqual(a.nodes);
    expect(b.rels, 'relationships per type (Neo4j vs embedded)').toEqual(a.rels);
  });

  it.for(builtinCatalogue.queries)('returns the same rows for $name', async (query) => {
    const [a, b] = await Promise.all([runCatalogueQuery(embedded, query), runCatalogueQuery(neo4j, query)]);
    expect(rowDifference(query, a.rows, b.rows)).toBeNull();
  });
});
