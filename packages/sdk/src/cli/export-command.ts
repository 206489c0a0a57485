import { readFileSync } from 'node:fs';
import { ConfigError } from '@skygraph/core';
import { Command } from 'commander';
import { builtinCatalogue } from '../catalogue/index.ts';
import { createClient } from '../client/index.ts';
import { elasticsearchAuthFromEnv, exportOptions, exportToElasticsearch } from '../export/index.ts';
import type { CliIo } from './cli-io.ts';
import { connectionOptions, openReadStore, resolveCommandConfig, withConnection } from './connection.ts';

const exportAll = { ...connectionOptions, ...exportOptions };

/** `skygraph export elasticsearch`: catalogue query results into daily indices. */
export function exportCommand(io: CliIo, done: (code: number) => void): Command {
  const command = new Command('export').description('Ship query results to other systems');
  const elasticsearch = withConnection(
    new Command('elasticsearch').description(
      'Run catalogue queries (by --export-tags/--export-queries) and bulk-index every row into <prefix>-YYYY.MM.DD',
    ),
    exportOptions,
  );
  elasticsearch.action(async () => {
    const config = resolveCommandConfig(elasticsearch, io, exportAll);
    if (!config.dryRun && !config.esUrl)
      throw new ConfigError('--es-url is required (or --dry-run to see what would be sent)');
    const queries = builtinCatalogue.select({
      ...(config.exportQueries.length > 0 ? { names: config.exportQueries } : {}),
      ...(config.exportTags.length > 0 ? { tags: { anyOf: config.exportTags } } : {}),
    });
    if (queries.length === 0)
      throw new ConfigError('no catalogue query matches --export-queries/--export-tags');
    const auth = elasticsearchAuthFromEnv(
      {
        ...(config.esApiKeyEnvVar ? { apiKeyEnvVar: config.esApiKeyEnvVar } : {}),
        ...(config.esUsername ? { username: config.esUsername } : {}),
        ...(config.esPasswordEnvVar ? { passwordEnvVar: config.esPasswordEnvVar } : {}),
      },
      io.env,
    );
    const store = await openReadStore(config, io.env);
    const client = createClient(store, { catalogue: builtinCatalogue, ownsStore: true });
    try {
      const report = await exportToElasticsearch({
        source: client,
        queries,
        ...(config.esUrl ? { node: config.esUrl } : {}),
        ...(auth ? { auth } : {}),
        ...(config.esCaCert ? { caCertificate: readFileSync(config.esCaCert, 'utf8') } : {}),
        indexPrefix: config.esIndexPrefix,
        dryRun: config.dryRun,
        out: io.stdout,
      });
      io.stderr.write(
        `export ${report.status}${report.dryRun ? ' (dry run)' : ''}: ${report.documents} documents from ${report.queries.length} queries into ${report.index}, ${report.indexed} indexed, ${report.failed} failed; template ${report.template}\n` +
          report.errors.map((e) => `error: ${e}\n`).join(''),
      );
      done(report.status === 'ok' ? 0 : 1);
    } finally {
      await client.close();
    }
  });
  command.addCommand(elasticsearch);
  return command;
}
