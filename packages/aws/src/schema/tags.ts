import { defineNode, defineRel, type RelSpec } from '@skygraph/core';

/**
 * How the ARN the Resource Groups Tagging API returns becomes the key of the
 * node skygraph writes: the whole ARN, the last path segment (`i-0abc` of an
 * EC2 ARN, the classic load balancer's name), or the bucket name.
 */
export type TagIdParser = 'arn' | 'short-id' | 'bucket-name';

/** One row of the mapping from a tagging API resource type to the node it tags. */
export interface TaggableResource {
  /** `service:resource` as {@link resourceTypeOfArn} derives it (`ec2:instance`, `s3`, `elasticloadbalancing:loadbalancer/app`). */
  readonly resourceType: string;
  readonly label: string;
  /** The node property the parsed id is matched against. */
  readonly property: string;
  readonly idParser: TagIdParser;
}

const row = (
  resourceType: string,
  label: string,
  property: string,
  idParser: TagIdParser = 'arn',
): TaggableResource => ({ resourceType, label, property, idParser });

/**
 * Cartography's mapping table (cartography/models/aws_tagging.py,
 * AWS_TAGGABLE_RESOURCES) with skygraph's node keys. It covers types skygraph
 * does not write yet: a tag of such a resource finds no node and is skipped,
 * and starts linking as soon as the type is collected. Two rows differ from
 * Cartography, where its match could miss or tag the wrong node: key pairs
 * are matched by their `key-...` id (the tagging API names them by it, not by
 * the name Cartography's ARN-shaped id carries), and application and network
 * load balancers by their ARN (Cartography matches by name within the region).
 * IAM roles and users are tagged through IAM in Cartography, not through
 * this API; skygraph does not collect their tags yet.
 */
export const TAGGABLE_RESOURCES: readonly TaggableResource[] = [
  row('autoscaling:autoScalingGroup', 'AWSAutoScalingGroup', 'arn'),
  row('dynamodb:table', 'AWSDynamoDBTable', 'id'),
  row('ec2:instance', 'AWSEC2Instance', 'id', 'short-id'),
  row('ec2:internet-gateway', 'AWSInternetGateway', 'id', 'short-id'),
  row('ec2:key-pair', 'AWSEC2KeyPair', 'keypairid', 'short-id'),
  row('ec2:network-interface', 'AWSNetworkInterface', 'id', 'short-id'),
  row('ecr:repository', 'AWSECRRepository', 'id'),
  row('ec2:security-group', 'AWSEC2SecurityGroup', 'id', 'short-id'),
  row('ec2:subnet', 'AWSEC2Subnet', 'subnetid', 'short-id'),
  row('ec2:transit-gateway', 'AWSTransitGateway', 'id'),
  row('ec2:transit-gateway-attachment', 'AWSTransitGatewayAttachment', 'id'),
  row('ec2:vpc', 'AWSVpc', 'id', 'short-id'),
  row('ec2:volume', 'AWSEBSVolume', 'id', 'short-id'),
  row('ec2:elastic-ip-address', 'AWSElasticIPAddress', 'id', 'short-id'),
  row('ecs:cluster', 'AWSECSCluster', 'id'),
  row('ecs:container', 'AWSECSContainer', 'id'),
  row('ecs:container-instance', 'AWSECSContainerInstance', 'id'),
  row('ecs:task', 'AWSECSTask', 'id'),
  row('ecs:task-definition', 'AWSECSTaskDefinition', 'id'),
  row('eks:cluster', 'AWSEKSCluster', 'id'),
  row('elasticache:cluster', 'AWSElasticacheCluster', 'arn'),
  row('elasticloadbalancing:loadbalancer', 'AWSLoadBalancer', 'name', 'short-id'),
  row('elasticloadbalancing:loadbalancer/app', 'AWSLoadBalancerV2', 'arn'),
  row('elasticloadbalancing:loadbalancer/net', 'AWSLoadBalancerV2', 'arn'),
  row('elasticmapreduce:cluster', 'AWSEMRCluster', 'arn'),
  row('es:domain', 'AWSESDomain', 'arn'),
  row('kms:key', 'AWSKMSKey', 'arn'),
  row('lambda:function', 'AWSLambda', 'id'),
  row('redshift:cluster', 'AWSRedshiftCluster', 'id'),
  row('rds:db', 'AWSRDSInstance', 'id'),
  row('rds:subgrp', 'AWSDBSubnetGroup', 'id'),
  row('rds:cluster', 'AWSRDSCluster', 'id'),
  row('rds:snapshot', 'AWSRDSSnapshot', 'id'),
  // Buckets are the only resources of S3 in the tagging API.
  row('s3', 'AWSS3Bucket', 'id', 'bucket-name'),
  row('secretsmanager:secret', 'AWSSecretsManagerSecret', 'id'),
  row('sqs', 'AWSSQSQueue', 'id'),
];

/**
 * The tagging API's resource type of an ARN, as Cartography derives it:
 * `service:resource`, with the `app`/`net` part of a load balancer's ARN kept
 * and S3 and SQS ARNs (which have no resource type) as the service alone.
 */
export function resourceTypeOfArn(arn: string): string {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  if (service === 's3' || service === 'sqs') return service;
  const resource = parts.slice(5).join(':');
  if (service === 'elasticloadbalancing' && resource.startsWith('loadbalancer/')) {
    const segments = resource.split('/');
    const kind = segments[1];
    return segments.length > 2 && (kind === 'app' || kind === 'net')
      ? `${service}:loadbalancer/${kind}`
      : `${service}:loadbalancer`;
  }
  const type = resource.split('/')[0]?.split(':')[0] ?? '';
  return type ? `${service}:${type}` : service;
}

/** The node key an ARN names under a mapping row. */
export function tagTargetId(arn: string, parser: TagIdParser): string {
  if (parser === 'arn') return arn;
  if (parser === 'bucket-name') return arn.split(':').pop() ?? arn;
  return arn.split('/').pop() ?? arn;
}

/** The AWSTag relationship field of a resource type (`ec2_instance`, `elasticloadbalancing_loadbalancer_app`). */
export function tagField(resourceType: string): string {
  return resourceType.replace(/[^A-Za-z0-9]+/g, '_');
}

const taggedBy: Record<string, RelSpec> = Object.fromEntries(
  TAGGABLE_RESOURCES.map((r) => [
    tagField(r.resourceType),
    defineRel(
      'TAGGED',
      { label: r.label, key: r.property },
      { direction: 'in', description: `a ${r.label} with the tag (${r.resourceType})` },
    ),
  ]),
);

/**
 * A key/value tag, as Cartography writes it: `AWSTag` (and the ontology's
 * `Tag`) keyed `<key>:<value>`, shared by every resource of every account
 * with the same tag, each pointing at it with `TAGGED`. No account owns a
 * tag; the analysis job aws_tags_cleanup removes the TAGGED edges a
 * re-collected resource no longer has and the tags nothing points at.
 */
export const AWSTag = defineNode({
  label: 'AWSTag',
  extraLabels: ['Tag'],
  key: 'id',
  properties: {
    id: 'string',
    key: 'string',
    value: 'string',
  },
  relationships: taggedBy,
  description:
    'A resource tag and the resources that carry it (Resource Groups Tagging API GetResources, per region).',
});
