/**
 * The GCP graph schemas (Cartography-compatible labels, keys and
 * relationships). Importable without loading any Google client library.
 */
export { GCPBucket } from './bucket.ts';
export { GCPBucketLabel } from './bucket-label.ts';
export { GCPFirewall } from './firewall.ts';
export { GCPFolder } from './folder.ts';
export { GKECluster } from './gke-cluster.ts';
export { GCPInstance } from './instance.ts';
export { GCPIpRange } from './ip-range.ts';
export { GCPIpRule } from './ip-rule.ts';
export { GCPNetworkInterface } from './network-interface.ts';
export { GCPNetworkTag } from './network-tag.ts';
export { GCPNicAccessConfig } from './nic-access-config.ts';
export { GCPOrganization } from './organization.ts';
export { GCPProject } from './project.ts';
export { GCPSubnet } from './subnet.ts';
export { GCPVpc } from './vpc.ts';
