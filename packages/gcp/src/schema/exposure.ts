/**
 * What the GCP analysis job sets on instances and GKE clusters (computed
 * properties: typed for queries, never written by the loader).
 */
export const EXPOSURE_PROPERTIES = {
  /** True when the node is reachable from the internet. */
  exposed_internet: 'boolean?',
  /** How: `direct` (a firewall rule open to 0.0.0.0/0 and a public address, or a public control plane). */
  exposed_internet_type: 'string?',
} as const;
