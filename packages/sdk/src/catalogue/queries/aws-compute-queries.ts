import { graph } from '../../query/schema-graph.ts';
import { defineQuery } from '../define-query.ts';
import { awsQuery } from './provider-query.ts';

/** EC2 instances, key pairs, security groups and EBS volumes. */

const WORLD = `['0.0.0.0/0', '::/0']`;

export const ec2Instances = awsQuery({
  name: 'ec2_instances',
  title: 'EC2 instances',
  group: 'ec2',
  tags: ['inventory', 'list'],
  description: 'EC2 instances by account and region',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.instanceid AS instance_id, i.instancetype AS instance_type, i.state AS state, i.publicipaddress AS public_ip, i.privateipaddress AS private_ip, i.launchtime AS launched
ORDER BY account_name, region, instance_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    instance_id: 'string',
    instance_type: 'string?',
    state: 'string?',
    public_ip: 'string?',
    private_ip: 'string?',
    launched: 'string?',
  },
  identity: ['instance_id'],
});

export const ec2Public = awsQuery({
  name: 'ec2_public',
  title: 'EC2 instances exposed to the internet',
  group: 'ec2',
  tags: ['security', 'networking', 'list'],
  description:
    'Instances the internet can reach: directly (public IP, open security group) or through an internet-facing load balancer',
  severity: 'medium',
  remediation:
    'Keep only what must be public behind a load balancer; reach the rest through SSM Session Manager or a VPN.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
WHERE i.exposed_internet = true
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.instanceid AS instance_id, i.state AS state, i.publicipaddress AS public_ip, i.exposed_internet_type AS exposed_through, i.exposed_internet_ports AS ports
ORDER BY account_name, region, instance_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    instance_id: 'string',
    state: 'string?',
    public_ip: 'string?',
    exposed_through: 'string[]?',
    ports: 'string[]?',
  },
  identity: ['instance_id'],
});

export const ec2OpenToWorld = awsQuery({
  name: 'ec2_open_to_world',
  title: 'EC2 instances open to the internet',
  group: 'ec2',
  tags: ['security', 'networking', 'misconfig'],
  description: 'Instances with a public address in a security group that admits 0.0.0.0/0 (or ::/0)',
  severity: 'high',
  remediation:
    'Narrow the inbound rule to known ranges, or reach the instance through SSM Session Manager or a VPN.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)<-[:MEMBER_OF_EC2_SECURITY_GROUP]-(rule:AWSIpPermissionInbound)<-[:MEMBER_OF_IP_RULE]-(range:AWSIpRange)
WHERE range.range IN ${WORLD} AND i.publicipaddress IS NOT NULL
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.instanceid AS instance_id, i.publicipaddress AS public_ip, sg.groupid AS security_group_id, sg.name AS security_group_name, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port, range.range AS source
ORDER BY account_name, instance_id, security_group_id, from_port, protocol, to_port, source`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    instance_id: 'string',
    public_ip: 'string',
    security_group_id: 'string',
    security_group_name: 'string?',
    protocol: 'string',
    from_port: 'number?',
    to_port: 'number?',
    source: 'string',
  },
  identity: ['instance_id', 'security_group_id', 'protocol', 'from_port', 'to_port', 'source'],
});

export const ec2ByCidr = awsQuery({
  name: 'ec2_reachable_from_cidr',
  title: 'EC2 instances reachable from a CIDR',
  group: 'ec2',
  tags: ['networking', 'inventory'],
  description: 'Instances whose security groups admit exactly the range $cidr',
  parameters: [
    { name: 'cidr', type: 'string', default: '0.0.0.0/0', description: 'The source range, e.g. 10.0.0.0/8' },
  ],
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)<-[:MEMBER_OF_EC2_SECURITY_GROUP]-(rule:AWSIpPermissionInbound)<-[:MEMBER_OF_IP_RULE]-(range:AWSIpRange)
WHERE range.range = $cidr
RETURN a.id AS account_id, a.name AS account_name, i.instanceid AS instance_id, sg.groupid AS security_group_id, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port
ORDER BY account_name, instance_id, from_port, security_group_id, protocol, to_port`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    instance_id: 'string',
    security_group_id: 'string',
    protocol: 'string',
    from_port: 'number?',
    to_port: 'number?',
  },
  identity: ['instance_id', 'security_group_id', 'protocol', 'from_port', 'to_port'],
});

export const ec2KeyPairs = awsQuery({
  name: 'ec2_key_pairs',
  title: 'EC2 key pairs and where they log in',
  group: 'ec2',
  tags: ['inventory', 'security', 'list'],
  description: 'Key pairs by account and region, with the instances each can log in to',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(k:AWSEC2KeyPair)
OPTIONAL MATCH (k)-[:SSH_LOGIN_TO]->(i:AWSEC2Instance)
WITH a, k, i ORDER BY i.instanceid
RETURN a.id AS account_id, a.name AS account_name, k.region AS region, k.keyname AS key_name, k.keyfingerprint AS fingerprint, count(i) AS instance_count, collect(i.instanceid) AS instances
ORDER BY instance_count DESC, key_name, account_id, region`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    key_name: 'string',
    fingerprint: 'string?',
    instance_count: 'number',
    instances: 'string[]',
  },
  identity: ['account_id', 'region', 'key_name'],
});

export const ec2KeyPairsUnused = awsQuery({
  name: 'ec2_key_pair_unused',
  title: 'Unused EC2 key pairs',
  group: 'ec2',
  tags: ['security', 'drift'],
  description: 'Key pairs no instance uses: leftovers whose private keys may still be around',
  severity: 'low',
  remediation: 'Delete the key pair, and the private key wherever it was stored.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(k:AWSEC2KeyPair)
WHERE NOT EXISTS { MATCH (k)-[:SSH_LOGIN_TO]->(:AWSEC2Instance) }
RETURN a.id AS account_id, a.name AS account_name, k.region AS region, k.keyname AS key_name, k.createtime AS created
ORDER BY account_name, region, key_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    key_name: 'string',
    created: 'string?',
  },
  identity: ['account_id', 'region', 'key_name'],
});

export const ec2Old = awsQuery({
  name: 'ec2_old_instances',
  title: 'Long-running EC2 instances',
  group: 'ec2',
  tags: ['security', 'drift'],
  description: 'Running instances launched more than $days days ago (unpatched images, pets)',
  severity: 'info',
  remediation: 'Rebuild from a current image through your deployment pipeline.',
  parameters: [{ name: 'days', type: 'number', default: 180, description: 'Age in days' }],
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
WHERE i.launchtimeunix < timestamp() / 1000 - $days * 86400 AND coalesce(i.state, 'running') = 'running'
RETURN a.id AS account_id, a.name AS account_name, i.region AS region, i.instanceid AS instance_id, i.launchtime AS launched, i.imageid AS image_id
ORDER BY launched, instance_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    instance_id: 'string',
    launched: 'string?',
    image_id: 'string?',
  },
  identity: ['instance_id'],
});

export const ec2InstanceTypes = awsQuery({
  name: 'ec2_instance_types',
  title: 'EC2 instance types in use',
  group: 'ec2',
  tags: ['inventory', 'usage'],
  description: 'How many instances of each type each account runs',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
RETURN a.id AS account_id, a.name AS account_name, i.instancetype AS instance_type, count(i) AS instance_count
ORDER BY instance_count DESC, instance_type, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    instance_type: 'string?',
    instance_count: 'number',
  },
  identity: ['account_id', 'instance_type'],
});

export const ec2Images = awsQuery({
  name: 'ec2_images',
  title: 'EC2 images in use',
  group: 'ec2',
  tags: ['inventory', 'usage'],
  description: 'Which machine images (AMIs) instances run, and how many',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)
WITH a, i ORDER BY i.instanceid
RETURN a.id AS account_id, a.name AS account_name, i.imageid AS image_id, count(i) AS instance_count, collect(i.instanceid) AS instances
ORDER BY instance_count DESC, image_id, account_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    image_id: 'string?',
    instance_count: 'number',
    instances: 'string[]',
  },
  identity: ['account_id', 'image_id'],
});

/** Built with the typed builder: the schemas check it, and its columns and types come from them. */
export const ec2ImdsV1 = defineQuery({
  name: 'ec2_imdsv1_allowed',
  title: 'EC2 instances allowing IMDSv1',
  provider: 'aws',
  group: 'ec2',
  tags: ['aws', 'security', 'misconfig'],
  description:
    'Instances whose metadata service does not require session tokens (IMDSv1 credential theft via SSRF)',
  severity: 'medium',
  remediation: 'Set HttpTokens=required on the instance metadata options (and in launch templates).',
  scope: { kind: 'account', variable: 'a' },
  query: graph
    .match('a', 'AWSAccount')
    .match('i', 'AWSEC2Instance', { owner: 'a' })
    .where('i.metadatahttptokens', '=', 'optional')
    .return(
      'a.id as account_id',
      'a.name as account_name',
      'i.region',
      'i.instanceid as instance_id',
      'i.state',
    )
    .orderBy('account_name')
    .orderBy('instance_id'),
  identity: ['instance_id'],
});

export const ec2InstanceSecurityGroups = awsQuery({
  name: 'ec2_instance_security_groups',
  title: 'Security groups of each instance',
  group: 'ec2',
  tags: ['inventory', 'networking', 'drift'],
  description: 'The security groups each EC2 instance is a member of',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(i:AWSEC2Instance)-[:MEMBER_OF_EC2_SECURITY_GROUP]->(sg:AWSEC2SecurityGroup)
WITH a, i, sg ORDER BY sg.groupid
RETURN a.id AS account_id, a.name AS account_name, i.instanceid AS instance_id, count(DISTINCT sg) AS group_count, collect(DISTINCT sg.groupid) AS security_groups
ORDER BY group_count DESC, instance_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    instance_id: 'string',
    group_count: 'number',
    security_groups: 'string[]',
  },
  identity: ['instance_id'],
});

export const ec2SecurityGroups = awsQuery({
  name: 'ec2_security_groups',
  title: 'Security groups and their inbound rules',
  group: 'ec2',
  tags: ['inventory', 'networking', 'list'],
  description: 'Security groups with each inbound rule and its sources',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(sg:AWSEC2SecurityGroup)
OPTIONAL MATCH (sg)<-[:MEMBER_OF_EC2_SECURITY_GROUP]-(rule:AWSIpPermissionInbound)
OPTIONAL MATCH (rule)<-[:MEMBER_OF_IP_RULE]-(range:AWSIpRange)
WITH a, sg, rule, range ORDER BY range.range
RETURN a.id AS account_id, a.name AS account_name, sg.region AS region, sg.groupid AS security_group_id, sg.name AS security_group_name, sg.vpcid AS vpc_id, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port, collect(range.range) AS sources
ORDER BY account_name, security_group_id, from_port, protocol, to_port`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    security_group_id: 'string',
    security_group_name: 'string?',
    vpc_id: 'string?',
    protocol: 'string?',
    from_port: 'number?',
    to_port: 'number?',
    sources: 'string[]',
  },
  identity: ['security_group_id', 'protocol', 'from_port', 'to_port'],
});

export const ec2SecurityGroupsOpen = awsQuery({
  name: 'ec2_security_group_open_to_world',
  title: 'Security groups open to the internet',
  group: 'ec2',
  tags: ['security', 'networking', 'misconfig'],
  description: 'Inbound rules that admit 0.0.0.0/0 or ::/0, whether or not anything uses the group yet',
  severity: 'medium',
  remediation: 'Replace the world-open source with the ranges or security groups that need access.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(sg:AWSEC2SecurityGroup)<-[:MEMBER_OF_EC2_SECURITY_GROUP]-(rule:AWSIpPermissionInbound)<-[:MEMBER_OF_IP_RULE]-(range:AWSIpRange)
WHERE range.range IN ${WORLD}
RETURN a.id AS account_id, a.name AS account_name, sg.region AS region, sg.groupid AS security_group_id, sg.name AS security_group_name, rule.protocol AS protocol, rule.fromport AS from_port, rule.toport AS to_port, range.range AS source
ORDER BY account_name, security_group_id, from_port, protocol, to_port, source`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    security_group_id: 'string',
    security_group_name: 'string?',
    protocol: 'string',
    from_port: 'number?',
    to_port: 'number?',
    source: 'string',
  },
  identity: ['security_group_id', 'protocol', 'from_port', 'to_port', 'source'],
});

export const ebsVolumes = awsQuery({
  name: 'ebs_volumes',
  title: 'EBS volumes',
  group: 'ebs',
  tags: ['inventory', 'list'],
  description: 'EBS volumes with their size, encryption and the instance they are attached to',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(v:AWSEBSVolume)
OPTIONAL MATCH (v)-[:ATTACHED_TO]->(i:AWSEC2Instance)
WITH a, v, i ORDER BY i.instanceid
RETURN a.id AS account_id, a.name AS account_name, v.region AS region, v.volumeid AS volume_id, v.size AS size_gib, v.type AS type, v.encrypted AS encrypted, v.state AS state, collect(i.instanceid) AS instances
ORDER BY account_name, region, volume_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    volume_id: 'string',
    size_gib: 'number?',
    type: 'string?',
    encrypted: 'boolean?',
    state: 'string?',
    instances: 'string[]',
  },
  identity: ['volume_id'],
});

export const ebsUnencrypted = awsQuery({
  name: 'ebs_unencrypted',
  title: 'Unencrypted EBS volumes',
  group: 'ebs',
  tags: ['security', 'misconfig'],
  description: 'EBS volumes whose data is not encrypted at rest',
  severity: 'medium',
  remediation:
    'Turn on EBS encryption by default per region; copy the data to an encrypted volume (snapshot, copy encrypted, swap).',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(v:AWSEBSVolume)
WHERE coalesce(v.encrypted, false) = false
RETURN a.id AS account_id, a.name AS account_name, v.region AS region, v.volumeid AS volume_id, v.size AS size_gib, v.state AS state
ORDER BY account_name, region, volume_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    volume_id: 'string',
    size_gib: 'number?',
    state: 'string?',
  },
  identity: ['volume_id'],
});

export const ebsUnattached = awsQuery({
  name: 'ebs_unattached',
  title: 'Unattached EBS volumes',
  group: 'ebs',
  tags: ['security', 'drift', 'usage'],
  description: 'Volumes attached to no instance: cost, and data nobody watches',
  severity: 'info',
  remediation: 'Snapshot the volume if its data matters, then delete it.',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(v:AWSEBSVolume)
WHERE NOT EXISTS { MATCH (v)-[:ATTACHED_TO]->(:AWSEC2Instance) }
RETURN a.id AS account_id, a.name AS account_name, v.region AS region, v.volumeid AS volume_id, v.size AS size_gib, v.createtime AS created
ORDER BY account_name, region, volume_id`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    region: 'string',
    volume_id: 'string',
    size_gib: 'number?',
    created: 'string?',
  },
  identity: ['volume_id'],
});

export const awsComputeQueries = [
  ec2Instances,
  ec2Public,
  ec2OpenToWorld,
  ec2ByCidr,
  ec2KeyPairs,
  ec2KeyPairsUnused,
  ec2Old,
  ec2InstanceTypes,
  ec2Images,
  ec2ImdsV1,
  ec2InstanceSecurityGroups,
  ec2SecurityGroups,
  ec2SecurityGroupsOpen,
  ebsVolumes,
  ebsUnencrypted,
  ebsUnattached,
] as const;
