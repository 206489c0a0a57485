import { Server, Tenant } from '@skygraph/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createGraph } from '../query/create-graph.ts';
import { param } from '../query/param.ts';
import { createCatalogue } from './catalogue.ts';
import { type CatalogueQuery, defineQuery } from './define-query.ts';
import { prepareQuery } from './run-query.ts';

const base = {
  name: 'open_buckets',
  provider: 'aws',
  group: 's3',
  tags: ['aws', 'security'],
  description: 'Buckets anyone can read',
  severity: 'high' as const,
  scope: { kind: 'account' as const, variable: 'a' },
  cypher:
    'MATCH (a:AWSAccount)-[:RESOURCE]->(b:S3Bucket) WHERE b.anonymous_access = true RETURN a.id AS account_id, b.name AS bucket',
  columns: { account_id: 'string', bucket: 'string' } as const,
  identity: ['bucket'] as const,
};

describe('defineQuery', () => {
  it('types rows from the declared columns', () => {
    const q = defineQuery(base);
    expectTypeOf(q).toEqualTypeOf<CatalogueQuery<{ account_id: string; bucket: string }>>();
    expect(q.columns).toEqual([
      { name: 'account_id', spec: 'string' },
      { name: 'bucket', spec: 'string' },
    ]);
    expect(Object.isFrozen(q)).toBe(true);
    // @ts-expect-error identity keys must be declared columns
    expect(() => defineQuery({ ...base, identity: ['bucket_name'] })).toThrow(
      'query "open_buckets", field "identity": "bucket_name" is not a declared column',
    );
  });

  it('names the query and the field in every error', () => {
    expect(() => defineQuery({ ...base, name: 'Open-Buckets' })).toThrow(
      /query "Open-Buckets", field "name"/,
    );
    expect(() => defineQuery({ ...base, tags: [] })).toThrow(/field "tags": must be a non-empty list/);
    // @ts-expect-error not a severity
    expect(() => defineQuery({ ...base, severity: 'urgent' })).toThrow(/field "severity": "urgent"/);
    expect(() =>
      defineQuery({
        ...base,
        cypher: 'MATCH (a:AWSAccount)-[:RESOURCE]->(b) RETURN b.name AS bucket, $days AS d',
      }),
    ).toThrow(/field "parameters": the Cypher uses \$days, which is not declared/);
    expect(() =>
      defineQuery({
        ...base,
        parameters: [{ name: 'days', type: 'number', default: 'x' as never, description: '' }],
      }),
    ).toThrow(/field "parameters": the default of "days" is not a number/);
    expect(() => defineQuery({ ...base, scope: { kind: 'account', variable: 'acct' } })).toThrow(
      /field "scope": the Cypher must bind \(acct:AWSAccount\)/,
    );
    // @ts-expect-error not a column type
    expect(() => defineQuery({ ...base, columns: { account_id: 'str', bucket: 'string' } })).toThrow(
      /field "columns": "account_id" has type "str"/,
    );
  });

  it('takes a builder query: columns from the builder, literals kept as constants', () => {
    const graph = createGraph([Tenant, Server]);
    const q = defineQuery({
      name: 'public_servers',
      provider: 'fixture',
      group: 'servers',
      tags: ['fixture', 'security'],
      description: 'Public servers in a region',
      severity: 'medium',
      parameters: [{ name: 'region', type: 'string', default: 'east', description: 'Region' }],
      query: graph
        .match('t', 'TestTenant')
        .match('s', 'TestServer', { owner: 't' })
        .where('s.public', '=', true)
        .where('s.region', '=', param('region'))
        .return('t.id as tenant', 's.id as server'),
      identity: ['server'],
    });
    expectTypeOf(q).toEqualTypeOf<CatalogueQuery<{ tenant: string; server: string }>>();
    expect(q.columns.map((c) => c.spec)).toEqual(['string', 'string']);
    expect(q.constants).toEqual({ p0: true });
    const prepared = prepareQuery(q, { params: { region: 'west' } });
    expect(prepared).toMatchObject({ applicable: true, params: { p0: true, region: 'west' } });
  });
});

describe('prepareQuery', () => {
  const q = defineQuery({
    ...base,
    parameters: [{ name: 'min_size', type: 'number', default: 0, description: 'Smallest size' }],
    cypher:
      'MATCH (a:AWSAccount)-[:RESOURCE]->(b:S3Bucket) WHERE b.size >= $min_size RETURN a.id AS account_id, b.name AS bucket',
  });

  it('adds the scope filter structurally, as a parameter', () => {
    const hostile = 'x" OR 1=1 OR a.name="';
    const prepared = prepareQuery(q, { scope: { account: hostile } });
    if (!prepared.applicable) throw new Error('expected the query to apply');
    expect(prepared.cypher).toMatchInlineSnapshot(`
      "MATCH (a:AWSAccount)
      WHERE a.id = $scope_account OR a.name = $scope_account
      WITH a
      MATCH (a:AWSAccount)-[:RESOURCE]->(b:S3Bucket) WHERE b.size >= $min_size RETURN a.id AS account_id, b.name AS bucket"
    `);
    expect(prepared.params).toEqual({ min_size: 0, scope_account: hostile });
    expect(prepared.cypher).not.toContain('1=1');
  });

  it('skips, with a reason, a query that cannot take the scope asked for', () => {
    expect(prepareQuery(q, { scope: { project: 'p' } })).toEqual({
      applicable: false,
      reason: 'it is about AWS accounts, not GCP projects',
    });
  });

  it('checks parameter names and types and fills defaults', () => {
    expect(prepareQuery(q)).toMatchObject({ params: { min_size: 0 } });
    expect(() => prepareQuery(q, { params: { min_sise: 3 } })).toThrow(
      'query "open_buckets" has no parameter "min_sise" (it has min_size)',
    );
    expect(() => prepareQuery(q, { params: { min_size: '3' } })).toThrow(/expected a number, got "3"/);
    expect(() => prepareQuery(q, { scope: { account: 'a', project: 'b' } })).toThrow(/give one of/);
    expect(() => prepareQuery(q, { scope: { tenant: 'a' } as never })).toThrow(/unknown key "tenant"/);
  });
});

describe('catalogue', () => {
  const make = (name: string, tags: string[], severity: 'low' | 'high' | null = null) =>
    defineQuery({ ...base, name, tags, severity });
  const catalogue = createCatalogue([
    make('a_list', ['aws', 'inventory']),
    make('a_open', ['aws', 'security', 'networking'], 'high'),
    make('a_drift', ['aws', 'security', 'drift'], 'low'),
    make('g_open', ['gcp', 'security', 'networking'], 'high'),
  ]);
  const names = (selected: { name: string }[]) => selected.map((q) => q.name);

  it('selects by tags with allOf / anyOf / noneOf, and by the text form', () => {
    expect(names(catalogue.select({ tags: { allOf: ['aws', 'security'] } }))).toEqual(['a_open', 'a_drift']);
    expect(names(catalogue.select({ tags: { anyOf: ['inventory', 'networking'] } }))).toEqual([
      'a_list',
      'a_open',
      'g_open',
    ]);
    expect(names(catalogue.select({ tags: { allOf: ['security'], noneOf: ['drift'] } }))).toEqual([
      'a_open',
      'g_open',
    ]);
    expect(names(catalogue.select({ tags: 'aws,security|inventory,!drift' }))).toEqual(['a_list', 'a_open']);
    expect(names(catalogue.select({ minSeverity: 'high' }))).toEqual(['a_open', 'g_open']);
    expect(names(catalogue.select({ names: ['g_open', 'a_list'] }))).toEqual(['g_open', 'a_list']);
  });

  it('suggests close names for an unknown one, and refuses duplicates', () => {
    expect(() => catalogue.get('a_opne')).toThrow(
      'no query named "a_opne" in the catalogue; did you mean a_open',
    );
    expect(() => createCatalogue([make('x', ['aws']), make('x', ['aws'])])).toThrow(
      'query "x" is defined twice',
    );
    expect(catalogue.tags().find((t) => t.tag === 'security')).toEqual({ tag: 'security', count: 3 });
    expect(
      names([...catalogue.with([make('a_list', ['aws', 'renamed'])]).select({ tags: 'renamed' })]),
    ).toEqual(['a_list']);
  });
});
