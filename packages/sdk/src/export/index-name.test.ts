import { ConfigError } from '@skygraph/core';
import { describe, expect, it } from 'vitest';
import { dailyIndexName, validateIndexPrefix } from './index-name.ts';

describe('daily index names', () => {
  it('names the index after the UTC day', () => {
    expect(dailyIndexName('skygraph', new Date('2026-01-05T23:59:59.999Z'))).toBe('skygraph-2026.01.05');
    expect(dailyIndexName('skygraph', new Date('2026-01-06T00:00:00+02:00'))).toBe('skygraph-2026.01.05');
  });

  it.each(['Skygraph', 'sky graph', '_sky', 'sky*', 'a:b'])('refuses the prefix %s', (prefix) => {
    expect(() => validateIndexPrefix(prefix)).toThrow(ConfigError);
  });

  it('accepts a usual prefix', () => {
    expect(validateIndexPrefix('cloud-findings.prod')).toBe('cloud-findings.prod');
  });
});
