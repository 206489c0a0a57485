import { gcpQuery } from './provider-query.ts';

/** GCP: the resource hierarchy, Compute Engine, VPC networks, GKE and Cloud Storage. */

export const gcpOrganizations = gcpQuery({
  name: 'gcp_organizations',
  title: 'GCP organisations',
  group: 'hierarchy',
  tags: ['inventory', 'estate', 'list'],
  description: 'GCP organisations with their folder and project counts',
  scope: null,
  cypher: `MATCH (o:GCPOrganization)
OPTIONAL MATCH (o)-[:RESOURCE]->(f:GCPFolder)
OPTIONAL MATCH (o)-[:RESOURCE]->(p:GCPProject)
RETURN o.id AS org_id, o.displayname AS org_name, o.lifecyclestate AS state, count(DISTINCT f) AS folder_count, count(DISTINCT p) AS project_count
ORDER BY org_name, org_id`,
  columns: {
    org_id: 'string',
    org_name: 'string?',
    state: 'string?',
    folder_count: 'number',
    project_count: 'number',
  },
  identity: ['org_id'],
});

export const gcpFolders = gcpQuery({
  name: 'gcp_folders',
  title: 'GCP folders',
  group: 'hierarchy',
  tags: ['inventory', 'list'],
  description: 'Folders of each organisation, with their parent',
  scope: null,
  cypher: `MATCH (o:GCPOrganization)-[:RESOURCE]->(f:GCPFolder)
RETURN o.id AS org_id, f.id AS folder_id, f.displayname AS folder_name, coalesce(f.parent_folder, f.parent_org) AS parent, f.lifecyclestate AS state
ORDER BY org_id, folder_name, folder_id`,
  columns: {
    org_id: 'string',
    folder_id: 'string',
    folder_name: 'string?',
    parent: 'string?',
    state: 'string?',
  },
  identity: ['folder_id'],
});

export const gcpProjects = gcpQuery({
  name: 'gcp_projects',
  title: 'GCP projects',
  group: 'hierarchy',
  tags: ['inventory', 'estate', 'list'],
  description: 'Every GCP project with its number, state and place in the hierarchy',
  cypher: `MATCH (p:GCPProject)
RETURN p.id AS project_id, p.displayname AS project_name, p.projectnumber AS project_number, p.lifecyclestate AS state, coalesce(p.parent_folder, p.parent_org) AS parent
ORDER BY project_id`,
  columns: {
    project_id: 'string',
    project_name: 'string?',
    project_number: 'string?',
    state: 'string?',
    parent: 'string?',
  },
  identity: ['project_id'],
});

export const gcpProjectsByFolder = gcpQuery({
  name: 'gcp_projects_by_folder',
  title: 'GCP projects by folder',
  group: 'hierarchy',
  tags: ['inventory'],
  description: 'Which projects sit in which folder',
  cypher: `MATCH (p:GCPProject)-[:PARENT]->(f:GCPFolder)
RETURN f.id AS folder_id, f.displayname AS folder_name, p.id AS project_id, p.displayname AS project_name, p.lifecyclestate AS state
ORDER BY folder_name, project_id`,
  columns: {
    folder_id: 'string',
    folder_name: 'string?',
    project_id: 'string',
    project_name: 'string?',
    state: 'string?',
  },
  identity: ['project_id'],
});

export const gcpInstances = gcpQuery({
  name: 'gcp_instances',
  title: 'Compute Engine instances',
  group: 'compute',
  tags: ['inventory', 'list'],
  description: 'VM instances by project and zone',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(i:GCPInstance)
RETURN p.id AS project_id, i.zone_name AS zone, i.instancename AS instance_name, i.machine_type AS machine_type, i.status AS status, i.private_ip AS private_ip, i.public_ip AS public_ip, i.exposed_internet AS exposed_internet
ORDER BY project_id, zone, instance_name`,
  columns: {
    project_id: 'string',
    zone: 'string',
    instance_name: 'string',
    machine_type: 'string?',
    status: 'string?',
    private_ip: 'string?',
    public_ip: 'string?',
    exposed_internet: 'boolean?',
  },
  identity: ['project_id', 'zone', 'instance_name'],
});

export const gcpInstancesPublic = gcpQuery({
  name: 'gcp_instances_public',
  title: 'Compute Engine instances exposed to the internet',
  group: 'compute',
  tags: ['security', 'networking', 'misconfig'],
  description:
    'Instances with an external IP that a firewall rule opens to 0.0.0.0/0 (no higher-priority deny)',
  severity: 'high',
  remediation:
    'Remove the external IP (use IAP TCP forwarding or a load balancer), or narrow the firewall source ranges.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(i:GCPInstance)
WHERE i.exposed_internet = true
RETURN p.id AS project_id, i.zone_name AS zone, i.instancename AS instance_name, i.status AS status, i.public_ip AS public_ip, i.network_tags AS network_tags
ORDER BY project_id, instance_name, zone`,
  columns: {
    project_id: 'string',
    zone: 'string',
    instance_name: 'string',
    status: 'string?',
    public_ip: 'string?',
    network_tags: 'string[]?',
  },
  identity: ['project_id', 'zone', 'instance_name'],
});

export const gcpInstancesByVpc = gcpQuery({
  name: 'gcp_instances_by_vpc',
  title: 'Compute Engine instances by VPC network',
  group: 'compute',
  tags: ['inventory', 'networking'],
  description: 'Which VPC network each instance is attached to',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(i:GCPInstance)-[:MEMBER_OF_GCP_VPC]->(v:GCPVpc)
RETURN p.id AS project_id, v.name AS vpc_name, i.instancename AS instance_name, i.zone_name AS zone, i.status AS status, i.exposed_internet AS exposed_internet
ORDER BY project_id, vpc_name, instance_name, zone`,
  columns: {
    project_id: 'string',
    vpc_name: 'string',
    instance_name: 'string',
    zone: 'string',
    status: 'string?',
    exposed_internet: 'boolean?',
  },
  identity: ['project_id', 'zone', 'instance_name', 'vpc_name'],
});

export const gcpInstancesNetworking = gcpQuery({
  name: 'gcp_instance_interfaces',
  title: 'Compute Engine network interfaces and external IPs',
  group: 'compute',
  tags: ['inventory', 'networking'],
  description: 'Each network interface of each instance: subnet, private IP and external IP',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(i:GCPInstance)-[:NETWORK_INTERFACE]->(nic:GCPNetworkInterface)
OPTIONAL MATCH (nic)-[:PART_OF_SUBNET]->(s:GCPSubnet)
OPTIONAL MATCH (nic)-[:RESOURCE]->(ac:GCPNicAccessConfig)
RETURN p.id AS project_id, i.instancename AS instance_name, nic.name AS interface, s.name AS subnet, nic.private_ip AS private_ip, ac.public_ip AS public_ip, ac.network_tier AS network_tier
ORDER BY project_id, instance_name, interface, private_ip, public_ip`,
  columns: {
    project_id: 'string',
    instance_name: 'string',
    interface: 'string',
    subnet: 'string?',
    private_ip: 'string?',
    public_ip: 'string?',
    network_tier: 'string?',
  },
  identity: ['project_id', 'instance_name', 'interface', 'public_ip'],
});

export const gcpInstancesDefaultSa = gcpQuery({
  name: 'gcp_instance_default_sa_full_access',
  title: 'Instances running as the default service account with full API access',
  group: 'compute',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Instances using the Compute Engine default service account with the cloud-platform scope: any process on them gets the project editor role',
  severity: 'medium',
  remediation: 'Run the instance as a dedicated service account with only the roles it needs.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(i:GCPInstance)
WHERE i.service_account_email ENDS WITH '-compute@developer.gserviceaccount.com'
  AND 'https://www.googleapis.com/auth/cloud-platform' IN coalesce(i.service_account_scopes, [])
RETURN p.id AS project_id, i.zone_name AS zone, i.instancename AS instance_name, i.service_account_email AS service_account
ORDER BY project_id, instance_name, zone`,
  columns: { project_id: 'string', zone: 'string', instance_name: 'string', service_account: 'string' },
  identity: ['project_id', 'zone', 'instance_name'],
});

export const gcpVpcs = gcpQuery({
  name: 'gcp_vpcs',
  title: 'VPC networks',
  group: 'network',
  tags: ['inventory', 'networking', 'list'],
  description: 'VPC networks by project, with routing mode and subnet count',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(v:GCPVpc)
OPTIONAL MATCH (v)-[:HAS]->(s:GCPSubnet)
RETURN p.id AS project_id, v.name AS vpc_name, v.auto_create_subnetworks AS auto_subnets, v.routing_config_routing_mode AS routing_mode, count(s) AS subnet_count
ORDER BY project_id, vpc_name`,
  columns: {
    project_id: 'string',
    vpc_name: 'string',
    auto_subnets: 'boolean?',
    routing_mode: 'string?',
    subnet_count: 'number',
  },
  identity: ['project_id', 'vpc_name'],
});

export const gcpSubnets = gcpQuery({
  name: 'gcp_subnets',
  title: 'VPC subnets',
  group: 'network',
  tags: ['inventory', 'networking', 'list'],
  description: 'Subnets of each VPC network with their range, region and flow logs',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(v:GCPVpc)-[:HAS]->(s:GCPSubnet)
RETURN p.id AS project_id, v.name AS vpc_name, s.name AS subnet_name, s.region AS region, s.ip_cidr_range AS cidr, s.private_ip_google_access AS private_google_access, s.flow_logs_enabled AS flow_logs
ORDER BY project_id, vpc_name, region, subnet_name`,
  columns: {
    project_id: 'string',
    vpc_name: 'string',
    subnet_name: 'string',
    region: 'string?',
    cidr: 'string?',
    private_google_access: 'boolean?',
    flow_logs: 'boolean?',
  },
  identity: ['project_id', 'region', 'subnet_name'],
});

export const gcpSubnetsNoFlowLogs = gcpQuery({
  name: 'gcp_subnet_no_flow_logs',
  title: 'Subnets without VPC flow logs',
  group: 'network',
  tags: ['security', 'networking', 'misconfig'],
  description: 'Subnets whose traffic is not logged: no record to investigate an incident with',
  severity: 'low',
  remediation: 'Enable VPC flow logs on the subnet (sampling can keep the cost down).',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(v:GCPVpc)-[:HAS]->(s:GCPSubnet)
WHERE coalesce(s.flow_logs_enabled, false) = false
RETURN p.id AS project_id, v.name AS vpc_name, s.name AS subnet_name, s.region AS region
ORDER BY project_id, vpc_name, subnet_name, region`,
  columns: { project_id: 'string', vpc_name: 'string', subnet_name: 'string', region: 'string?' },
  identity: ['project_id', 'region', 'subnet_name'],
});

const firewallColumns = {
  project_id: 'string',
  vpc_name: 'string',
  firewall: 'string',
  disabled: 'boolean',
  priority: 'number',
  protocol: 'string',
  from_port: 'number?',
  to_port: 'number?',
  sources: 'string[]',
  target_tags: 'string[]?',
} as const;

export const gcpFirewallAllow = gcpQuery({
  name: 'gcp_firewall_allow',
  title: 'Firewall rules that allow traffic',
  group: 'network',
  tags: ['inventory', 'security', 'networking', 'drift'],
  description: 'Ingress allow rules of each VPC network: protocol, ports, sources and target tags',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(v:GCPVpc)-[:RESOURCE]->(f:GCPFirewall)<-[:ALLOWED_BY]-(rule:GCPIpRule)
OPTIONAL MATCH (range:GCPIpRange)-[:MEMBER_OF_IP_RULE]->(rule)
WITH p, v, f, rule, range ORDER BY range.range
RETURN p.id AS project_id, v.name AS vpc_name, f.name AS firewall, f.disabled AS disabled, f.priority AS priority, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port, collect(range.range) AS sources, f.target_tags AS target_tags
ORDER BY project_id, vpc_name, priority, firewall, protocol, from_port, to_port`,
  columns: firewallColumns,
  identity: ['project_id', 'firewall', 'protocol', 'from_port', 'to_port'],
});

export const gcpFirewallDeny = gcpQuery({
  name: 'gcp_firewall_deny',
  title: 'Firewall rules that deny traffic',
  group: 'network',
  tags: ['inventory', 'security', 'networking', 'drift'],
  description: 'Ingress deny rules of each VPC network: protocol, ports, sources and target tags',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(v:GCPVpc)-[:RESOURCE]->(f:GCPFirewall)<-[:DENIED_BY]-(rule:GCPIpRule)
OPTIONAL MATCH (range:GCPIpRange)-[:MEMBER_OF_IP_RULE]->(rule)
WITH p, v, f, rule, range ORDER BY range.range
RETURN p.id AS project_id, v.name AS vpc_name, f.name AS firewall, f.disabled AS disabled, f.priority AS priority, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port, collect(range.range) AS sources, f.target_tags AS target_tags
ORDER BY project_id, vpc_name, priority, firewall, protocol, from_port, to_port`,
  columns: firewallColumns,
  identity: ['project_id', 'firewall', 'protocol', 'from_port', 'to_port'],
});

export const gcpFirewallOpen = gcpQuery({
  name: 'gcp_firewall_open_to_world',
  title: 'Firewall rules open to the internet',
  group: 'network',
  tags: ['security', 'networking', 'misconfig'],
  description: 'Enabled ingress rules that allow 0.0.0.0/0 on TCP, UDP or every protocol',
  severity: 'high',
  remediation: 'Narrow the source ranges (for SSH/RDP use IAP: 35.235.240.0/20), or disable the rule.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(v:GCPVpc)-[:RESOURCE]->(f:GCPFirewall)<-[:ALLOWED_BY]-(rule:GCPIpRule)<-[:MEMBER_OF_IP_RULE]-(range:GCPIpRange)
WHERE range.range = '0.0.0.0/0' AND coalesce(f.disabled, false) = false AND rule.protocol IN ['tcp', 'udp', 'sctp', 'all']
RETURN p.id AS project_id, v.name AS vpc_name, f.name AS firewall, f.priority AS priority, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port, f.target_tags AS target_tags
ORDER BY project_id, vpc_name, firewall, from_port, protocol, to_port`,
  columns: {
    project_id: 'string',
    vpc_name: 'string',
    firewall: 'string',
    priority: 'number',
    protocol: 'string',
    from_port: 'number?',
    to_port: 'number?',
    target_tags: 'string[]?',
  },
  identity: ['project_id', 'firewall', 'protocol', 'from_port', 'to_port'],
});

const gkeColumns = {
  project_id: 'string',
  cluster: 'string',
  location: 'string?',
  status: 'string?',
  master_version: 'string?',
  endpoint: 'string?',
  exposed_internet: 'boolean?',
} as const;

const GKE_RETURN =
  'p.id AS project_id, c.name AS cluster, c.location AS location, c.status AS status, c.current_master_version AS master_version, c.endpoint AS endpoint, c.exposed_internet AS exposed_internet';

export const gkeClusters = gcpQuery({
  name: 'gke_clusters',
  title: 'GKE clusters',
  group: 'gke',
  tags: ['inventory', 'list'],
  description: 'GKE clusters with version, endpoint and hardening settings',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
RETURN ${GKE_RETURN}, c.private_nodes AS private_nodes, c.shielded_nodes AS shielded_nodes, c.logging_service AS logging_service, c.master_authorized_networks AS master_authorized_networks
ORDER BY project_id, cluster`,
  columns: {
    ...gkeColumns,
    private_nodes: 'boolean?',
    shielded_nodes: 'boolean?',
    logging_service: 'string?',
    master_authorized_networks: 'boolean?',
  },
  identity: ['project_id', 'cluster'],
});

export const gkePublic = gcpQuery({
  name: 'gke_public_endpoint',
  title: 'GKE control planes exposed to the internet',
  group: 'gke',
  tags: ['security', 'networking', 'misconfig'],
  description:
    'Clusters whose control plane has a public endpoint that any address may reach (no authorised networks, or 0.0.0.0/0)',
  severity: 'high',
  remediation: 'Enable master authorised networks with your ranges, or use a private endpoint.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
WHERE c.exposed_internet = true
RETURN ${GKE_RETURN}, c.master_authorized_networks_cidrs AS authorized_networks
ORDER BY project_id, cluster`,
  columns: { ...gkeColumns, authorized_networks: 'string[]?' },
  identity: ['project_id', 'cluster'],
});

export const gkeNoLogging = gcpQuery({
  name: 'gke_no_logging',
  title: 'GKE clusters without logging or monitoring',
  group: 'gke',
  tags: ['security', 'misconfig'],
  description: 'Clusters that send no logs or no metrics to Cloud Logging / Monitoring',
  severity: 'medium',
  remediation: 'Set the logging and monitoring services to the Kubernetes Engine integrations.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
WHERE c.logging_service IS NULL OR c.logging_service = 'none' OR c.monitoring_service IS NULL OR c.monitoring_service = 'none'
RETURN ${GKE_RETURN}, c.logging_service AS logging_service, c.monitoring_service AS monitoring_service
ORDER BY project_id, cluster`,
  columns: { ...gkeColumns, logging_service: 'string?', monitoring_service: 'string?' },
  identity: ['project_id', 'cluster'],
});

export const gkeBasicAuth = gcpQuery({
  name: 'gke_basic_auth',
  title: 'GKE clusters with basic authentication',
  group: 'gke',
  tags: ['security', 'identity', 'misconfig'],
  description: 'Clusters that accept a static user name and password on the control plane',
  severity: 'high',
  remediation: 'Disable basic authentication (and client certificates); use Google identities and RBAC.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
WHERE c.basic_auth = true
RETURN ${GKE_RETURN}, c.masterauth_username AS username
ORDER BY project_id, cluster`,
  columns: { ...gkeColumns, username: 'string?' },
  identity: ['project_id', 'cluster'],
});

export const gkeNoShieldedNodes = gcpQuery({
  name: 'gke_no_shielded_nodes',
  title: 'GKE clusters without shielded nodes',
  group: 'gke',
  tags: ['security', 'misconfig'],
  description: 'Clusters whose nodes are not shielded VMs (no verified boot or integrity monitoring)',
  severity: 'medium',
  remediation: 'Enable shielded GKE nodes on the cluster.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
WHERE coalesce(c.shielded_nodes, false) = false
RETURN ${GKE_RETURN}
ORDER BY project_id, cluster`,
  columns: gkeColumns,
  identity: ['project_id', 'cluster'],
});

export const gkeLegacyAbac = gcpQuery({
  name: 'gke_legacy_abac',
  title: 'GKE clusters with legacy ABAC',
  group: 'gke',
  tags: ['security', 'identity', 'misconfig'],
  description:
    'Clusters with legacy attribute-based access control on, which grants broad rights outside RBAC',
  severity: 'high',
  remediation: 'Disable legacy authorisation; grant access with Kubernetes RBAC.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
WHERE c.legacy_abac = true
RETURN ${GKE_RETURN}
ORDER BY project_id, cluster`,
  columns: gkeColumns,
  identity: ['project_id', 'cluster'],
});

export const gkeNetworking = gcpQuery({
  name: 'gke_networking',
  title: 'GKE cluster networking',
  group: 'gke',
  tags: ['inventory', 'networking'],
  description: 'Network, subnet, private nodes and endpoints of each cluster',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(c:GKECluster)
RETURN ${GKE_RETURN}, c.network AS network, c.subnetwork AS subnetwork, c.private_nodes AS private_nodes, c.private_endpoint_enabled AS private_endpoint_enabled, c.cluster_ipv4cidr AS pod_cidr, c.services_ipv4cidr AS service_cidr
ORDER BY project_id, cluster`,
  columns: {
    ...gkeColumns,
    network: 'string?',
    subnetwork: 'string?',
    private_nodes: 'boolean?',
    private_endpoint_enabled: 'boolean?',
    pod_cidr: 'string?',
    service_cidr: 'string?',
  },
  identity: ['project_id', 'cluster'],
});

export const gcpBuckets = gcpQuery({
  name: 'gcp_buckets',
  title: 'Cloud Storage buckets',
  group: 'storage',
  tags: ['inventory', 'list'],
  description: 'Buckets by project with location, storage class and access settings',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(b:GCPBucket)
RETURN p.id AS project_id, b.bucket_id AS bucket, b.location AS location, b.storage_class AS storage_class, b.iam_config_uniform_bucket_level_access AS uniform_access, b.iam_config_public_access_prevention AS public_access_prevention, b.public_access AS public_access
ORDER BY project_id, bucket`,
  columns: {
    project_id: 'string',
    bucket: 'string',
    location: 'string?',
    storage_class: 'string?',
    uniform_access: 'boolean?',
    public_access_prevention: 'string?',
    public_access: 'boolean?',
  },
  identity: ['bucket'],
});

export const gcpBucketsPublic = gcpQuery({
  name: 'gcp_bucket_public',
  title: 'Public Cloud Storage buckets',
  group: 'storage',
  tags: ['security', 'misconfig'],
  description: 'Buckets whose IAM policy grants a role to allUsers or allAuthenticatedUsers',
  severity: 'critical',
  remediation: 'Remove the allUsers / allAuthenticatedUsers bindings and enforce public access prevention.',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(b:GCPBucket)
WHERE b.public_access = true OR size(coalesce(b.iam_public_members, [])) > 0
RETURN p.id AS project_id, b.bucket_id AS bucket, b.iam_public_members AS public_members, b.iam_public_roles AS public_roles
ORDER BY project_id, bucket`,
  columns: { project_id: 'string', bucket: 'string', public_members: 'string[]?', public_roles: 'string[]?' },
  identity: ['bucket'],
});

export const gcpBucketsNoUniformAccess = gcpQuery({
  name: 'gcp_bucket_no_uniform_access',
  title: 'Buckets without uniform bucket-level access',
  group: 'storage',
  tags: ['security', 'misconfig'],
  description: 'Buckets that still honour per-object ACLs, so access cannot be reviewed from IAM alone',
  severity: 'low',
  remediation: 'Enable uniform bucket-level access (after moving object ACL grants into IAM).',
  cypher: `MATCH (p:GCPProject)-[:RESOURCE]->(b:GCPBucket)
WHERE coalesce(b.iam_config_uniform_bucket_level_access, false) = false
RETURN p.id AS project_id, b.bucket_id AS bucket, b.location AS location
ORDER BY project_id, bucket`,
  columns: { project_id: 'string', bucket: 'string', location: 'string?' },
  identity: ['bucket'],
});

export const gcpQueries = [
  gcpOrganizations,
  gcpFolders,
  gcpProjects,
  gcpProjectsByFolder,
  gcpInstances,
  gcpInstancesPublic,
  gcpInstancesByVpc,
  gcpInstancesNetworking,
  gcpInstancesDefaultSa,
  gcpVpcs,
  gcpSubnets,
  gcpSubnetsNoFlowLogs,
  gcpFirewallAllow,
  gcpFirewallDeny,
  gcpFirewallOpen,
  gkeClusters,
  gkePublic,
  gkeNoLogging,
  gkeBasicAuth,
  gkeNoShieldedNodes,
  gkeLegacyAbac,
  gkeNetworking,
  gcpBuckets,
  gcpBucketsPublic,
  gcpBucketsNoUniformAccess,
] as const;
