import { describe, expect, it } from 'vitest';
import { type FieldValues, matchesCrmQuery, parseCrmQuery } from './crm-query.ts';

const project: FieldValues = (field) =>
  ({
    displayname: ['Payments prod'],
    parent: ['folders/123'],
    state: ['ACTIVE'],
    'labels.env': ['prod'],
    'labels.team': [],
  })[field];

describe('Resource Manager query syntax', () => {
  it('matches case-insensitively with suffix wildcards and negation', () => {
    const matches = (query: string, join: 'AND' | 'OR' = 'AND') =>
      matchesCrmQuery(parseCrmQuery(query, join), project);
    expect(matches('displayName:payments*')).toBe(true);
    expect(matches('displayName="Payments prod"')).toBe(true);
    expect(matches('state:active parent:folders/123')).toBe(true);
    expect(matches('state:ACTIVE parent:folders/999')).toBe(false);
    expect(matches('state:ACTIVE parent:folders/999', 'OR')).toBe(true);
    expect(matches('labels.env:* AND NOT labels.team:*')).toBe(true);
    expect(matches('parent=folders/999 OR state=ACTIVE')).toBe(true);
    expect(matches('')).toBe(true);
  });

  it('rejects unknown fields', () => {
    expect(() => matchesCrmQuery(parseCrmQuery('color:red', 'AND'), project)).toThrow(/Unsupported field/);
  });
});
