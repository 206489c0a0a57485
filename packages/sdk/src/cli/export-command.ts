import { ConfigError } from '@skygraph/core';
import { Command } from 'commander';
import { builtinCatalogue } from '../catalogue/index.ts';
import { createClient } from '../client/index.ts';
import { exportOptions, runExportCommand } from '../export/index.ts';
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
    const store = await openReadStore(config, io.env);
    const client = createClient(store, { catalogue: builtinCatalogue, ownsStore: true });
    try {
      const report = await runExportCommand({
        source: client,
        catalogue: builtinCatalogue.queries,
        settings: config,
        env: io.env,
        stdout: io.stdout,
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
