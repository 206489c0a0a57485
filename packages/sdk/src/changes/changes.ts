import { type AnyNodeSchema, type ChangeEntry, readChanges } from '@skygraph/core';
import type { Queryable } from '../query/compiled-query.ts';
import { graph } from '../query/schema-graph.ts';

/**
 * Every name a node type's changes were logged under: its current label and
 * its legacy ones (entries written before the type took Cartography's
 * current label carry the old one), whichever of them is given.
 */
export function labelNames(label: string): string[] {
  const schema = (graph.model as Record<string, (AnyNodeSchema & { aliasOf?: string }) | undefined>)[label];
  if (!schema) return [label];
  const current = schema.aliasOf ?? schema.label;
  const legacy = (graph.model as Record<string, AnyNodeSchema | undefined>)[current]?.legacyLabels ?? [];
  return [...new Set([label, current, ...legacy])];
}

/** Filters of {@link changes}. */
export interface ChangesQuery {
  /** A node label, e.g. `AWSEC2SecurityGroup` (its legacy name `EC2SecurityGroup` finds the same changes). */
  label?: string;
  /** An AWS account id (or a GCP project id, a Workspace customer id). */
  account?: string;
  /** A Date, or epoch milliseconds. */
  since?: Date | number;
  kinds?: readonly ChangeEntry['kind'][];
  limit?: number;
}

/**
 * What syncs added, removed and changed, newest first.
 *
 * @example
 * const opened = await changes(client, { label: 'AWSEC2SecurityGroup', account: '123456789012', since: Date.now() - 86_400_000 });
 */
export function changes(client: Queryable, query: ChangesQuery = {}): Promise<ChangeEntry[]> {
  return readChanges(client, {
    ...(query.label === undefined ? {} : { label: labelNames(query.label) }),
    ...(query.account === undefined ? {} : { owner: query.account }),
    ...(query.since === undefined
      ? {}
      : { since: typeof query.since === 'number' ? query.since : query.since.getTime() }),
    ...(query.kinds === undefined ? {} : { kinds: query.kinds }),
    ...(query.limit === undefined ? {} : { limit: query.limit }),
  });
}

/** Everything one sync run changed (its run id is in the sync result and the run's SyncMetadata node). */
export function changesSince(client: Queryable, runId: string): Promise<ChangeEntry[]> {
  return readChanges(client, { runId });
}
