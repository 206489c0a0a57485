import type { SyncResult } from '@skygraph/core';
import Table from 'cli-table3';

/** The end-of-run table: per provider and account (or project, domain), what was written, how long, what failed. */
export function summaryTable(result: SyncResult, options: { color?: boolean } = {}): string {
  const groups = new Map<
    string,
    {
      provider: string;
      owner: string;
      scopes: number;
      failed: number;
      nodes: number;
      rels: number;
      deleted: number;
      ms: number;
      errors: string[];
    }
  >();
  for (const scope of result.scopes) {
    const owner = scope.labels.accountName
      ? `${scope.labels.account} (${scope.labels.accountName})`
      : (scope.labels.account ?? scope.labels.project ?? scope.labels.customer ?? scope.owner.value);
    const key = `${scope.provider}\u0000${owner}`;
    const group = groups.get(key) ?? {
      provider: scope.provider,
      owner,
      scopes: 0,
      failed: 0,
      nodes: 0,
      rels: 0,
      deleted: 0,
      ms: 0,
      errors: [],
    };
    group.scopes += 1;
    if (scope.status !== 'success') group.failed += 1;
    group.nodes += scope.nodes;
    group.rels += scope.relationships;
    group.deleted += scope.deleted;
    group.ms = Math.max(group.ms, scope.durationMs);
    if (scope.error) group.errors.push(`${scope.labels.region ?? scope.id}: ${scope.error}`);
    groups.set(key, group);
  }
  const table = new Table({
    head: [
      'provider',
      'account / project',
      'scopes',
      'failed',
      'nodes',
      'relationships',
      'deleted',
      'slowest scope',
      'errors',
    ],
    wordWrap: true,
    ...(options.color ? {} : { style: { head: [], border: [] } }),
    colWidths: [10, 34, 8, 8, 9, 15, 9, 15, 50],
  });
  for (const group of [...groups.values()].sort(
    (a, b) => a.provider.localeCompare(b.provider) || a.owner.localeCompare(b.owner),
  )) {
    table.push([
      group.provider,
      group.owner,
      group.scopes,
      group.failed,
      group.nodes,
      group.rels,
      group.deleted,
      `${(group.ms / 1000).toFixed(1)} s`,
      group.errors.slice(0, 3).join('\n') +
        (group.errors.length > 3 ? `\n… ${group.errors.length - 3} more` : ''),
    ]);
  }
  const planErrors = result.errors.filter((e) => !e.scope);
  const lines = [
    table.toString(),
    `run ${result.runId} (update tag ${result.updateTag}): ${result.status} in ${(result.durationMs / 1000).toFixed(1)} s — ` +
      `${result.counts.nodes} nodes, ${result.counts.relationships} relationships written, ${result.counts.deleted} stale deleted, ` +
      `${result.counts.requests} API requests, ${result.counts.retries} retries`,
    ...planErrors.map((e) => `${e.provider}: ${e.message}`),
  ];
  return `${lines.join('\n')}\n`;
}
