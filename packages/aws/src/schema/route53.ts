import { defineNode, defineRel, refOf } from '@skygraph/core';
import { EC2Instance } from './instance.ts';
import { AWSLoadBalancer } from './load-balancer.ts';
import { AWSLoadBalancerV2 } from './load-balancer-v2.ts';
import { AWSAccount } from './organization.ts';

/** A Route 53 hosted zone, keyed by its API id (`/hostedzone/Z...`) as Cartography keys it. */
export const AWSDNSZone = defineNode({
  label: 'AWSDNSZone',
  extraLabels: ['DNSZone'],
  key: 'id',
  properties: {
    id: 'string',
    zoneid: 'string',
    /** Without the trailing dot. */
    name: 'string',
    comment: 'string?',
    privatezone: 'boolean',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    subzones: defineRel(
      'SUBZONE',
      { label: 'AWSDNSZone', key: 'zoneid' },
      {
        description:
          "a zone this zone delegates to: an NS record of this zone named after it points at the other zone's name servers",
      },
    ),
  },
  description: 'A Route 53 hosted zone, public or private (Route 53 ListHostedZones).',
});

/** A name server of a hosted zone's delegation, keyed by its host name. */
export const AWSNameServer = defineNode({
  label: 'AWSNameServer',
  legacyLabels: ['NameServer'],
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    zoneid: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    zone: defineRel('NAMESERVER', refOf(AWSDNSZone, 'zoneid'), {
      direction: 'in',
      description: 'the zone the name server serves',
    }),
  },
  description: 'A name server of a Route 53 hosted zone (from its NS records).',
});

/**
 * A record set of type A, AAAA, CNAME (and alias records, `type` ALIAS) or NS,
 * keyed `<zone id>/<name>/<type>` as Cartography keys it. `value` is the
 * addresses (comma-separated), or the target host name lowercased without the
 * trailing dot (and without `dualstack.` before a load balancer's name).
 * `points_to_aws` and `dangling` come from the aws_dangling_dns analysis job.
 */
export const AWSDNSRecord = defineNode({
  label: 'AWSDNSRecord',
  extraLabels: ['DNSRecord'],
  key: 'id',
  properties: {
    id: 'string',
    name: 'string',
    /** `A`, `AAAA`, `CNAME`, `ALIAS` (an alias A, AAAA or weighted CNAME) or `NS`. */
    type: 'string',
    value: 'string',
  },
  scope: { owner: refOf(AWSAccount), rel: 'RESOURCE' },
  relationships: {
    zone: defineRel('MEMBER_OF_DNS_ZONE', refOf(AWSDNSZone, 'zoneid'), {
      description: 'the zone of the record',
    }),
    nameServers: defineRel('DNS_POINTS_TO', refOf(AWSNameServer), {
      description: 'the name servers of an NS record',
    }),
    instance: defineRel('DNS_POINTS_TO', refOf(EC2Instance, 'publicdnsname'), {
      description: 'the instance whose public DNS name a CNAME names',
    }),
    loadBalancer: defineRel('DNS_POINTS_TO', refOf(AWSLoadBalancer, 'dnsname'), {
      description: 'the classic load balancer the record names',
    }),
    loadBalancerV2: defineRel('DNS_POINTS_TO', refOf(AWSLoadBalancerV2, 'dnsname'), {
      description: 'the application or network load balancer the record names',
    }),
    esDomain: defineRel(
      'DNS_POINTS_TO',
      { label: 'AWSESDomain', key: 'endpoint' },
      {
        description: 'the Elasticsearch domain the record names (a type skygraph does not collect yet)',
      },
    ),
    record: defineRel(
      'DNS_POINTS_TO',
      { label: 'AWSDNSRecord', key: 'name' },
      {
        description: 'the records of the name a CNAME or alias names',
      },
    ),
    ips: defineRel(
      'DNS_POINTS_TO',
      { label: 'Ip', key: 'id' },
      { description: 'the addresses of an A or AAAA record' },
    ),
    elasticIp: defineRel(
      'DNS_POINTS_TO',
      { label: 'AWSElasticIPAddress', key: 'public_ip' },
      {
        description: 'the Elastic IP address an A record holds (a type skygraph does not collect yet)',
      },
    ),
  },
  computed: {
    /** The target is an AWS address or host name (a load balancer, an instance, an S3 website, CloudFront). */
    points_to_aws: 'boolean',
    /** An AWS target no resource of the graph owns any more: anyone who gets it serves the name. Unset where it cannot be told (CloudFront). */
    dangling: 'boolean',
  },
  description: 'A Route 53 record set (Route 53 ListResourceRecordSets).',
});
