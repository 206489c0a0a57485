import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GcpEmulator, GcpProject } from '../src/emulator/index.ts';
import { column, startSmallEmulator, syncGcp } from './gcp-test-support.ts';

describe('GCP internet exposure analysis', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  let project: GcpProject;
  beforeEach(async () => {
    store = await openTestStore();
    gcp = await startSmallEmulator({ clustersPerProject: 3 });
    const first = gcp.estate.projects[0];
    if (!first) throw new Error('estate without projects');
    project = first;
  });
  afterEach(async () => {
    await gcp.close();
    await store.close();
  });

  const exposedInstances = () =>
    column<string>(
      store,
      'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(i:GCPInstance) WHERE i.exposed_internet = true RETURN i.instancename ORDER BY i.instancename',
      { pid: project.projectId },
    );
  const firewall = (name: string) => {
    const found = project.firewalls.find((f) => f.name === name);
    if (!found) throw new Error(`no firewall ${name}`);
    return found;
  };

  it('marks instances with an external IP behind a 0.0.0.0/0 allow, but not those a higher-priority deny covers', async () => {
    await syncGcp(store, gcp, 100);
    // bastion: SSH open to the world; rdp-jump: RDP open; rdp-quarantined: RDP open but denied at
    // priority 100; web: HTTP open but no external IP.
    expect(await exposedInstances()).toEqual(['bastion-0', 'rdp-jump-1']);
    const [types] = await column<string>(
      store,
      "MATCH (i:GCPInstance {instancename: 'bastion-0'}) WHERE i.id STARTS WITH $p RETURN i.exposed_internet_type",
      { p: `projects/${project.projectId}/` },
    );
    expect(types).toBe('direct');
    expect(
      await column(
        store,
        "MATCH (i:GCPInstance {instancename: 'web-3'}) WHERE i.id STARTS WITH $p RETURN i.exposed_internet",
        { p: `projects/${project.projectId}/` },
      ),
    ).toEqual([false]);
    // Firewalls without target tags apply to every instance of their VPC.
    expect(
      await column(
        store,
        "MATCH (f:GCPFirewall {name: 'default-allow-icmp'})-[:FIREWALL_INGRESS]->(i:GCPInstance) WHERE f.id STARTS WITH $p RETURN i.instancename ORDER BY i.instancename",
        { p: `projects/${project.projectId}/` },
      ),
    ).toEqual(['bastion-0', 'rdp-jump-1', 'rdp-quarantined-2']);
  });

  it('a deny of lower priority does not override the allow; one of equal priority does', async () => {
    firewall('deny-rdp-quarantine').priority = 2000;
    await syncGcp(store, gcp, 100);
    expect(await exposedInstances()).toEqual(['bastion-0', 'rdp-jump-1', 'rdp-quarantined-2']);
    firewall('deny-rdp-quarantine').priority = 1000;
    await syncGcp(store, gcp, 200);
    expect(await exposedInstances()).toEqual(['bastion-0', 'rdp-jump-1']);
  });

  it('a deny that covers only some of the allowed ports leaves the instance exposed', async () => {
    const deny = firewall('deny-rdp-quarantine');
    deny.denied = [{ IPProtocol: 'tcp', ports: ['3390-4000'] }];
    await syncGcp(store, gcp, 100);
    expect(await exposedInstances()).toEqual(['bastion-0', 'rdp-jump-1', 'rdp-quarantined-2']);
  });

  it('a disabled allow firewall exposes nothing, and exposure clears when the firewall goes', async () => {
    await syncGcp(store, gcp, 100);
    firewall('allow-ssh-from-anywhere').disabled = true;
    project.firewalls = project.firewalls.filter((f) => f.name !== 'allow-rdp-from-anywhere');
    await syncGcp(store, gcp, 200);
    expect(await exposedInstances()).toEqual([]);
  });

  it('marks GKE clusters with a public endpoint and no (or an open) authorized network list', async () => {
    await syncGcp(store, gcp, 100);
    const clusters = await store.read(
      'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(c:GKECluster) RETURN c.name AS name, c.exposed_internet AS exposed ORDER BY name',
      { pid: project.projectId },
    );
    expect(clusters).toEqual([
      { name: 'dev-cluster-2', exposed: true },
      { name: 'legacy-cluster-0', exposed: true },
      { name: 'prod-cluster-1', exposed: false },
    ]);
  });
});
