import { describe, expect, it } from 'vitest';
import { decodePageToken, encodePageToken, GoogleApiError, paginate, selectFields } from './google-rest.ts';

describe('selectFields (partial responses)', () => {
  const body = {
    kind: 'compute#instanceList',
    nextPageToken: 't',
    items: [
      { name: 'a', tags: { items: ['ssh'], fingerprint: 'x' }, status: 'RUNNING' },
      { name: 'b', tags: { fingerprint: 'y' }, status: 'TERMINATED' },
    ],
  };

  it('keeps nested paths, sub-selections and wildcards', () => {
    expect(selectFields(body, 'nextPageToken,items(name,tags/items)')).toEqual({
      nextPageToken: 't',
      items: [
        { name: 'a', tags: { items: ['ssh'] } },
        { name: 'b', tags: {} },
      ],
    });
    expect(
      selectFields(
        { items: { 'zones/a': { instances: [{ name: 'x', id: '1' }] } } },
        'items/*/instances/name',
      ),
    ).toEqual({ items: { 'zones/a': { instances: [{ name: 'x' }] } } });
    expect(selectFields(body, null)).toBe(body);
  });

  it('rejects malformed selectors with a 400', () => {
    expect(() => selectFields(body, 'items(name')).toThrow(GoogleApiError);
  });
});

describe('page tokens', () => {
  it('round-trip and refuse tokens of another list', () => {
    expect(decodePageToken(encodePageToken(40, 'a'), 'a')).toBe(40);
    expect(() => decodePageToken(encodePageToken(40, 'a'), 'b')).toThrow(GoogleApiError);
    expect(() => decodePageToken('garbage', 'a')).toThrow(GoogleApiError);
    expect(decodePageToken(null, 'a')).toBe(0);
  });

  it('omit the next token on the last page', () => {
    expect(paginate([1, 2, 3], 2, 0, 'k').nextPageToken).toBeDefined();
    expect(paginate([1, 2, 3], 2, 2, 'k')).toEqual({ items: [3], nextPageToken: undefined });
  });
});
