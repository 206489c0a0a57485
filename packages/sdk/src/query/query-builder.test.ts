import { defineNode, refOf } from '@skygraph/core';
import { Disk, Server, Tenant } from '@skygraph/core/testing';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { createGraph } from './create-graph.ts';
import { param } from './param.ts';
import { QueryError } from './query-error.ts';

const graph = createGraph([Tenant, Server, Disk]);

describe('query builder', () => {
  it('compiles matches, scope links, conditions and typed columns', () => {
    const q = graph
      .match('t', 'TestTenant')
      .match('s', 'TestServer', { owner: 't' })
      .where('s.public', '=', true)
      .where('s.region', 'in', ['east', 'west'])
      .return('t.name as tenant', 's.id', 's.ports')
      .orderBy('tenant')
      .limit(10);
    const compiled = q.compile();
    expect(compiled.cypher).toMatchInlineSnapshot(`
      "MATCH (t:TestTenant)
      MATCH (t)-[:RESOURCE]->(s:TestServer)
      WHERE s.public = $p0 AND s.region IN $p1
      RETURN t.name AS tenant, s.id AS id, s.ports AS ports
      ORDER BY tenant
      LIMIT 10"
    `);
    expect(compiled.params).toEqual({ p0: true, p1: ['east', 'west'] });
    expect(compiled.columns).toEqual([
      { name: 'tenant', spec: 'string?' },
      { name: 'id', spec: 'string' },
      { name: 'ports', spec: 'number[]?' },
    ]);
    expectTypeOf(compiled).toEqualTypeOf<
      import('./compiled-query.ts').CompiledQuery<{
        tenant: string | null;
        id: string;
        ports: number[] | null;
      }>
    >();
  });

  it('makes the columns of an optional match nullable and aggregates typed', () => {
    const q = graph
      .match('s', 'TestServer')
      .optionalMatch('d', 'TestDisk', { from: 's', rel: 'ATTACHED' })
      .return(
        's.id',
        'd.region as disk_region',
        (f) => f.count('d').as('disks'),
        (f) => f.collectDistinct('d.id').as('disk_ids'),
        (f) => f.max('d.size').as('largest'),
      )
      .having('disks', '>', 1)
      .orderBy('disks', 'desc');
    expect(q.compile().cypher).toMatchInlineSnapshot(`
      "MATCH (s:TestServer)
      OPTIONAL MATCH (s)-[:ATTACHED]->(d:TestDisk)
      WITH s.id AS id, d.region AS disk_region, count(d) AS disks, collect(DISTINCT d.id) AS disk_ids, max(d.size) AS largest
      WHERE disks > $p0
      RETURN id, disk_region, disks, disk_ids, largest
      ORDER BY disks DESC"
    `);
    expect(q.compile().columns.map((c) => c.spec)).toEqual([
      'string',
      'string?',
      'number',
      'string[]',
      'number?',
    ]);
    type Row = import('./compiled-query.ts').RowOf<ReturnType<typeof q.compile>>;
    expectTypeOf<Row>().toEqualTypeOf<{
      id: string;
      disk_region: string | null;
      disks: number;
      disk_ids: string[];
      largest: number | null;
    }>();
  });

  it('puts each condition where its variables are bound, so optional matches stay optional', () => {
    const q = graph
      .match('s', 'TestServer')
      .optionalMatch('d', 'TestDisk', { from: 's', rel: 'ATTACHED' })
      .where('s.public', '=', true)
      .where('d.size', '>', 100)
      .return('s.id', 'd.id as disk');
    expect(q.compile().cypher).toMatchInlineSnapshot(`
      "MATCH (s:TestServer)
      WHERE s.public = $p0
      OPTIONAL MATCH (s)-[:ATTACHED]->(d:TestDisk)
      WHERE d.size > $p1
      RETURN s.id AS id, d.id AS disk"
    `);
  });

  it('links against a relationship declared by the other end, with hops', () => {
    const q = graph
      .match('d', 'TestDisk')
      .match('s', 'TestServer', { to: 'd', rel: 'ATTACHED' })
      .match('peer', 'TestServer', { from: 's', rel: 'PEERS_WITH', hops: [1, 3] })
      .return('d.id as disk', 'peer.id as peer')
      .distinct();
    expect(q.compile().cypher).toMatchInlineSnapshot(`
      "MATCH (d:TestDisk)
      MATCH (d)<-[:ATTACHED]-(s:TestServer)
      MATCH (s)-[:PEERS_WITH*1..3]->(peer:TestServer)
      RETURN DISTINCT d.id AS disk, peer.id AS peer"
    `);
  });

  it('builds OR / NOT / EXISTS conditions, string operators and placeholders', () => {
    const q = graph
      .match('s', 'TestServer')
      .where((eb) =>
        eb.or([
          eb.and([eb('s.name', 'starts with', 'web-'), eb('s.tags', 'includes', 'prod')]),
          eb.not(eb.exists({ from: 's', rel: 'ATTACHED', node: 'TestDisk' })),
          eb('s.name', 'is null'),
        ]),
      )
      .where('s.region', '=', param('region'))
      .return('s');
    const compiled = q.compile();
    expect(compiled.cypher).toMatchInlineSnapshot(`
      "MATCH (s:TestServer)
      WHERE ((s.name STARTS WITH $p0 AND $p1 IN s.tags) OR NOT EXISTS { MATCH (s)-[:ATTACHED]->(:TestDisk) } OR s.name IS NULL) AND s.region = $region
      RETURN s"
    `);
    expect(compiled.params).toEqual({ p0: 'web-', p1: 'prod' });
    expect(compiled.placeholders).toEqual(['region']);
  });

  it('never puts a value into the Cypher text', () => {
    const hostile = 'x" OR 1=1 OR s.name="';
    const compiled = graph.match('s', 'TestServer').where('s.name', '=', hostile).return('s.id').compile();
    expect(compiled.cypher).not.toContain(hostile);
    expect(compiled.cypher).not.toContain('1=1');
    expect(compiled.params).toEqual({ p0: hostile });
  });

  it('is immutable: a builder can be extended in two directions', () => {
    const base = graph.match('s', 'TestServer');
    const a = base.where('s.public', '=', true).return('s.id');
    const b = base.return('s.name');
    expect(a.compile().cypher).toContain('WHERE');
    expect(b.compile().cypher).not.toContain('WHERE');
    expect(base.toAst().returns).toHaveLength(0);
  });

  it('rejects at run time what the types reject at compile time', () => {
    const untyped = graph as unknown as {
      match(
        v: string,
        l: string,
        link?: unknown,
      ): {
        match(v: string, l: string, link?: unknown): unknown;
        where(r: string, o: string, v?: unknown): unknown;
        return(...s: string[]): { orderBy(c: string): unknown };
      };
    };
    expect(() => untyped.match('s', 'TestServr')).toThrow(/unknown label "TestServr"/);
    expect(() => untyped.match('s', 'TestServer').where('s.nmae', '=', 'x')).toThrow(
      /TestServer has no property "nmae"/,
    );
    // Names every JS object has are not properties of a schema.
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(() => untyped.match('s', 'TestServer').where(`s.${name}`, '=', 'x'), name).toThrow(
        `TestServer has no property "${name}"`,
      );
      expect(() => untyped.match('s', name), name).toThrow(/unknown label/);
    }
    expect(() => untyped.match('s', 'TestServer').match('d', 'TestDisk', { from: 's', rel: 'OWNS' })).toThrow(
      /no relationship \(:TestServer\)-\[:OWNS\]->\(:TestDisk\)/,
    );
    expect(() => untyped.match('s', 'TestServer').match('s', 'TestDisk')).toThrow(/already bound/);
    expect(() => untyped.match('s', 'TestServer').match('t', 'TestDisk', { owner: 's' })).toThrow(
      /owned by TestTenant/,
    );
    expect(() => untyped.match('s', 'TestServer').return('s.id as x y')).toThrow(QueryError);
    expect(() => untyped.match('s', 'TestServer').return('s.id', 's.id')).toThrow(
      /two columns are named "id"/,
    );
    expect(() => untyped.match('s', 'TestServer').return('s.id').orderBy('name')).toThrow(
      /not a returned column/,
    );
    expect(() => untyped.match('match', 'TestServer')).toThrow(/Cypher keyword/);
    expect(() => param('p0')).toThrow(/reserved/);
  });

  it('checks labels, properties, relationships and values at compile time', () => {
    const s = graph.match('s', 'TestServer');
    // @ts-expect-error a label the model does not have
    expect(() => graph.match('x', 'TestServr')).toThrow();
    // @ts-expect-error a property TestServer does not have
    expect(() => s.where('s.nmae', '=', 'x')).toThrow();
    // @ts-expect-error a value of the wrong type for the property
    s.where('s.public', '=', 'yes');
    // @ts-expect-error string operators only apply to string properties
    s.where('s.public', 'contains', 'x');
    // @ts-expect-error a relationship type neither schema declares
    expect(() => s.match('d', 'TestDisk', { from: 's', rel: 'OWNS' })).toThrow();
    // @ts-expect-error a variable that is not bound
    expect(() => s.match('d', 'TestDisk', { from: 'x', rel: 'ATTACHED' })).toThrow();
    // @ts-expect-error binding a variable twice
    expect(() => s.match('s', 'TestDisk')).toThrow();
    // @ts-expect-error a property in a selection that does not exist
    expect(() => s.return('s.nmae')).toThrow();
    // @ts-expect-error ordering by a column that is not returned
    expect(() => s.return('s.id').orderBy('name')).toThrow();
    const rows = s.return('s.id', 's.public as pub');
    expectTypeOf<Awaited<ReturnType<typeof rows.run>>>().toEqualTypeOf<
      { id: string; pub: boolean | null }[]
    >();
  });

  it('checks relationship targets by label when the schema keeps them as literal types', () => {
    // Relationships written inline keep their target label in the type (defineRel() widens it to string).
    const Host = defineNode({
      label: 'Host',
      key: 'id',
      properties: { id: 'string' },
      scope: { owner: refOf(Tenant), rel: 'RESOURCE' },
      relationships: {
        disks: { type: 'ATTACHED', direction: 'out', target: { label: 'TestDisk', key: 'id' } },
      },
    });
    const g = createGraph([Tenant, Host, Disk]);
    const h = g.match('h', 'Host');
    expect(
      h.match('d', 'TestDisk', { from: 'h', rel: 'ATTACHED' }).return('d.id').compile().cypher,
    ).toContain('(h)-[:ATTACHED]->(d:TestDisk)');
    // @ts-expect-error ATTACHED points at TestDisk, not at TestTenant
    expect(() => h.match('t', 'TestTenant', { from: 'h', rel: 'ATTACHED' })).toThrow(/no relationship/);
  });
});
