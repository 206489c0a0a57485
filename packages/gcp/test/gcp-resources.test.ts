import type { GraphStore } from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GcpEmulator, GcpProject } from '../src/emulator/index.ts';
import { column, count, startSmallEmulator, syncGcp } from './gcp-test-support.ts';

describe('GCP project resources and their relationships', () => {
  let store: GraphStore;
  let gcp: GcpEmulator;
  let project: GcpProject;
  let pid: string;
  beforeAll(async () => {
    store = await openTestStore();
    gcp = await startSmallEmulator({ clustersPerProject: 3 });
    const first = gcp.estate.projects[0];
    if (!first) throw new Error('estate without projects');
    project = first;
    pid = project.projectId;
    const result = await syncGcp(store, gcp, 100);
    expect(result.errors).toEqual([]);
  });
  afterAll(async () => {
    await gcp.close();
    await store.close();
  });

  it('hangs every resource off its project', async () => {
    const labels = await store.read(
      'MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(n) RETURN labels(n) AS labels, count(n) AS n',
      { pid },
    );
    const counts = Object.fromEntries(
      labels.map((row) => [
        (row.labels as string[]).find((l) => l.startsWith('GCP') || l === 'GKECluster'),
        row.n,
      ]),
    );
    expect(counts).toMatchObject({
      GCPVpc: project.networks.length,
      GCPSubnet: project.subnetworks.length,
      GCPFirewall: project.firewalls.filter((f) => f.direction === 'INGRESS').length,
      GCPInstance: project.instances.length,
      GCPNetworkInterface: project.instances.length,
      GCPNicAccessConfig: project.instances.filter((i) => i.networkInterfaces[0]?.natIP).length,
      GKECluster: project.clusters.length,
      GCPBucket: project.buckets.length,
    });
  });

  it('links subnets to their VPC and instances to NICs, subnets, VPCs, tags and external IPs', async () => {
    expect(
      await count(store, 'MATCH (:GCPVpc {id: $vpc})-[:HAS]->(s:GCPSubnet) RETURN count(s)', {
        vpc: `projects/${pid}/global/networks/default`,
      }),
    ).toBe(project.subnetworks.filter((s) => s.network === 'default').length);
    const bastion = project.instances.find((i) => i.name.startsWith('bastion'));
    if (!bastion) throw new Error('no bastion');
    const id = `projects/${pid}/zones/${bastion.zone}/instances/${bastion.name}`;
    const [row] = await store.read(
      `MATCH (i:GCPInstance:ComputeInstance {id: $id})-[:NETWORK_INTERFACE]->(nic:GCPNetworkInterface)-[:PART_OF_SUBNET]->(s:GCPSubnet)<-[:HAS]-(vpc:GCPVpc)
       MATCH (i)-[:MEMBER_OF_GCP_VPC]->(vpc)
       MATCH (nic)-[:RESOURCE]->(ac:GCPNicAccessConfig)
       MATCH (i)-[:TAGGED]->(tag:GCPNetworkTag)-[:DEFINED_IN]->(vpc)
       RETURN nic.private_ip AS ip, s.name AS subnet, vpc.name AS vpc, ac.public_ip AS publicIp, tag.value AS tag, i.instancename AS name, i.zone_name AS zone`,
      { id },
    );
    const nic = bastion.networkInterfaces[0];
    expect(row).toEqual({
      ip: nic?.networkIP,
      subnet: nic?.subnetwork,
      vpc: 'default',
      publicIp: nic?.natIP,
      tag: 'ssh',
      name: bastion.name,
      zone: bastion.zone,
    });
  });

  it('models ingress firewalls as rules, ranges and target tags; egress rules are left out', async () => {
    const fw = `projects/${pid}/global/firewalls/allow-ssh-from-anywhere`;
    const [rule] = await store.read(
      `MATCH (:GCPIpRange:IpRange {id: '0.0.0.0/0'})-[:MEMBER_OF_IP_RULE]->(r:GCPIpRule:IpRule)-[:ALLOWED_BY]->(f:GCPFirewall {id: $fw})
       MATCH (vpc:GCPVpc)-[:RESOURCE]->(f)-[:TARGET_TAG]->(t:GCPNetworkTag)
       RETURN r.id AS id, r.protocol AS protocol, r.fromport AS fromport, r.toport AS toport, f.priority AS priority, vpc.name AS vpc, t.value AS tag`,
      { fw },
    );
    expect(rule).toEqual({
      id: `${fw}/allow/22tcp`,
      protocol: 'tcp',
      fromport: 22,
      toport: 22,
      priority: 1000,
      vpc: 'default',
      tag: 'ssh',
    });
    expect(
      await column(
        store,
        'MATCH (r:GCPIpRule)-[:DENIED_BY]->(:GCPFirewall {name: "deny-rdp-quarantine"}) WHERE r.id STARTS WITH $p RETURN r.id',
        { p: `projects/${pid}/` },
      ),
    ).toEqual([`projects/${pid}/global/firewalls/deny-rdp-quarantine/deny/3389tcp`]);
    expect(await count(store, "MATCH (f:GCPFirewall) WHERE f.direction <> 'INGRESS' RETURN count(f)")).toBe(
      0,
    );
  });

  it('records GKE control-plane settings without storing the basic-auth password', async () => {
    const legacy = await store.read(
      "MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(c:GKECluster) WHERE c.name STARTS WITH 'legacy' RETURN properties(c) AS p",
      { pid },
    );
    const props = legacy[0]?.p as Record<string, unknown>;
    expect(props).toMatchObject({
      basic_auth: true,
      masterauth_username: 'admin',
      legacy_abac: true,
      private_nodes: false,
      master_authorized_networks: false,
      shielded_nodes: false,
      logging_service: 'none',
    });
    expect(props).not.toHaveProperty('masterauth_password');
    expect(JSON.stringify(props)).not.toContain(project.clusters[0]?.basicAuth?.password ?? 'n/a');
    const prod = await store.read(
      "MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(c:GKECluster) WHERE c.name STARTS WITH 'prod' RETURN c.private_nodes AS pn, c.master_authorized_networks_cidrs AS cidrs, c.database_encryption AS enc, c.workload_identity_enabled AS wi",
      { pid },
    );
    expect(prod).toEqual([{ pn: true, cidrs: ['203.0.113.0/24'], enc: 'ENCRYPTED', wi: true }]);
  });

  it('derives bucket public access from IAM, public access prevention and encryption settings', async () => {
    const rows = await store.read(
      `MATCH (:GCPProject {id: $pid})-[:RESOURCE]->(b:GCPBucket:ObjectStorage)
       RETURN b.id AS id, b.public_access AS public, b.iam_public_members AS members,
              b.iam_config_uniform_bucket_level_access AS ubla, b.iam_config_public_access_prevention AS pap,
              b.default_kms_key_name AS kms
       ORDER BY id`,
      { pid },
    );
    expect(rows).toEqual([
      {
        id: `${pid}-backups`,
        public: false,
        members: [],
        ubla: true,
        pap: 'enforced',
        kms: `projects/${pid}/locations/eu/keyRings/storage/cryptoKeys/backups`,
      },
      {
        id: `${pid}-legacy-uploads`,
        public: true,
        members: ['allAuthenticatedUsers'],
        ubla: false,
        pap: 'inherited',
        kms: null,
      },
      {
        id: `${pid}-public-assets`,
        public: true,
        members: ['allUsers'],
        ubla: true,
        pap: 'inherited',
        kms: null,
      },
    ]);
    expect(
      await store.read(
        'MATCH (b:GCPBucket {id: $id})-[:LABELED]->(l:GCPLabel)<-[:TAGGED]-(b) RETURN l.key AS key, l.value AS value ORDER BY key',
        { id: `${pid}-backups` },
      ),
    ).toEqual([
      { key: 'data-classification', value: 'confidential' },
      { key: 'purpose', value: 'backups' },
    ]);
  });
});
