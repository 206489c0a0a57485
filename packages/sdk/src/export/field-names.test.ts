import { describe, expect, it } from 'vitest';
import { fieldNamesFor, sanitizeFieldName, sanitizeValue } from './field-names.ts';

describe('Elasticsearch field names', () => {
  it.each([
    ['n.name', 'n_name'],
    ['_id', 'id'],
    ['__proto', 'proto'],
    ['count(*)', 'count'],
    ['first seen', 'first_seen'],
    ['a..b', 'a_b'],
    ['@timestamp', 'timestamp'],
    ['région', 'région'],
    ['*', 'field'],
  ])('%s -> %s', (column, field) => {
    expect(sanitizeFieldName(column)).toBe(field);
  });

  it('keeps reserved fields for the metadata and numbers collisions', () => {
    const names = fieldNamesFor(['metadata', '@timestamp', 'a.b', 'a_b', 'a b'], ['@timestamp', 'metadata']);
    expect([...names.values()]).toEqual(['result_metadata', 'timestamp', 'a_b', 'a_b_2', 'a_b_3']);
  });

  it('sanitises map keys at every level and drops values JSON cannot carry', () => {
    expect(sanitizeValue({ 'x.y': [{ _k: Number.NaN }], z: 10n })).toEqual({ x_y: [{ k: null }], z: 10 });
  });
});
