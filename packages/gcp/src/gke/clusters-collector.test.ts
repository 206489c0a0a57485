import { describe, expect, it } from 'vitest';
import { type ClusterListPage, transformClusters } from './clusters-collector.ts';

const SELF = 'https://container.googleapis.com/v1/projects/acme-prod/locations/europe-west1/clusters/prod';

// projects.locations.clusters.list as documented: proto3 JSON, so false flags and empty messages are left out.
const page: ClusterListPage = {
  clusters: [
    {
      name: 'prod',
      masterAuth: { clusterCaCertificate: 'LS0tLS1CRUdJTi...' },
      loggingService: 'logging.googleapis.com/kubernetes',
      monitoringService: 'monitoring.googleapis.com/kubernetes',
      network: 'prod-vpc',
      clusterIpv4Cidr: '10.40.0.0/14',
      subnetwork: 'prod-europe-west1',
      legacyAbac: {},
      networkPolicy: { provider: 'CALICO', enabled: true },
      masterAuthorizedNetworksConfig: {
        enabled: true,
        cidrBlocks: [{ displayName: 'corp', cidrBlock: '203.0.113.0/24' }],
      },
      privateClusterConfig: {
        enablePrivateNodes: true,
        masterIpv4CidrBlock: '172.16.0.0/28',
        privateEndpoint: '172.16.0.2',
        publicEndpoint: '35.1.2.3',
      },
      databaseEncryption: {
        state: 'ENCRYPTED',
        keyName: 'projects/acme-prod/locations/europe-west1/keyRings/k/cryptoKeys/etcd',
      },
      shieldedNodes: { enabled: true },
      releaseChannel: { channel: 'REGULAR' },
      workloadIdentityConfig: { workloadPool: 'acme-prod.svc.id.goog' },
      selfLink: SELF,
      zone: 'europe-west1',
      endpoint: '35.1.2.3',
      initialClusterVersion: '1.28.3-gke.1203001',
      currentMasterVersion: '1.30.5-gke.1014001',
      currentNodeVersion: '1.30.5-gke.1014001',
      createTime: '2024-03-01T10:00:00+00:00',
      status: 'RUNNING',
      servicesIpv4Cidr: '10.120.0.0/20',
      location: 'europe-west1',
      id: '0f8b4f8c2d2a4b51a4b0d6a3b8e9f001',
    },
    {
      name: 'legacy',
      masterAuth: { username: 'admin', password: 's3cr3t-do-not-store', clusterCaCertificate: 'LS0t' },
      loggingService: 'none',
      legacyAbac: { enabled: true },
      masterAuthorizedNetworksConfig: {},
      selfLink: 'https://container.googleapis.com/v1/projects/acme-prod/zones/us-central1-a/clusters/legacy',
      zone: 'us-central1-a',
      location: 'us-central1-a',
      endpoint: '34.9.8.7',
      status: 'RUNNING',
    },
  ],
};

describe('transformClusters', () => {
  it('reads control-plane exposure settings, treating left-out flags as off', () => {
    const [clusters] = transformClusters(page, 'acme-prod');
    expect(clusters?.rows[0]).toMatchObject({
      id: SELF,
      self_link: SELF,
      name: 'prod',
      project_id: 'acme-prod',
      private_nodes: true,
      private_endpoint_enabled: false,
      private_endpoint: '172.16.0.2',
      public_endpoint: '35.1.2.3',
      master_authorized_networks: true,
      master_authorized_networks_cidrs: ['203.0.113.0/24'],
      legacy_abac: false,
      network_policy: true,
      shielded_nodes: true,
      database_encryption: 'ENCRYPTED',
      workload_identity_enabled: true,
      basic_auth: false,
      release_channel: 'REGULAR',
    });
    expect(clusters?.rows[1]).toMatchObject({
      name: 'legacy',
      legacy_abac: true,
      master_authorized_networks: false,
      master_authorized_networks_cidrs: [],
      private_nodes: false,
      public_endpoint: '34.9.8.7',
      basic_auth: true,
      masterauth_username: 'admin',
    });
  });

  it('never keeps the basic-auth password', () => {
    expect(JSON.stringify(transformClusters(page, 'acme-prod'))).not.toContain('s3cr3t-do-not-store');
  });

  it('loads nothing from the empty answer of a project without clusters', () => {
    expect(transformClusters({}, 'p')[0]?.rows).toEqual([]);
  });
});
