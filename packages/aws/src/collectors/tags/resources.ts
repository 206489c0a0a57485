import {
  GetResourcesCommand,
  type ResourceGroupsTaggingAPIClient,
  type ResourceTagMapping,
} from '@aws-sdk/client-resource-groups-tagging-api';
import { type CollectContext, defineCollector, load, type NodeRow } from '@skygraph/core';
import { streamWith } from '../../aws-clients.ts';
import type { AwsScopeContext } from '../../aws-context.ts';
import { paginate, requestSignal } from '../../paging.ts';
import {
  AWSTag,
  resourceTypeOfArn,
  TAGGABLE_RESOURCES,
  type TaggableResource,
  tagField,
  tagTargetId,
} from '../../schema/tags.ts';

const BY_TYPE = new Map(TAGGABLE_RESOURCES.map((r) => [r.resourceType, r]));

/**
 * The resource types asked for: every type of the mapping (at most 100 per
 * request, which the table stays under). Load balancers are asked for once:
 * the API's type is `elasticloadbalancing:loadbalancer` for every kind.
 */
export const TAG_RESOURCE_TYPE_FILTERS: readonly string[] = [
  ...new Set(TAGGABLE_RESOURCES.map((r) => r.resourceType.split('/')[0] ?? r.resourceType)),
];

type TagRow = NodeRow<typeof AWSTag> & Record<string, string[] | string>;

/** The mapping row of a tagged ARN; undefined for a type skygraph does not map. */
export function taggableOf(arn: string): TaggableResource | undefined {
  return BY_TYPE.get(resourceTypeOfArn(arn));
}

/**
 * AWSTag rows of one GetResources page: one per distinct key and value, with
 * the keys of the resources that carry it, per resource type. A tag key
 * without a value is `<key>:` as Cartography keys it.
 */
export function transformTagMappings(page: readonly ResourceTagMapping[]) {
  const rows = new Map<string, TagRow>();
  for (const mapping of page) {
    const arn = mapping.ResourceARN;
    const target = arn ? taggableOf(arn) : undefined;
    if (!arn || !target) continue;
    const field = tagField(target.resourceType);
    for (const tag of mapping.Tags ?? []) {
      if (tag.Key === undefined) continue;
      const value = tag.Value ?? '';
      const id = `${tag.Key}:${value}`;
      let row = rows.get(id);
      if (!row) {
        row = { id, key: tag.Key, value };
        rows.set(id, row);
      }
      const targets = (row[field] as string[] | undefined) ?? [];
      targets.push(tagTargetId(arn, target.idParser));
      row[field] = targets;
    }
  }
  return [load(AWSTag, [...rows.values()])] as const;
}

type Ctx = CollectContext<AwsScopeContext>;

async function* tagPages(ctx: Ctx, client: ResourceGroupsTaggingAPIClient) {
  for await (const page of paginate(
    ctx,
    'tagging:GetResources',
    (PaginationToken) =>
      client.send(
        new GetResourcesCommand({
          ResourceTypeFilters: [...TAG_RESOURCE_TYPE_FILTERS],
          ResourcesPerPage: 100,
          PaginationToken,
        }),
        { abortSignal: requestSignal(ctx.signal) },
      ),
    (p) => p.PaginationToken,
  )) {
    yield page.ResourceTagMappingList ?? [];
  }
}

/**
 * The tags of a region's resources (Resource Groups Tagging API), linked to
 * the nodes the other collectors wrote: it runs last in the region. A
 * resource whose node is not in the graph (a type skygraph does not collect,
 * or one collected by a scope that has not written it yet) gets no edge.
 */
export const tagsCollector = defineCollector<AwsScopeContext, ResourceTagMapping[]>({
  name: 'tagging:resources',
  schemas: [AWSTag],
  fetch: (ctx) => streamWith(ctx.context.clients.tagging(ctx.context.region), (c) => tagPages(ctx, c)),
  transform: (page) => transformTagMappings(page),
});
