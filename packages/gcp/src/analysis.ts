import { type AnalysisJob, writerStamp } from '@skygraph/core';

/**
 * Which ingress firewalls apply to which instances, as Cartography's
 * FIREWALL_INGRESS: through a target tag both share in the VPC, through a
 * target service account the instance runs as, or — for a firewall with
 * neither — to every instance of its VPC. Disabled firewalls apply to none.
 */
export const gcpFirewallIngress: AnalysisJob = {
  name: 'gcp_compute_firewall_ingress',
  description: 'Links ingress firewalls to the instances they apply to (FIREWALL_INGRESS)',
  statements: [
    `MATCH (vpc:GCPVpc)-[:RESOURCE]->(fw:GCPFirewall {direction: 'INGRESS'})-[:TARGET_TAG]->(:GCPNetworkTag)<-[:TAGGED]-(inst:GCPInstance)-[:MEMBER_OF_GCP_VPC]->(vpc)
WHERE coalesce(fw.disabled, false) = false
MERGE (fw)-[r:FIREWALL_INGRESS]->(inst)
ON CREATE SET r.firstseen = timestamp()
SET r.lastupdated = $updateTag, ${writerStamp('r')}`,
    `MATCH (vpc:GCPVpc)-[:RESOURCE]->(fw:GCPFirewall {direction: 'INGRESS', has_target_service_accounts: true})
WHERE coalesce(fw.disabled, false) = false
MATCH (inst:GCPInstance)-[:MEMBER_OF_GCP_VPC]->(vpc)
WHERE inst.service_account_email IN coalesce(fw.target_service_accounts, [])
MERGE (fw)-[r:FIREWALL_INGRESS]->(inst)
ON CREATE SET r.firstseen = timestamp()
SET r.lastupdated = $updateTag, ${writerStamp('r')}`,
    `MATCH (vpc:GCPVpc)-[:RESOURCE]->(fw:GCPFirewall {direction: 'INGRESS'})
WHERE coalesce(fw.disabled, false) = false AND coalesce(fw.has_target_service_accounts, false) = false
  AND NOT (fw)-[:TARGET_TAG]->(:GCPNetworkTag)
MATCH (inst:GCPInstance)-[:MEMBER_OF_GCP_VPC]->(vpc)
MERGE (fw)-[r:FIREWALL_INGRESS]->(inst)
ON CREATE SET r.firstseen = timestamp()
SET r.lastupdated = $updateTag, ${writerStamp('r')}`,
    `MATCH (:GCPFirewall)-[r:FIREWALL_INGRESS]->(:GCPInstance)
WHERE r.lastupdated <> $updateTag
DELETE r`,
  ],
};

/**
 * Cartography's `exposed_internet` for instances: an instance with an
 * external IP (an access config with a NAT IP) to which an ingress firewall
 * admits 0.0.0.0/0 on a TCP, UDP, SCTP or all-protocol rule, unless a deny
 * rule of the same or higher priority (lower number) from 0.0.0.0/0 that
 * applies to the instance covers the same protocol and ports. ICMP alone
 * does not count, as in Cartography.
 */
export const gcpInstanceExposure: AnalysisJob = {
  name: 'gcp_compute_instance_exposure',
  description: 'Marks GCP instances reachable from the internet (exposed_internet, exposed_internet_type)',
  statements: [
    `MATCH (n:GCPInstance)
WHERE n.exposed_internet IS NULL OR n.exposed_internet <> false
SET n.exposed_internet = false, n.exposed_internet_type = null`,
    `MATCH (ac:GCPNicAccessConfig)<-[:RESOURCE]-(:GCPNetworkInterface)<-[:NETWORK_INTERFACE]-(n:GCPInstance)<-[:FIREWALL_INGRESS]-(allowFw:GCPFirewall)<-[:ALLOWED_BY]-(allow:GCPIpRule)<-[:MEMBER_OF_IP_RULE]-(:GCPIpRange {id: '0.0.0.0/0'})
WHERE ac.public_ip IS NOT NULL AND allow.protocol IN ['tcp', 'udp', 'sctp', 'all']
OPTIONAL MATCH (n)<-[:FIREWALL_INGRESS]-(denyFw:GCPFirewall)<-[:DENIED_BY]-(deny:GCPIpRule)<-[:MEMBER_OF_IP_RULE]-(:GCPIpRange {id: '0.0.0.0/0'})
WHERE denyFw.priority <= allowFw.priority
  AND (deny.protocol = allow.protocol OR deny.protocol = 'all')
  AND coalesce(deny.fromport, 0) <= coalesce(allow.fromport, 0)
  AND coalesce(deny.toport, 65535) >= coalesce(allow.toport, 65535)
WITH n, allow, count(deny) AS covering
WHERE covering = 0
SET n.exposed_internet = true, n.exposed_internet_type = 'direct'`,
  ],
};

/**
 * `exposed_internet` for GKE clusters: the control plane has a public
 * endpoint (the private endpoint is not enforced) and master authorized
 * networks are off or admit 0.0.0.0/0.
 */
export const gcpGkeExposure: AnalysisJob = {
  name: 'gcp_gke_asset_exposure',
  description: 'Marks GKE clusters whose control plane is reachable from the internet',
  statements: [
    `MATCH (c:GKECluster)
WHERE c.exposed_internet IS NULL OR c.exposed_internet <> false
SET c.exposed_internet = false, c.exposed_internet_type = null`,
    `MATCH (c:GKECluster)
WHERE c.endpoint IS NOT NULL AND coalesce(c.private_endpoint_enabled, false) = false
  AND (coalesce(c.master_authorized_networks, false) = false
    OR '0.0.0.0/0' IN coalesce(c.master_authorized_networks_cidrs, []))
SET c.exposed_internet = true, c.exposed_internet_type = 'direct'`,
  ],
};

/** The GCP analysis jobs, in the order they must run. */
export const gcpAnalysis: readonly AnalysisJob[] = [gcpFirewallIngress, gcpInstanceExposure, gcpGkeExposure];
