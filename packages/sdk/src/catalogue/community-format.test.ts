import { describe, expect, it } from 'vitest';
import { builtinQueries } from './builtin-catalogue.ts';
import { exportCommunityQueries, importCommunityQueries, splitReturn } from './community-format.ts';

const entry = {
  name: 'rds_open',
  tags: ['security', 'cloud', 'aws'],
  description: 'Public RDS instances',
  query: 'MATCH (a:AWSAccount)-[:RESOURCE]->(rds:RDSInstance{publicly_accessible: true}) RETURN ',
  return: 'a.name, a.id, rds.id, count(rds) ORDER BY a.name',
  result_headers: ['account_name', 'account_id', 'rds_id', 'n'],
};

describe('community queries.json', () => {
  it('splits the return expressions at top-level commas, keeping trailing clauses', () => {
    expect(
      splitReturn("a.name, collect(distinct [x, y]), coalesce(b.v, 'a, b') ORDER BY a.name LIMIT 5"),
    ).toEqual({
      items: ['a.name', 'collect(distinct [x, y])', "coalesce(b.v, 'a, b')"],
      rest: 'ORDER BY a.name LIMIT 5',
    });
  });

  it('imports an entry: columns named by result_headers, scope recognised, tags kept', () => {
    const { queries, warnings } = importCommunityQueries([entry]);
    const [q] = queries;
    expect(warnings).toEqual([]);
    expect(q?.cypher).toBe(
      'MATCH (a:AWSAccount)-[:RESOURCE]->(rds:RDSInstance{publicly_accessible: true}) RETURN a.name AS account_name, a.id AS account_id, rds.id AS rds_id, count(rds) AS n ORDER BY a.name',
    );
    expect(q?.columns.map((c) => c.name)).toEqual(entry.result_headers);
    expect(q?.scope).toEqual({ kind: 'account', variable: 'a' });
    expect(q?.provider).toBe('aws');
  });

  it('names the entry and the field of an invalid entry', () => {
    expect(() => importCommunityQueries([entry, { ...entry, name: 'x', result_headers: ['one'] }])).toThrow(
      'entry 1 ("x"), field "result_headers": names 1 column(s) but "return" has 4 expression(s)',
    );
    expect(() => importCommunityQueries([{ ...entry, query: 'MATCH (n) RETURN n' }])).toThrow(
      'entry 0 ("rds_open"), field "query": must end with "RETURN "',
    );
    expect(() => importCommunityQueries([{ ...entry, tags: 'aws' }])).toThrow(
      'entry 0 ("rds_open"), field "tags": must be a list of strings',
    );
    expect(() => importCommunityQueries([{ tags: [] }])).toThrow(
      'entry 0, field "name": must be a non-empty string',
    );
    expect(() => importCommunityQueries('{"name": 1}')).toThrow('queries.json must be a JSON array');
    expect(() => importCommunityQueries('[{')).toThrow(/queries.json is not valid JSON/);
  });

  it('imports a list parameter default as a list parameter', () => {
    const { queries } = importCommunityQueries([
      {
        ...entry,
        query:
          'MATCH (a:AWSAccount)-[:RESOURCE]->(rds:RDSInstance) WHERE rds.engine IN $engines AND rds.port IN $ports RETURN ',
        params: {
          engines: { param_name: 'engines', param_value: ['mysql', 'postgres'] },
          ports: { param_name: 'ports', param_value: [3306, 5432] },
        },
      },
    ]);
    expect(queries[0]?.parameters.map((p) => [p.name, p.type, p.default])).toEqual([
      ['engines', 'string[]', ['mysql', 'postgres']],
      ['ports', 'number[]', [3306, 5432]],
    ]);
  });

  it('warns about relationship types written without a colon', () => {
    const { warnings } = importCommunityQueries([
      { ...entry, query: 'MATCH (a:AWSAccount)-[RESOURCE]->(rds:RDSInstance) RETURN ' },
    ]);
    expect(warnings).toEqual([
      'entry 0 ("rds_open"): [RESOURCE] has no colon, so it names a variable and matches any relationship; did you mean [:RESOURCE]?',
    ]);
  });

  it('exports the built-in queries and imports them back with the same Cypher, columns and parameters', () => {
    const oneLine = (cypher: string) => cypher.replace(/\s+/g, ' ').trim();
    const exported = exportCommunityQueries(builtinQueries);
    for (const e of exported) {
      expect(e.query.endsWith('RETURN ')).toBe(true);
      expect(Object.keys(e).sort()).toEqual(
        [
          'description',
          'name',
          'query',
          'result_headers',
          'return',
          'tags',
          ...(e.params ? ['params'] : []),
        ].sort(),
      );
    }
    const { queries } = importCommunityQueries(JSON.stringify(exported));
    expect(queries).toHaveLength(builtinQueries.length);
    for (const [i, original] of builtinQueries.entries()) {
      const back = queries[i];
      expect(back?.name).toBe(original.name);
      expect(back?.columns.map((c) => c.name)).toEqual(original.columns.map((c) => c.name));
      expect(back?.parameters.map((p) => [p.name, p.default])).toEqual(
        original.parameters.map((p) => [p.name, p.default]),
      );
      // A builder's literals travel as Cypher literals in the file.
      const literal = (v: unknown) => (typeof v === 'string' ? `'${v}'` : String(v));
      const inlined = Object.entries(original.constants).reduce(
        (cypher, [name, value]) => cypher.replaceAll(`$${name}`, literal(value)),
        original.cypher,
      );
      expect(oneLine(back?.cypher ?? '')).toBe(oneLine(inlined));
    }
  });

  it('round-trips every field through the extended export', () => {
    const { queries } = importCommunityQueries(exportCommunityQueries(builtinQueries, { extended: true }));
    for (const [i, original] of builtinQueries.entries()) {
      const back = queries[i];
      expect(back?.scope).toEqual(original.scope);
      expect(back?.severity).toBe(original.severity);
      expect(back?.remediation).toBe(original.remediation);
      expect(back?.columns).toEqual(original.columns);
      expect(back?.identity).toEqual(original.identity);
      expect(back?.parameters).toEqual(original.parameters);
    }
  });

  it('writes the extended fields on request', () => {
    const [first] = exportCommunityQueries(
      builtinQueries.filter((q) => q.severity === 'critical').slice(0, 1),
      {
        extended: true,
      },
    );
    expect(first?.severity).toBe('critical');
    expect(first?.identity).toBeDefined();
    expect(first?.remediation).toEqual(expect.any(String));
  });
});
