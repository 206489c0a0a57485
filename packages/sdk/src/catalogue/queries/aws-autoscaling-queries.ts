import { awsQuery } from './provider-query.ts';

/** Auto Scaling groups and what their instances launch with: launch templates and configurations. */

const COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  region: 'string',
} as const;

/**
 * The launch settings `where` picks (over `s`): the latest and default
 * version of each launch template, and every launch configuration, each
 * with the Auto Scaling groups that use its template or configuration.
 */
function launchSettingsCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(s)
WHERE ((s:AWSLaunchTemplateVersion AND EXISTS {
    MATCH (t:AWSLaunchTemplate)-[:VERSION]->(s)
    WHERE s.version_number = t.latest_version_number OR s.version_number = t.default_version_number
  }) OR s:AWSLaunchConfiguration) AND ${where}
OPTIONAL MATCH (t:AWSLaunchTemplate)-[:VERSION]->(s)
OPTIONAL MATCH (byTemplate:AWSAutoScalingGroup)-[:HAS_LAUNCH_TEMPLATE]->(t)
WITH a, s, t, byTemplate ORDER BY byTemplate.name
WITH a, s, t, collect(DISTINCT byTemplate.name) AS templateGroups
OPTIONAL MATCH (byConfiguration:AWSAutoScalingGroup)-[:HAS_LAUNCH_CONFIG]->(s)
WITH a, s, t, templateGroups, byConfiguration ORDER BY byConfiguration.name
WITH a, s, t, templateGroups, collect(DISTINCT byConfiguration.name) AS configurationGroups
RETURN a.id AS account_id, a.name AS account_name, s.region AS region,
  CASE WHEN t IS NULL THEN 'launch_configuration' ELSE 'launch_template' END AS kind,
  coalesce(t.name, s.name) AS name, s.id AS launch_id, s.version_number AS version, templateGroups + configurationGroups AS groups, ${extra}
ORDER BY account_name, region, name, version`;
}

const LAUNCH_COLUMNS = {
  ...COLUMNS,
  kind: 'string',
  name: 'string?',
  launch_id: 'string',
  version: 'number?',
  groups: 'string[]',
} as const;

export const autoScalingGroups = awsQuery({
  name: 'autoscaling_groups',
  title: 'Auto Scaling groups',
  group: 'autoscaling',
  tags: ['inventory', 'list', 'compute'],
  description: 'Auto Scaling groups with their size, launch template or configuration, subnets and instances',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(g:AWSAutoScalingGroup)
OPTIONAL MATCH (i:AWSEC2Instance)-[:MEMBER_AUTO_SCALE_GROUP]->(g)
WITH a, g, i ORDER BY i.instanceid
WITH a, g, collect(i.instanceid) AS instances
OPTIONAL MATCH (g)-[:VPC_IDENTIFIER]->(s:AWSEC2Subnet)
WITH a, g, instances, s ORDER BY s.subnetid
WITH a, g, instances, collect(s.subnetid) AS subnets
RETURN a.id AS account_id, a.name AS account_name, g.region AS region, g.name AS name, g.arn AS arn, g.minsize AS min_size, g.maxsize AS max_size, g.desiredcapacity AS desired, coalesce(g.launchtemplatename, g.launchconfigurationname) AS launched_from, subnets, instances
ORDER BY account_name, region, name`,
  columns: {
    ...COLUMNS,
    name: 'string',
    arn: 'string',
    min_size: 'number?',
    max_size: 'number?',
    desired: 'number?',
    launched_from: 'string?',
    subnets: 'string[]',
    instances: 'string[]',
  },
  identity: ['arn'],
});

export const launchTemplateImdsv1 = awsQuery({
  name: 'launch_template_imdsv1',
  title: 'Launch templates and configurations allowing IMDSv1',
  group: 'autoscaling',
  tags: ['security', 'misconfig', 'compute'],
  description:
    'Latest or default launch template versions, and launch configurations, that do not require IMDSv2 (HttpTokens optional): instances launched from them answer IMDSv1 requests, which SSRF flaws can use to steal the instance role credentials',
  severity: 'medium',
  remediation:
    'Create a new template version (or launch configuration, better a launch template) with MetadataOptions HttpTokens=required, make it the default and roll the groups; set the account default with ModifyInstanceMetadataDefaults.',
  cypher: launchSettingsCypher(
    `s.metadatahttptokens = 'optional' AND coalesce(s.metadatahttpendpoint, 'enabled') = 'enabled'`,
    's.metadatahttptokens AS http_tokens',
  ),
  columns: { ...LAUNCH_COLUMNS, http_tokens: 'string?' },
  identity: ['launch_id'],
});

export const launchTemplatePublicIp = awsQuery({
  name: 'launch_template_public_ip',
  title: 'Launch templates and configurations assigning public IPs',
  group: 'autoscaling',
  tags: ['security', 'misconfig', 'exposure', 'network'],
  description:
    'Latest or default launch template versions, and launch configurations, that give instances a public IPv4 address (AssociatePublicIpAddress true), whatever the subnet says',
  severity: 'medium',
  remediation:
    'Launch into private subnets without a public address (AssociatePublicIpAddress false) and reach the instances through a load balancer, NAT or Session Manager.',
  cypher: launchSettingsCypher('s.associate_public_ip_address = true', 's.image_id AS image_id'),
  columns: { ...LAUNCH_COLUMNS, image_id: 'string?' },
  identity: ['launch_id'],
});

export const awsAutoScalingQueries = [
  autoScalingGroups,
  launchTemplateImdsv1,
  launchTemplatePublicIp,
] as const;
