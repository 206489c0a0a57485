import { ConfigError, type ConfigOf, type GraphStore, type Logger } from '@skygraph/core';
import type { driftDryRunOption, driftOptions } from './drift-options.ts';
import type { WatchableQuery } from './finding-query.ts';
import { loadAlertRules } from './load-alert-rules.ts';
import { openSnapshotStore } from './open-snapshot-store.ts';
import { type DeliveryRelease, type DriftReport, runDrift } from './run-drift.ts';
import type { SnapshotStore } from './snapshot-store.ts';

/** The validated drift settings (`resolveConfig(driftOptions, ...)`), plus `--dry-run` when the command has it. */
export type DriftSettings = ConfigOf<typeof driftOptions> & Partial<ConfigOf<typeof driftDryRunOption>>;

export interface DriftCommandOptions {
  /** The store the sync wrote: queries run on it, and snapshots live in it unless `--snapshot-dir` is set. */
  readonly store: GraphStore;
  /** The catalogue's queries (e.g. `builtinCatalogue.queries`). */
  readonly catalogue: readonly WatchableQuery[];
  readonly settings: DriftSettings;
  readonly env?: NodeJS.ProcessEnv;
  /** Where the stdout sink writes. */
  readonly stdout?: NodeJS.WritableStream;
  readonly log?: Logger;
  readonly signal?: AbortSignal;
  /**
   * Reopens the store after delivery. Given, `store` is closed while alerts
   * are delivered, and the outcome is recorded in a reopened one, which the
   * run closes before it returns.
   */
  readonly reopen?: () => Promise<GraphStore>;
}

/**
 * `skygraph drift` and `collect --then-drift` in one call: reads the rules
 * file, picks the snapshot store, runs drift. A run with neither rules nor
 * a query selection has nothing to watch and is a configuration error.
 *
 * @example
 * const settings = resolveConfig(driftOptions, { flags, env: process.env });
 * const report = await runDriftCommand({ store, catalogue: builtinCatalogue.queries, settings });
 * return report.status === 'ok' ? 0 : 1;
 */
export async function runDriftCommand(options: DriftCommandOptions): Promise<DriftReport> {
  const { settings } = options;
  if (!settings.alertRules && settings.driftQueries.length === 0 && settings.driftTags.length === 0) {
    throw new ConfigError(
      'drift has nothing to watch: pass --alert-rules, or --drift-queries / --drift-tags',
    );
  }
  let reopened: GraphStore | undefined;
  const reopen = options.reopen;
  try {
    return await runDrift({
      source: options.store,
      catalogue: options.catalogue,
      ...(settings.alertRules ? { rules: loadAlertRules(settings.alertRules) } : {}),
      select: { names: settings.driftQueries, tags: settings.driftTags },
      snapshots: openSnapshotStore(options.store, settings),
      ...(reopen
        ? {
            release: releaseWhileDelivering(options, async () => {
              reopened = await reopen();
              return reopened;
            }),
          }
        : {}),
      namespace: settings.driftNamespace,
      retention: settings.snapshotRetention,
      dryRun: settings.dryRun ?? false,
      ...(options.env ? { env: options.env } : {}),
      ...(options.stdout ? { stdout: options.stdout } : {}),
      ...(options.log ? { log: options.log } : {}),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } finally {
    await reopened?.close();
  }
}

/** Closes the store for delivery; reopens it only if the snapshots live there. */
function releaseWhileDelivering(
  options: DriftCommandOptions,
  reopen: () => Promise<GraphStore>,
): DeliveryRelease {
  return {
    release: () => options.store.close(),
    async reacquire(): Promise<SnapshotStore> {
      // Snapshots in a folder: the graph store is not needed again.
      if (options.settings.snapshotDir) return openSnapshotStore(options.store, options.settings);
      return openSnapshotStore(await reopen(), options.settings);
    },
  };
}
