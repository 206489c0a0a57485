import type { AnalysisJob } from '@skygraph/core';

const WORLD = `range.id IN ['0.0.0.0/0', '::/0']`;

/** Inbound rules open to the whole internet on a security group `sg`. */
const OPEN_RULE = `(sg)<-[:MEMBER_OF_EC2_SECURITY_GROUP]-(rule:AWSIpPermissionInbound)<-[:MEMBER_OF_IP_RULE]-(range:AWSIpRange)`;

/** Protocols that carry ports a client can connect to (ICMP alone is not an exposure). */
const CONNECTABLE = `rule.protocol IN ['-1', 'tcp', 'udp', '6', '17']`;

/** A rule's protocol and ports as `tcp/22`, `tcp/80-443` or `all`. */
const RULE_PORTS = `CASE WHEN rule.protocol = '-1' THEN 'all'
  WHEN rule.fromport IS NULL THEN rule.protocol
  WHEN rule.fromport = rule.toport THEN rule.protocol + '/' + toString(rule.fromport)
  ELSE rule.protocol + '/' + toString(rule.fromport) + '-' + toString(rule.toport) END`;

/** Whether `rule` admits traffic to listener `l` (TCP listeners of every kind; UDP ones on UDP rules). */
const RULE_ADMITS_LISTENER = `(rule.protocol = '-1'
  OR (rule.protocol IN ['tcp', '6'] AND coalesce(l.protocol, 'TCP') <> 'UDP' AND l.port >= rule.fromport AND l.port <= rule.toport)
  OR (rule.protocol IN ['udp', '17'] AND l.protocol IN ['UDP', 'TCP_UDP'] AND l.port >= rule.fromport AND l.port <= rule.toport))`;

/** A listener `l`'s protocol and port as `https/443`. */
const LISTENER_PORT = `toLower(coalesce(l.protocol, 'tcp')) + '/' + toString(l.port)`;

/**
 * `ports`: the distinct values of `port` per `owner`, sorted, so the stored
 * list is the same on every engine and every run (collect() keeps whatever
 * order rows arrive in).
 */
const sortedPorts = (owner: string, port: string) =>
  `WITH ${owner}, ${port} AS port ORDER BY port\nWITH ${owner}, collect(DISTINCT port) AS ports`;

/** Adds `value` to the list property `prop` of `n` unless it is there. */
const addTo = (n: string, prop: string, value: string) =>
  `${n}.${prop} = coalesce(${n}.${prop}, []) + [v IN [${value}] WHERE NOT v IN coalesce(${n}.${prop}, [])]`;

/**
 * Cartography's internet exposure, with ports: sets `exposed_internet`,
 * `exposed_internet_type` and `exposed_internet_ports` on
 * - EC2 instances with a public IP whose security groups (directly or on
 *   their network interfaces) admit 0.0.0.0/0 or ::/0 on TCP/UDP ports
 *   (`direct`; the ports as `tcp/22`, `tcp/80-443` or `all`);
 * - internet-facing load balancers whose security groups admit the internet
 *   on a listener port, and internet-facing network load balancers without
 *   security groups (`direct`, with the exposed listener ports);
 * - EC2 instances such load balancers expose (`elb`, `elbv2`);
 * - publicly accessible RDS instances whose security groups admit the
 *   internet on the database port.
 * Every run first clears the flags, so a closed hole disappears.
 */
export const exposureJob: AnalysisJob = {
  name: 'aws_ec2_asset_exposure',
  description:
    'Flags EC2 instances, load balancers and RDS instances reachable from the internet, with the open ports',
  statements: [
    ...['AWSEC2Instance', 'AWSLoadBalancer', 'AWSLoadBalancerV2', 'AWSRDSInstance'].map(
      (label) =>
        `MATCH (n:${label}) WHERE n.exposed_internet IS NOT NULL
REMOVE n.exposed_internet, n.exposed_internet_type, n.exposed_internet_ports`,
    ),
    `MATCH (i:AWSEC2Instance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
MATCH ${OPEN_RULE}
WHERE i.publicipaddress IS NOT NULL AND ${WORLD} AND ${CONNECTABLE}
${sortedPorts('i', RULE_PORTS)}
SET i.exposed_internet = true, i.exposed_internet_type = ['direct'], i.exposed_internet_ports = ports`,
    `MATCH (i:AWSEC2Instance)-[:NETWORK_INTERFACE]->(:AWSNetworkInterface)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
MATCH ${OPEN_RULE}
WHERE i.publicipaddress IS NOT NULL AND ${WORLD} AND ${CONNECTABLE}
${sortedPorts('i', RULE_PORTS)}
SET i.exposed_internet = true, ${addTo('i', 'exposed_internet_type', "'direct'")},
  i.exposed_internet_ports = coalesce(i.exposed_internet_ports, []) + [p IN ports WHERE NOT p IN coalesce(i.exposed_internet_ports, [])]`,
    `MATCH (lb:AWSLoadBalancerV2)-[:ELBV2_LISTENER]->(l:AWSELBV2Listener)
WHERE lb.scheme = 'internet-facing'
MATCH (lb)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
MATCH ${OPEN_RULE}
WHERE ${WORLD} AND ${RULE_ADMITS_LISTENER}
${sortedPorts('lb', LISTENER_PORT)}
SET lb.exposed_internet = true, lb.exposed_internet_type = ['direct'], lb.exposed_internet_ports = ports`,
    `MATCH (lb:AWSLoadBalancerV2)-[:ELBV2_LISTENER]->(l:AWSELBV2Listener)
WHERE lb.scheme = 'internet-facing' AND lb.type = 'network' AND NOT (lb)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(:AWSEC2SecurityGroup)
${sortedPorts('lb', LISTENER_PORT)}
SET lb.exposed_internet = true, lb.exposed_internet_type = ['direct'], lb.exposed_internet_ports = ports`,
    `MATCH (lb:AWSLoadBalancer)-[:ELB_LISTENER]->(l:AWSELBListener)
WHERE lb.scheme = 'internet-facing'
MATCH (lb)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
MATCH ${OPEN_RULE}
WHERE ${WORLD} AND ${RULE_ADMITS_LISTENER}
${sortedPorts('lb', LISTENER_PORT)}
SET lb.exposed_internet = true, lb.exposed_internet_type = ['direct'], lb.exposed_internet_ports = ports`,
    `MATCH (lb:AWSLoadBalancer {exposed_internet: true})-[:EXPOSE]->(i:AWSEC2Instance)
WITH DISTINCT i
SET i.exposed_internet = true, ${addTo('i', 'exposed_internet_type', "'elb'")}`,
    `MATCH (lb:AWSLoadBalancerV2 {exposed_internet: true})-[:EXPOSE]->(i:AWSEC2Instance)
WITH DISTINCT i
SET i.exposed_internet = true, ${addTo('i', 'exposed_internet_type', "'elbv2'")}`,
    `MATCH (db:AWSRDSInstance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
MATCH ${OPEN_RULE}
WHERE db.publicly_accessible = true AND ${WORLD}
  AND (rule.protocol = '-1' OR (rule.protocol IN ['tcp', '6'] AND db.endpoint_port >= rule.fromport AND db.endpoint_port <= rule.toport))
WITH DISTINCT db
SET db.exposed_internet = true, db.exposed_internet_type = ['direct'], db.exposed_internet_ports = ['tcp/' + toString(db.endpoint_port)]`,
  ],
};
