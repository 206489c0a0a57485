import { describe, expect, it } from 'vitest';
import { checkedAggregated, incompleteScopes } from './aggregated-list.ts';

describe('aggregated lists', () => {
  it('tells unreachable zones from zones with nothing on this page', () => {
    expect(
      incompleteScopes({
        items: {
          'zones/a': { warning: { code: 'NO_RESULTS_ON_PAGE' } },
          'zones/b': { warning: { code: 'UNREACHABLE' } },
          'zones/c': {},
        },
        unreachables: ['zones/d'],
      }),
    ).toEqual(['zones/d', 'zones/b (UNREACHABLE)']);
  });

  it('passes every page on, then fails when a zone was unreachable', async () => {
    async function* pages() {
      yield { items: { 'zones/a': {} } };
      yield { items: { 'zones/b': { warning: { code: 'UNREACHABLE' } } } };
    }
    const seen: unknown[] = [];
    await expect(
      (async () => {
        for await (const page of checkedAggregated('compute.instances.aggregatedList', pages()))
          seen.push(page);
      })(),
    ).rejects.toThrow(
      /could not reach zones\/b \(UNREACHABLE\); what it returned was loaded, nothing was cleaned up/,
    );
    expect(seen).toHaveLength(2);
  });
});
