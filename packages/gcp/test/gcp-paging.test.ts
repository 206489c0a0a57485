import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type GcpEmulator, generateGcpEstate, startGcpEmulator } from '../src/emulator/index.ts';
import { count, syncGcp } from './gcp-test-support.ts';

describe('GCP paging', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  beforeAll(async () => {
    store = await openTestStore();
    // 1100 instances in one project: three pages of instances.aggregatedList (500 a page).
    gcp = await startGcpEmulator({
      estate: generateGcpEstate({
        seed: 11,
        projects: 2,
        deletedProjects: 0,
        folders: 1,
        instancesPerProject: 1100,
      }),
    });
  });
  afterAll(async () => {
    await gcp.close();
    await store.close();
  });

  it('follows page tokens to the end and loads every instance with its links', async () => {
    const result = await syncGcp(store, gcp, 100);
    expect(result.errors).toEqual([]);
    const project = gcp.estate.projects[0];
    expect(gcp.stats().byOperation['compute.instances.aggregatedList']).toBe(3 * gcp.estate.projects.length);
    expect(
      await count(store, 'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(i:GCPInstance) RETURN count(i)', {
        pid: project?.projectId,
      }),
    ).toBe(1100);
    expect(
      await count(
        store,
        'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(i:GCPInstance)-[:NETWORK_INTERFACE]->(:GCPNetworkInterface)-[:PART_OF_SUBNET]->(:GCPSubnet) RETURN count(i)',
        { pid: project?.projectId },
      ),
    ).toBe(1100);
  });
});
