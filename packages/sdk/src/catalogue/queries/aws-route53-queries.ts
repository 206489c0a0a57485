import { awsQuery } from './provider-query.ts';

/** Route 53: zones, records, and the records whose AWS target is gone. */

const RECORD_COLUMNS = {
  account_id: 'string',
  account_name: 'string?',
  zone_name: 'string',
  private_zone: 'boolean',
  record_name: 'string',
  record_type: 'string',
  value: 'string',
  record_id: 'string',
} as const;

/** Records that pass `where` (over `r` and `z`), with their zone and account, then `extra` columns. */
function recordsCypher(where: string, extra: string): string {
  return `MATCH (a:AWSAccount)-[:RESOURCE]->(r:AWSDNSRecord)-[:MEMBER_OF_DNS_ZONE]->(z:AWSDNSZone)
${where ? `WHERE ${where}\n` : ''}RETURN a.id AS account_id, a.name AS account_name, z.name AS zone_name, z.privatezone AS private_zone, r.name AS record_name, r.type AS record_type, r.value AS value, r.id AS record_id${extra ? `, ${extra}` : ''}
ORDER BY account_name, zone_name, record_name, record_type`;
}

export const route53Zones = awsQuery({
  name: 'route53_zones',
  title: 'Route 53 hosted zones',
  group: 'route53',
  tags: ['inventory', 'list', 'dns'],
  description: 'Hosted zones, public and private, with their record count and the zones they delegate to',
  cypher: `MATCH (a:AWSAccount)-[:RESOURCE]->(z:AWSDNSZone)
OPTIONAL MATCH (r:AWSDNSRecord)-[:MEMBER_OF_DNS_ZONE]->(z)
WITH a, z, count(r) AS records
OPTIONAL MATCH (z)-[:SUBZONE]->(s:AWSDNSZone)
WITH a, z, records, s ORDER BY s.name
RETURN a.id AS account_id, a.name AS account_name, z.name AS zone_name, z.zoneid AS zone_id, z.privatezone AS private_zone, z.comment AS comment, records, collect(s.name) AS subzones
ORDER BY account_name, zone_name`,
  columns: {
    account_id: 'string',
    account_name: 'string?',
    zone_name: 'string',
    zone_id: 'string',
    private_zone: 'boolean',
    comment: 'string?',
    records: 'number',
    subzones: 'string[]',
  },
  identity: ['zone_id'],
});

export const route53Records = awsQuery({
  name: 'route53_records',
  title: 'Route 53 records pointing at AWS resources',
  group: 'route53',
  tags: ['inventory', 'list', 'dns', 'network'],
  description:
    'A, AAAA, CNAME and alias records with the instances and load balancers they point at, and whether their target is an AWS one',
  cypher: recordsCypher(
    "r.type <> 'NS'",
    `r.points_to_aws AS points_to_aws, [(r)-[:DNS_POINTS_TO]->(t) WHERE t:AWSEC2Instance OR t:AWSLoadBalancer OR t:AWSLoadBalancerV2 | coalesce(t.arn, t.id)] AS targets`,
  ),
  columns: { ...RECORD_COLUMNS, points_to_aws: 'boolean?', targets: 'string[]' },
  identity: ['record_id'],
});

export const route53DanglingRecord = awsQuery({
  name: 'route53_dangling_record',
  title: 'Dangling DNS records',
  group: 'route53',
  tags: ['security', 'dns', 'misconfig'],
  description:
    'Records pointing at an AWS address or host name no resource in the graph owns any more (a deleted load balancer, a stopped or terminated instance, a deleted website bucket, a released address): whoever gets that name or address next serves your domain (subdomain takeover)',
  severity: 'high',
  remediation:
    'Delete the record or point it at a resource you own; delete DNS records before the resources they name. If the target lives in an account skygraph does not sync, add that account or accept the row.',
  cypher: recordsCypher('r.dangling = true', ''),
  columns: RECORD_COLUMNS,
  identity: ['record_id'],
});

export const awsRoute53Queries = [route53Zones, route53Records, route53DanglingRecord] as const;
