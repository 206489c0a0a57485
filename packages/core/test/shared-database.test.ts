import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GraphStore } from '../src/store/graph-store.ts';
import { sync } from '../src/sync/run-sync.ts';
import { fixtureProvider } from '../src/testing/fixture-provider.ts';
import { openTestStore } from '../src/testing/test-store.ts';

const fast = { retries: 1, minTimeoutMs: 1, maxTimeoutMs: 5 };
const estate = (ids: string[]) => ({
  tenants: { acme: { east: { servers: ids.map((id) => ({ id, region: 'east' })), disks: [] } } },
});

// A database shared with Cartography holds labels skygraph never writes,
// some of them hanging off the very nodes skygraph owns.
describe('a graph shared with another writer', () => {
  let store: GraphStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(async () => {
    await store.close();
  });

  it('keeps nodes and relationships of labels skygraph does not write through its syncs and cleanup', async () => {
    await sync({ store, providers: [fixtureProvider(estate(['a', 'b']))], updateTag: 100, retry: fast });
    await store.write([
      {
        cypher: `MATCH (t:TestTenant {id: 'acme'})
          CREATE (t)-[:RESOURCE {lastupdated: 1}]->(:GitHubRepository {id: 'repo-1', lastupdated: 1})
          CREATE (:KubernetesCluster {id: 'k8s-1', lastupdated: 1})
          WITH t MATCH (s:TestServer {id: 'a'}) CREATE (s)<-[:RUNS_ON {lastupdated: 1}]-(:KubernetesPod {id: 'pod-1', lastupdated: 1})`,
        params: {},
      },
    ]);
    const result = await sync({
      store,
      providers: [fixtureProvider(estate(['b']))],
      updateTag: 200,
      retry: fast,
    });
    expect(result.status).toBe('success');
    expect(result.counts.deleted).toBeGreaterThan(0);
    const left = await store.read(
      `MATCH (n) WHERE n:GitHubRepository OR n:KubernetesCluster OR n:KubernetesPod OR n:TestServer
       RETURN [l IN labels(n) WHERE l <> 'TestMachine'][0] AS label, n.id AS id ORDER BY label, id`,
    );
    expect(left).toEqual([
      { label: 'GitHubRepository', id: 'repo-1' },
      { label: 'KubernetesCluster', id: 'k8s-1' },
      { label: 'KubernetesPod', id: 'pod-1' },
      { label: 'TestServer', id: 'b' },
    ]);
    const [owned] = await store.read(
      "MATCH (:TestTenant {id: 'acme'})-[r:RESOURCE]->(:GitHubRepository) RETURN count(r) AS n",
    );
    expect(owned).toEqual({ n: 1 });
  });
});
