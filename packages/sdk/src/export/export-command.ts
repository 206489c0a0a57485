import type { ConfigOf, Logger } from '@skygraph/core';
import type { WatchableQuery } from '../drift/finding-query.ts';
import { selectQueries } from '../drift/select-queries.ts';
import type { Queryable } from '../query/compiled-query.ts';
import { elasticsearchAuthFromEnv, readCaCertificate } from './elasticsearch-auth.ts';
import { type ExportReport, exportToElasticsearch } from './export-elasticsearch.ts';
import type { exportOptions } from './export-options.ts';

export interface ExportCommandOptions {
  /** The store or the read-only client. */
  readonly source: Queryable;
  /** The catalogue's queries (e.g. `builtinCatalogue.queries`). */
  readonly catalogue: readonly WatchableQuery[];
  /** The validated settings: `resolveConfig(exportOptions, ...)`. */
  readonly settings: ConfigOf<typeof exportOptions>;
  readonly env?: NodeJS.ProcessEnv;
  /** Where a dry run prints. */
  readonly stdout?: NodeJS.WritableStream;
  readonly log?: Logger;
}

/**
 * `skygraph export elasticsearch` in one call: selects the queries
 * (`--export-queries`, `--export-tags`; neither: every query with a
 * severity), reads the credentials and CA the settings name, exports.
 */
export async function runExportCommand(options: ExportCommandOptions): Promise<ExportReport> {
  const { settings } = options;
  const env = options.env ?? process.env;
  const selected =
    settings.exportQueries.length > 0 || settings.exportTags.length > 0
      ? selectQueries(options.catalogue, { names: settings.exportQueries, tags: settings.exportTags })
      : options.catalogue.filter((query) => query.severity !== undefined && query.severity !== null);
  const auth = settings.dryRun
    ? undefined
    : elasticsearchAuthFromEnv(
        {
          apiKeyEnvVar: settings.esApiKeyEnvVar,
          username: settings.esUsername,
          passwordEnvVar: settings.esPasswordEnvVar,
        },
        env,
      );
  return exportToElasticsearch({
    source: options.source,
    queries: selected,
    ...(settings.esUrl ? { node: settings.esUrl } : {}),
    ...(auth ? { auth } : {}),
    ...(settings.esCaCert && !settings.dryRun ? { caCertificate: readCaCertificate(settings.esCaCert) } : {}),
    indexPrefix: settings.esIndexPrefix,
    dryRun: settings.dryRun,
    ...(options.stdout ? { out: options.stdout } : {}),
    ...(options.log ? { log: options.log } : {}),
  });
}
