import { AwsApiError } from './api-error.ts';
import type { AwsAccount, AwsRegionResources, AwsTag } from './estate-types.ts';
import { decodeToken, encodeToken, pageOf } from './paging.ts';
import { jsonResponse, type WireResponse } from './protocols.ts';
import type { RequestContext } from './request-context.ts';
import type { EmulatedService } from './services.ts';

/** A resource as GetResources sees it: its ARN and its tags. */
interface Tagged {
  arn: string;
  tags: readonly AwsTag[];
}

/** Where a resource sits: what its ARN is made of. */
interface At {
  partition: string;
  region: string;
  account: AwsAccount;
  resources: AwsRegionResources;
}

type Kind = (at: At) => readonly Tagged[];

const partitionOf = (region: string) =>
  region.startsWith('cn-') ? 'aws-cn' : region.startsWith('us-gov-') ? 'aws-us-gov' : 'aws';

const arnOf = (at: At, service: string, resource: string, account = at.account.id) =>
  `arn:${at.partition}:${service}:${at.region}:${account}:${resource}`;

/** A kind of regional resource: its list in the region and its ARN. */
function regional<T extends { tags: AwsTag[] }>(
  list: (r: AwsRegionResources) => readonly T[] | undefined,
  arn: (item: T, at: At) => string,
): Kind {
  return (at) => (list(at.resources) ?? []).map((item) => ({ arn: arn(item, at), tags: item.tags }));
}

const ec2 = <T extends { tags: AwsTag[] }>(
  list: (r: AwsRegionResources) => readonly T[] | undefined,
  type: string,
  id: (item: T) => string,
  // Snapshots and images have no account in their ARN.
  owned = true,
): Kind => regional(list, (item, at) => arnOf(at, 'ec2', `${type}/${id(item)}`, owned ? at.account.id : ''));

/**
 * Every kind of estate resource that carries tags, one line each. A resource
 * without tags is left out, as GetResources leaves out resources that were
 * never tagged. Buckets are listed in their own region, IAM users and roles
 * (global) in us-east-1, Identity Center permission sets in the instance's region.
 */
const TAGGED_KINDS: readonly Kind[] = [
  ec2(
    (r) => r.vpcs,
    'vpc',
    (v) => v.vpcId,
  ),
  ec2(
    (r) => r.subnets,
    'subnet',
    (s) => s.subnetId,
  ),
  ec2(
    (r) => r.securityGroups,
    'security-group',
    (g) => g.groupId,
  ),
  ec2(
    (r) => r.instances,
    'instance',
    (i) => i.instanceId,
  ),
  ec2(
    (r) => r.networkInterfaces,
    'network-interface',
    (n) => n.networkInterfaceId,
  ),
  ec2(
    (r) => r.keyPairs,
    'key-pair',
    (k) => k.keyPairId,
  ),
  ec2(
    (r) => r.volumes,
    'volume',
    (v) => v.volumeId,
  ),
  ec2(
    (r) => r.internetGateways,
    'internet-gateway',
    (g) => g.internetGatewayId,
  ),
  ec2(
    (r) => r.vpcPeeringConnections,
    'vpc-peering-connection',
    (p) => p.vpcPeeringConnectionId,
  ),
  ec2(
    (r) => r.snapshots,
    'snapshot',
    (s) => s.snapshotId,
    false,
  ),
  ec2(
    (r) => r.images,
    'image',
    (i) => i.imageId,
    false,
  ),
  ec2(
    (r) => r.launchTemplates,
    'launch-template',
    (t) => t.launchTemplateId,
  ),
  regional(
    (r) => r.autoScalingGroups,
    (g) => g.arn,
  ),
  regional(
    (r) => r.dynamodbTables,
    (t, at) => arnOf(at, 'dynamodb', `table/${t.tableName}`),
  ),
  // SQS and SNS ARNs carry the bare name: no resource type.
  regional(
    (r) => r.sqsQueues,
    (q, at) => arnOf(at, 'sqs', q.queueName),
  ),
  regional(
    (r) => r.snsTopics,
    (t, at) => arnOf(at, 'sns', t.topicName),
  ),
  // A parameter's ARN drops the leading slash of a hierarchical name.
  regional(
    (r) => r.ssmParameters,
    (p, at) => arnOf(at, 'ssm', `parameter/${p.name.replace(/^\//, '')}`),
  ),
  regional(
    (r) => r.dbInstances,
    (d) => d.dbInstanceArn,
  ),
  regional(
    (r) => r.dbClusters,
    (c) => c.dbClusterArn,
  ),
  regional(
    (r) => r.dbSnapshots,
    (s) => s.dbSnapshotArn,
  ),
  regional(
    (r) => r.kmsKeys,
    (k) => k.arn,
  ),
  regional(
    (r) => r.secrets,
    (s) => s.arn,
  ),
  regional(
    (r) => r.guardDutyDetectors,
    (d, at) => arnOf(at, 'guardduty', `detector/${d.detectorId}`),
  ),
  regional(
    (r) => r.lambdaFunctions,
    (f) => f.functionArn,
  ),
  regional(
    (r) => r.eksClusters,
    (c) => c.arn,
  ),
  (at) =>
    (at.resources.eksClusters ?? []).flatMap((c) =>
      regional(
        () => c.nodegroups,
        (g) => g.nodegroupArn,
      )(at),
    ),
  regional(
    (r) => r.ecsClusters,
    (c, at) => arnOf(at, 'ecs', `cluster/${c.clusterName}`),
  ),
  (at) =>
    (at.resources.ecsClusters ?? []).flatMap((c) => [
      ...regional(
        () => c.tasks,
        (t) => arnOf(at, 'ecs', `task/${c.clusterName}/${t.taskId}`),
      )(at),
      ...regional(
        () => c.services,
        (s) => arnOf(at, 'ecs', `service/${c.clusterName}/${s.serviceName}`),
      )(at),
    ]),
  regional(
    (r) => r.ecsTaskDefinitions,
    (d, at) => arnOf(at, 'ecs', `task-definition/${d.family}:${d.revision}`),
  ),
  regional(
    (r) => r.ecrRepositories,
    (e, at) => arnOf(at, 'ecr', `repository/${e.repositoryName}`),
  ),
  (at) =>
    at.account.buckets
      .filter((b) => b.region === at.region)
      .map((b) => ({ arn: `arn:${at.partition}:s3:::${b.name}`, tags: b.tags })),
  (at) =>
    at.account.identityCenter?.region === at.region
      ? at.account.identityCenter.permissionSets.map((p) => ({ arn: p.arn, tags: p.tags }))
      : [],
  (at) =>
    at.region === 'us-east-1'
      ? [...at.account.iam.users, ...at.account.iam.roles].map((p) => ({ arn: p.arn, tags: p.tags }))
      : [],
];

/** The tagging API's type of an ARN (`ec2:instance`, `s3`), matched against ResourceTypeFilters. */
function typeOf(arn: string): { service: string; type: string } {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const resource = parts.slice(5).join(':');
  const type = resource.includes('/') || resource.includes(':') ? resource.split(/[/:]/)[0] : '';
  return { service, type: type && service !== 's3' && service !== 'sqs' && service !== 'sns' ? type : '' };
}

/** Whether a filter (`service` or `service:type`) covers an ARN. */
function filterCovers(filter: string, arn: string): boolean {
  const { service, type } = typeOf(arn);
  const [fService, fType] = filter.split(':');
  return fService === service && (fType === undefined || fType === type);
}

type TagFilter = { Key: string; Values: string[] };

function tagFilters(input: Record<string, unknown>): TagFilter[] {
  const raw = input.TagFilters;
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) throw invalid('TagFilters must be a list.');
  return raw.map((f) => {
    const { Key, Values } = (f ?? {}) as { Key?: unknown; Values?: unknown };
    if (typeof Key !== 'string') throw invalid('TagFilters: every filter needs a Key.');
    return { Key, Values: Array.isArray(Values) ? Values.map(String) : [] };
  });
}

const invalid = (message: string) => new AwsApiError('InvalidParameterException', message);

function stringList(input: Record<string, unknown>, name: string): string[] {
  const raw = input[name];
  if (raw === undefined) return [];
  if (!Array.isArray(raw) || raw.some((v) => typeof v !== 'string'))
    throw invalid(`${name} must be a list of strings.`);
  return raw as string[];
}

/** The tagged resources of the caller's account in the request's region, in a stable order. */
function taggedResources(ctx: RequestContext): Tagged[] {
  const resources = ctx.account.regions[ctx.region];
  if (!resources) return [];
  const at: At = { partition: partitionOf(ctx.region), region: ctx.region, account: ctx.account, resources };
  return TAGGED_KINDS.flatMap((kind) => kind(at)).filter((r) => r.tags.length > 0);
}

/** GetResources: the tagged resources matching the type and tag filters, ResourcesPerPage at a time. */
function getResources(ctx: RequestContext): Record<string, unknown> {
  const input = ctx.json ?? {};
  const types = stringList(input, 'ResourceTypeFilters');
  if (types.length > 100) throw invalid('ResourceTypeFilters can name at most 100 resource types.');
  const arns = stringList(input, 'ResourceARNList');
  const tags = tagFilters(input);
  const perPage = input.ResourcesPerPage;
  if (
    perPage !== undefined &&
    (typeof perPage !== 'number' || !Number.isInteger(perPage) || perPage < 1 || perPage > 100)
  ) {
    throw invalid('ResourcesPerPage must be between 1 and 100.');
  }
  const token = typeof input.PaginationToken === 'string' ? input.PaginationToken : undefined;
  const start = decodeToken(
    ctx.operation,
    token,
    () =>
      new AwsApiError('PaginationTokenExpiredException', 'The pagination token is invalid or has expired.'),
  );
  const matching = taggedResources(ctx).filter(
    (r) =>
      (types.length === 0 || types.some((t) => filterCovers(t, r.arn))) &&
      (arns.length === 0 || arns.includes(r.arn)) &&
      tags.every((f) =>
        r.tags.some((t) => t.key === f.Key && (f.Values.length === 0 || f.Values.includes(t.value))),
      ),
  );
  const page = pageOf(matching, start, typeof perPage === 'number' ? perPage : 100);
  return {
    // The API answers an empty token on the last page.
    PaginationToken: page.next === undefined ? '' : encodeToken(ctx.operation, page.next),
    ResourceTagMappingList: page.items.map((r) => ({
      ResourceARN: r.arn,
      Tags: r.tags.map((t) => ({ Key: t.key, Value: t.value })),
    })),
  };
}

function handleTagging(ctx: RequestContext): WireResponse {
  if (ctx.operation === 'GetResources') return jsonResponse(getResources(ctx), ctx.requestId);
  throw invalid(`The emulator does not serve this Resource Groups Tagging API operation (${ctx.operation}).`);
}

/** The Resource Groups Tagging API (AWS JSON 1.1, ResourceGroupsTaggingAPI_20170126): GetResources. */
export const TAGGING_SERVICE: EmulatedService = {
  name: 'tagging',
  signingName: 'tagging',
  protocol: 'json',
  iamPrefix: 'tag',
  errors: { throttling: ['ThrottledException', 400], internal: ['InternalServiceException', 500] },
  handle: handleTagging,
};
