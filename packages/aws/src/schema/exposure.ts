/**
 * The properties the `aws_ec2_asset_exposure` analysis job sets on instances,
 * load balancers and RDS instances (Cartography's names, plus the ports).
 * Computed: typed for queries, never written by the collectors.
 */
export const EXPOSURE_PROPERTIES = {
  /** True when the node is reachable from the internet. */
  exposed_internet: 'boolean?',
  /** How: `direct` (its own security groups), `elb` or `elbv2` (behind an exposed load balancer). */
  exposed_internet_type: 'string[]?',
  /** What is open to the internet: `tcp/22`, `tcp/80-443`, `all`; listener ports for load balancers. */
  exposed_internet_ports: 'string[]?',
} as const;
