import { awsQuery } from './provider-query.ts';

/** VPCs, subnets, gateways, peerings and load balancers. */

export const vpcs = awsQuery({
  name: 'aws_vpcs',
  title: 'VPCs',
  group: 'vpc',
  tags: ['inventory', 'networking', 'list'],
  description: 'VPCs by account and region, with their CIDR and subnet count',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(v:AWSVpc)
OPTIONAL MATCH (s:AWSEC2Subnet)-[:MEMBER_OF_AWS_VPC]->(v)
RETURN a.id AS account_id, a.name AS account_name, v.region AS region, v.vpcid AS vpc_id, v.primary_cidr_block AS cidr, v.is_default AS is_default, count(s) AS subnet_count
ORDER BY account_name, region, vpc_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    vpc_id: 'string',
    cidr: 'string?',
    is_default: 'boolean?',
    subnet_count: 'number',
  },
  identity: ['vpc_id'],
});

export const subnets = awsQuery({
  name: 'aws_subnets',
  title: 'VPC subnets',
  group: 'vpc',
  tags: ['inventory', 'networking', 'list'],
  description: 'Subnets by VPC, and whether they give instances public IPs',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(s:AWSEC2Subnet)-[:MEMBER_OF_AWS_VPC]->(v:AWSVpc)
RETURN a.id AS account_id, a.name AS account_name, v.vpcid AS vpc_id, s.subnetid AS subnet_id, s.cidr_block AS cidr, s.availability_zone AS availability_zone, s.map_public_ip_on_launch AS public_ip_on_launch
ORDER BY account_name, vpc_id, subnet_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    vpc_id: 'string',
    subnet_id: 'string',
    cidr: 'string?',
    availability_zone: 'string?',
    public_ip_on_launch: 'boolean?',
  },
  identity: ['subnet_id'],
});

export const internetGateways = awsQuery({
  name: 'aws_internet_gateways',
  title: 'Internet gateways by VPC',
  group: 'vpc',
  tags: ['inventory', 'networking'],
  description: 'The internet gateways attached to each VPC',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(g:AWSInternetGateway)
OPTIONAL MATCH (g)-[:ATTACHED_TO]->(v:AWSVpc)
RETURN a.id AS account_id, a.name AS account_name, g.region AS region, g.id AS gateway_id, v.vpcid AS vpc_id
ORDER BY account_name, region, gateway_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    gateway_id: 'string',
    vpc_id: 'string?',
  },
  identity: ['gateway_id'],
});

export const vpcPeerings = awsQuery({
  name: 'aws_vpc_peerings',
  title: 'VPC peerings',
  group: 'vpc',
  tags: ['inventory', 'networking', 'security', 'drift'],
  description: 'VPC peering connections: which VPCs (and accounts) can route to each other',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(pc:AWSPeeringConnection)
RETURN a.id AS account_id, a.name AS account_name, pc.id AS peering_id, pc.status_code AS status, pc.requester_owner_id AS requester_account, pc.requester_vpc_id AS requester_vpc, pc.requester_cidr_block AS requester_cidr, pc.accepter_owner_id AS accepter_account, pc.accepter_vpc_id AS accepter_vpc, pc.accepter_cidr_block AS accepter_cidr
ORDER BY account_name, peering_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    peering_id: 'string',
    status: 'string?',
    requester_account: 'string?',
    requester_vpc: 'string?',
    requester_cidr: 'string?',
    accepter_account: 'string?',
    accepter_vpc: 'string?',
    accepter_cidr: 'string?',
  },
  identity: ['peering_id'],
});

export const vpcPeeringsExternal = awsQuery({
  name: 'aws_vpc_peering_external',
  title: 'VPC peerings with accounts outside the organisation',
  group: 'vpc',
  tags: ['security', 'networking', 'drift'],
  description: 'Peering connections whose other side is an account that is not collected (a third party)',
  severity: 'medium',
  remediation:
    'Confirm the peering is still needed; restrict routes and security groups to the ranges the partner needs.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(pc:AWSPeeringConnection)
WITH a, pc, CASE WHEN pc.requester_owner_id = a.id THEN pc.accepter_owner_id ELSE pc.requester_owner_id END AS other_account
WHERE other_account IS NOT NULL AND other_account <> a.id
  AND NOT EXISTS { MATCH (o:AWSAccount) WHERE o.id = other_account AND o.inscope = true AND coalesce(o.foreign, false) = false }
RETURN a.id AS account_id, a.name AS account_name, pc.id AS peering_id, pc.status_code AS status, other_account
ORDER BY account_name, peering_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    peering_id: 'string',
    status: 'string?',
    other_account: 'string',
  },
  identity: ['peering_id'],
});

export const vpcSecurityGroups = awsQuery({
  name: 'aws_vpc_security_groups',
  title: 'Security groups by VPC',
  group: 'vpc',
  tags: ['inventory', 'networking', 'drift'],
  description: 'The security groups defined in each VPC',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(v:AWSVpc)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
WITH a, v, sg ORDER BY sg.groupid
RETURN a.id AS account_id, a.name AS account_name, v.vpcid AS vpc_id, count(DISTINCT sg) AS group_count, collect(DISTINCT sg.groupid) AS security_groups
ORDER BY group_count DESC, vpc_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    vpc_id: 'string',
    group_count: 'number',
    security_groups: 'string[]',
  },
  identity: ['vpc_id'],
});

export const elbList = awsQuery({
  name: 'elb_load_balancers',
  title: 'Classic load balancers',
  group: 'elb',
  tags: ['inventory', 'networking', 'list'],
  description: 'Classic ELBs with their scheme, DNS name and listener ports',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancer)
OPTIONAL MATCH (lb)-[:ELB_LISTENER]->(l:AWSELBListener)
WITH a, lb, l ORDER BY l.port
RETURN a.id AS account_id, a.name AS account_name, lb.region AS region, lb.name AS name, lb.scheme AS scheme, lb.dnsname AS dns_name, collect(DISTINCT l.port) AS ports
ORDER BY account_name, region, name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    name: 'string',
    scheme: 'string?',
    dns_name: 'string',
    ports: 'number[]',
  },
  identity: ['dns_name'],
});

export const elbPublic = awsQuery({
  name: 'elb_internet_facing',
  title: 'Internet-facing classic load balancers',
  group: 'elb',
  tags: ['security', 'networking'],
  description: 'Classic ELBs reachable from the internet, with their ports',
  severity: 'info',
  remediation: 'Expected for public services; make sure each listener is intended and uses TLS.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancer)
WHERE lb.scheme = 'internet-facing'
OPTIONAL MATCH (lb)-[:ELB_LISTENER]->(l:AWSELBListener)
WITH a, lb, l ORDER BY l.port
RETURN a.id AS account_id, a.name AS account_name, lb.region AS region, lb.name AS name, lb.dnsname AS dns_name, collect(DISTINCT l.port) AS ports, lb.exposed_internet_ports AS open_to_internet
ORDER BY account_name, name, dns_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    name: 'string',
    dns_name: 'string',
    ports: 'number[]',
    open_to_internet: 'string[]?',
  },
  identity: ['dns_name'],
});

export const elbSecurityGroups = awsQuery({
  name: 'elb_security_groups',
  title: 'Security groups of classic load balancers',
  group: 'elb',
  tags: ['inventory', 'networking', 'drift'],
  description: 'The security groups of each classic ELB',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancer)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
WITH a, lb, sg ORDER BY sg.groupid
RETURN a.id AS account_id, a.name AS account_name, lb.name AS name, collect(DISTINCT sg.groupid) AS security_groups
ORDER BY account_name, name`,
  columns: { account_id: 'string', account_name: 'string?', name: 'string', security_groups: 'string[]' },
  identity: ['account_id', 'name'],
});

export const elbInstances = awsQuery({
  name: 'elb_instances',
  title: 'Instances behind classic load balancers',
  group: 'elb',
  tags: ['inventory', 'networking'],
  description: 'Which EC2 instances each classic ELB exposes',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancer)-[:EXPOSE]->(i:AWSEC2Instance)
WITH a, lb, i ORDER BY i.instanceid
RETURN a.id AS account_id, a.name AS account_name, lb.name AS name, lb.scheme AS scheme, count(DISTINCT i) AS instance_count, collect(DISTINCT i.instanceid) AS instances
ORDER BY instance_count DESC, name, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    name: 'string',
    scheme: 'string?',
    instance_count: 'number',
    instances: 'string[]',
  },
  identity: ['account_id', 'name'],
});

export const elbv2List = awsQuery({
  name: 'elbv2_load_balancers',
  title: 'Application and network load balancers',
  group: 'elb',
  tags: ['inventory', 'networking', 'list'],
  description: 'ELBv2 load balancers with type, scheme, DNS name and listener ports',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancerV2)
OPTIONAL MATCH (lb)-[:ELBV2_LISTENER]->(l:AWSELBV2Listener)
WITH a, lb, l ORDER BY l.port
RETURN a.id AS account_id, a.name AS account_name, lb.region AS region, lb.name AS name, lb.type AS type, lb.scheme AS scheme, lb.dnsname AS dns_name, collect(DISTINCT l.port) AS ports
ORDER BY account_name, region, name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    name: 'string',
    type: 'string?',
    scheme: 'string?',
    dns_name: 'string',
    ports: 'number[]',
  },
  identity: ['dns_name'],
});

export const elbv2Public = awsQuery({
  name: 'elbv2_internet_facing',
  title: 'Internet-facing application and network load balancers',
  group: 'elb',
  tags: ['security', 'networking'],
  description: 'ELBv2 load balancers reachable from the internet, with their ports',
  severity: 'info',
  remediation: 'Expected for public services; make sure each listener is intended and uses TLS.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancerV2)
WHERE lb.scheme = 'internet-facing'
OPTIONAL MATCH (lb)-[:ELBV2_LISTENER]->(l:AWSELBV2Listener)
WITH a, lb, l ORDER BY l.port
RETURN a.id AS account_id, a.name AS account_name, lb.region AS region, lb.name AS name, lb.type AS type, lb.dnsname AS dns_name, collect(DISTINCT l.port) AS ports, lb.exposed_internet_ports AS open_to_internet
ORDER BY account_name, name, dns_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    name: 'string',
    type: 'string?',
    dns_name: 'string',
    ports: 'number[]',
    open_to_internet: 'string[]?',
  },
  identity: ['dns_name'],
});

export const elbv2SecurityGroups = awsQuery({
  name: 'elbv2_security_groups',
  title: 'Security groups of application and network load balancers',
  group: 'elb',
  tags: ['inventory', 'networking', 'drift'],
  description: 'The security groups of each ELBv2 load balancer',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancerV2)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
WITH a, lb, sg ORDER BY sg.groupid
RETURN a.id AS account_id, a.name AS account_name, lb.name AS name, collect(DISTINCT sg.groupid) AS security_groups
ORDER BY account_name, name`,
  columns: { account_id: 'string', account_name: 'string?', name: 'string', security_groups: 'string[]' },
  identity: ['account_id', 'name'],
});

export const elbv2Instances = awsQuery({
  name: 'elbv2_instances',
  title: 'Instances behind application and network load balancers',
  group: 'elb',
  tags: ['inventory', 'networking'],
  description: 'Which EC2 instances each ELBv2 load balancer exposes (through its target groups)',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(lb:AWSLoadBalancerV2)-[:EXPOSE]->(i:AWSEC2Instance)
WITH a, lb, i ORDER BY i.instanceid
RETURN a.id AS account_id, a.name AS account_name, lb.name AS name, lb.scheme AS scheme, count(DISTINCT i) AS instance_count, collect(DISTINCT i.instanceid) AS instances
ORDER BY instance_count DESC, name, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    name: 'string',
    scheme: 'string?',
    instance_count: 'number',
    instances: 'string[]',
  },
  identity: ['account_id', 'name'],
});

export const awsNetworkQueries = [
  vpcs,
  subnets,
  internetGateways,
  vpcPeerings,
  vpcPeeringsExternal,
  vpcSecurityGroups,
  elbList,
  elbPublic,
  elbSecurityGroups,
  elbInstances,
  elbv2List,
  elbv2Public,
  elbv2SecurityGroups,
  elbv2Instances,
] as const;
