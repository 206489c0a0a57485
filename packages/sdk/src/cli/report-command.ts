import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, defineOption } from '@skygraph/core';
import { Command } from 'commander';
import { z } from 'zod';
import { createClient } from '../client/index.ts';
import {
  buildReport,
  NAMED_REPORTS,
  REPORT_NAMES,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
} from '../report/index.ts';
import type { CliIo } from './cli-io.ts';
import { connectionOptions, openReadStore, resolveCommandConfig, withConnection } from './connection.ts';
import { loadCatalogue } from './query-command.ts';
import { scopeFilterOf, scopeOptions } from './read-options.ts';

const FORMATS = ['terminal', 'md', 'csv', 'json', 'html'] as const;

const reportOwnOptions = {
  ...scopeOptions,
  format: defineOption({
    flag: 'format',
    kind: 'string',
    valueName: '<format>',
    description: `Output: ${FORMATS.join(', ')} (html is one self-contained file; csv is a folder of files with -o)`,
    schema: z.enum(FORMATS, { error: `expected one of ${FORMATS.join(', ')}` }).default('terminal'),
    group: 'report',
  }),
  output: defineOption({
    flag: 'output',
    kind: 'string',
    valueName: '<file>',
    description: 'Write to this file (a folder for csv) instead of standard output',
    schema: z.string().min(1).optional(),
    group: 'report',
  }),
  queries: defineOption({
    flag: 'queries',
    kind: 'string',
    valueName: '<file>',
    description: 'Add the queries of a community-format queries.json file to the catalogue',
    schema: z.string().min(1).optional(),
    group: 'report',
  }),
};
const reportOptions = { ...connectionOptions, ...reportOwnOptions };

/** `skygraph report <name>`: a named report rendered for people (terminal, HTML) or machines (JSON, CSV). */
export function reportCommand(io: CliIo, done: (code: number) => void): Command {
  const command = withConnection(
    new Command('report')
      .argument('[name]', `report to build: ${REPORT_NAMES.join(', ')}`)
      .option('-o <file>', 'short for --output')
      .option('--list', 'list the named reports')
      .description('Build a named report (inventory, security, networking per provider; overview)'),
    reportOwnOptions,
  );
  command.action(async (name: string | undefined) => {
    const opts = command.opts();
    if (opts.list) {
      for (const report of Object.values(NAMED_REPORTS))
        io.stdout.write(`${report.name.padEnd(18)} ${report.description}\n`);
      return done(0);
    }
    if (!name) throw new ConfigError(`name a report: ${REPORT_NAMES.join(', ')}`);
    if (!REPORT_NAMES.includes(name as (typeof REPORT_NAMES)[number])) {
      throw new ConfigError(`unknown report "${name}"; known: ${REPORT_NAMES.join(', ')}`);
    }
    const config = resolveCommandConfig(command, io, reportOptions);
    const output = config.output ?? (opts.o as string | undefined);
    const catalogue = loadCatalogue(config.queries);
    const store = await openReadStore(config, io.env);
    const client = createClient(store, { catalogue, ownsStore: true });
    try {
      const scope = scopeFilterOf(config);
      const report = await buildReport(client, name, { catalogue, ...(scope ? { scope } : {}) });
      const write = (text: string) => {
        if (output) writeFileSync(output, text);
        else io.stdout.write(text);
      };
      switch (config.format) {
        case 'html':
          write(renderHtml(report));
          break;
        case 'json':
          write(renderJson(report));
          break;
        case 'md':
          write(renderMarkdown(report));
          break;
        case 'csv': {
          const files = renderCsv(report);
          if (output) {
            mkdirSync(output, { recursive: true });
            for (const file of files) writeFileSync(join(output, file.filename), file.content);
          } else {
            for (const file of files) io.stdout.write(`# ${file.filename}\n${file.content}`);
          }
          break;
        }
        default:
          write(renderTerminal(report, { color: !output && io.stdout.isTTY === true }));
      }
      if (output) io.stderr.write(`report ${name} written to ${output}\n`);
      done(report.summary.queries.failed > 0 ? 1 : 0);
    } finally {
      await client.close();
    }
  });
  return command;
}
