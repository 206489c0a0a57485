import type { AnalysisJob } from '@skygraph/core';
import { stamp } from './merge-stamp.ts';

/**
 * Address prefixes taken as AWS's: a coarse subset of the EC2 ranges AWS
 * publishes (ip-ranges.json) that belong to AWS alone. An A record outside
 * them is not judged; an address AWS handed out and got back is then anyone's
 * to be given next.
 */
export const AWS_ADDRESS_PREFIXES: readonly string[] = [
  '3.',
  '13.',
  '15.',
  '18.',
  '43.',
  '44.',
  '52.',
  '54.',
  '99.',
  '174.129.',
  '184.72.',
  '184.73.',
  '204.236.',
  '2600:1f',
];

const literals = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

const HOST = "r.type IN ['CNAME', 'ALIAS']";
/** Load balancer and EC2 public host names: the graph links a record to them when they exist. */
const LINKED_HOST = `${HOST} AND (r.value ENDS WITH '.elb.amazonaws.com' OR r.value ENDS WITH '.elb.amazonaws.com.cn' OR (r.value STARTS WITH 'ec2-' AND r.value CONTAINS '.compute' AND r.value CONTAINS '.amazonaws.com'))`;
/** S3 website endpoints: `<bucket>.s3-website-<region>.amazonaws.com` or `<bucket>.s3-website.<region>.amazonaws.com`. */
const WEBSITE = `${HOST} AND r.value CONTAINS '.s3-website' AND r.value ENDS WITH '.amazonaws.com'`;
const CLOUDFRONT = `${HOST} AND r.value ENDS WITH '.cloudfront.net'`;
const AWS_ADDRESS = `r.type IN ['A', 'AAAA'] AND any(ip IN split(r.value, ',') WHERE any(p IN ${literals(AWS_ADDRESS_PREFIXES)} WHERE ip STARTS WITH p))`;

/** MERGEs a relationship the way the loader does. */

/** DNS_POINTS_TO to a node another scope wrote (the instances and load balancers are regional, zones global). */
const link = (label: string, key: string) => `MATCH (r:AWSDNSRecord) WHERE ${HOST}
MATCH (t:${label} {${key}: r.value})
MERGE (r)-[x:DNS_POINTS_TO]->(t)
${stamp('x')}`;

/**
 * Dangling DNS: a record whose AWS target no resource of the graph owns any
 * more (a deleted load balancer's name, a stopped or terminated instance's
 * public name, a deleted website bucket, an address given back to AWS).
 * Whoever is handed that name or address next serves the record's traffic.
 * First it completes the links to instances and load balancers written by
 * regional scopes after the account's zones; then it sets `points_to_aws`
 * and `dangling` on every record (`dangling` unset for CloudFront, which
 * skygraph does not collect). A target in an account skygraph does not sync
 * counts as gone.
 */
export const danglingDnsJob: AnalysisJob = {
  name: 'aws_dangling_dns',
  description:
    'Links DNS records to the instances and load balancers they name, and marks the records whose AWS target no resource owns any more',
  statements: [
    link('AWSEC2Instance', 'publicdnsname'),
    link('AWSLoadBalancer', 'dnsname'),
    link('AWSLoadBalancerV2', 'dnsname'),
    `MATCH (r:AWSDNSRecord)
SET r.points_to_aws = (${LINKED_HOST}) OR (${WEBSITE}) OR (${CLOUDFRONT}) OR (${AWS_ADDRESS}),
  r.dangling = CASE WHEN ${CLOUDFRONT} THEN null ELSE false END`,
    `MATCH (r:AWSDNSRecord) WHERE ${LINKED_HOST}
AND NOT EXISTS { MATCH (r)-[:DNS_POINTS_TO]->(t) WHERE t:AWSEC2Instance OR t:AWSLoadBalancer OR t:AWSLoadBalancerV2 }
SET r.dangling = true`,
    `MATCH (r:AWSDNSRecord) WHERE ${WEBSITE}
WITH r, split(r.value, '.s3-website')[0] AS bucket
WHERE NOT EXISTS { MATCH (b:AWSS3Bucket {name: bucket}) }
SET r.dangling = true`,
    // Every public address the graph holds, once, rather than a scan of the instances per record.
    `OPTIONAL MATCH (i:AWSEC2Instance) WHERE i.publicipaddress IS NOT NULL
WITH collect(i.publicipaddress) AS instances
OPTIONAL MATCH (n:AWSNetworkInterface) WHERE n.public_ip IS NOT NULL
WITH instances, collect(n.public_ip) AS interfaces
WITH instances + interfaces AS owned
MATCH (r:AWSDNSRecord) WHERE ${AWS_ADDRESS}
AND any(ip IN split(r.value, ',') WHERE any(p IN ${literals(AWS_ADDRESS_PREFIXES)} WHERE ip STARTS WITH p) AND NOT ip IN owned)
SET r.dangling = true`,
  ],
};
