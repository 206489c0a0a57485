import { openTestStore } from '@skygraph/core/testing';
import { type DemoGraph, openDemoGraph } from '../lib/demo-graph.ts';

/**
 * The demo estate synced into a fresh test store (embedded, or the Neo4j of
 * SKYGRAPH_TEST_NEO4J_URI): what a user gets from `collect --demo`.
 */
export async function openTestDemoGraph(): Promise<DemoGraph> {
  return openDemoGraph({ store: await openTestStore() });
}
