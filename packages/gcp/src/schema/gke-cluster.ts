import { defineNode, refOf } from '@skygraph/core';
import { EXPOSURE_PROPERTIES } from './exposure.ts';
import { GCPProject } from './project.ts';

/**
 * A GKE cluster, keyed by its self link. The basic-auth password is never
 * stored (only `basic_auth` and the user name); the analysis job sets
 * `exposed_internet` and `exposed_internet_type` (computed).
 */
export const GKECluster = defineNode({
  label: 'GKECluster',
  extraLabels: ['ComputeCluster'],
  key: 'id',
  properties: {
    id: 'string',
    self_link: 'string',
    name: 'string',
    project_id: 'string',
    description: 'string?',
    created_at: 'string?',
    location: 'string?',
    zone: 'string?',
    status: 'string?',
    endpoint: 'string?',
    initial_version: 'string?',
    current_master_version: 'string?',
    current_node_version: 'string?',
    network: 'string?',
    subnetwork: 'string?',
    cluster_ipv4cidr: 'string?',
    services_ipv4cidr: 'string?',
    logging_service: 'string?',
    monitoring_service: 'string?',
    network_policy: 'boolean?',
    database_encryption: 'string?',
    master_authorized_networks: 'boolean?',
    master_authorized_networks_cidrs: 'string[]?',
    legacy_abac: 'boolean?',
    shielded_nodes: 'boolean?',
    workload_identity_enabled: 'boolean?',
    private_nodes: 'boolean?',
    private_endpoint_enabled: 'boolean?',
    private_endpoint: 'string?',
    public_endpoint: 'string?',
    masterauth_username: 'string?',
    basic_auth: 'boolean?',
    issue_client_certificate: 'boolean?',
    release_channel: 'string?',
  },
  scope: { owner: refOf(GCPProject), rel: 'RESOURCE' },
  computed: EXPOSURE_PROPERTIES,
  description: 'A Google Kubernetes Engine cluster.',
});
