import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { syncTestEstate } from '../fixtures/estate-graph.ts';

describe('the demo estate synced twice', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('an unchanged re-sync records no change: the first sync wrote every node and relationship', async () => {
    const first = await syncTestEstate(store);
    const second = await syncTestEstate(store);
    expect(second.result.updateTag).toBeGreaterThan(first.result.updateTag);
    const changes = await store.read(
      `MATCH (c:SkygraphChange {update_tag: $tag})
       RETURN c.kind AS kind, c.entity AS entity, c.label AS label, c.key AS key LIMIT 10`,
      { tag: second.result.updateTag },
    );
    expect(changes).toEqual([]);
    expect(second.result.counts.deleted).toBe(0);
    expect(second.result.counts.nodes).toBe(first.result.counts.nodes);
  }, 120_000);
});
