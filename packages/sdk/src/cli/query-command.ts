import { readFileSync } from 'node:fs';
import { ConfigError, defineOption, type Row } from '@skygraph/core';
import Table from 'cli-table3';
import { Command } from 'commander';
import { z } from 'zod';
import {
  builtinCatalogue,
  type Catalogue,
  CatalogueError,
  type CatalogueQuery,
  importCommunityQueries,
  prepareQuery,
} from '../catalogue/index.ts';
import { createClient } from '../client/index.ts';
import {
  buildReport,
  escapeMarkdown,
  formatValue,
  type ReportSpec,
  renderCsv,
  renderMarkdown,
  renderTerminal,
  toCsv,
} from '../report/index.ts';
import type { CliIo } from './cli-io.ts';
import { connectionOptions, openReadStore, resolveCommandConfig, withConnection } from './connection.ts';
import { scopeFilterOf, scopeOptions } from './read-options.ts';

const FORMATS = ['table', 'json', 'csv', 'md'] as const;

const queryOptions = {
  ...connectionOptions,
  ...scopeOptions,
  list: defineOption({
    flag: 'list',
    kind: 'boolean',
    description:
      'List the catalogue queries (filtered by names/--tags/--min-severity) instead of running them',
    schema: z.boolean().default(false),
    group: 'query',
  }),
  tags: defineOption({
    flag: 'tags',
    kind: 'string',
    valueName: '<expr>',
    description:
      'Tag expression: commas = all of, | = any of, ! = none of (e.g. "aws,security|networking,!drift")',
    schema: z.string().min(1).optional(),
    group: 'query',
  }),
  minSeverity: defineOption({
    flag: 'min-severity',
    kind: 'string',
    valueName: '<level>',
    description: 'Only findings at least this severe: info, low, medium, high, critical',
    schema: z
      .enum(['info', 'low', 'medium', 'high', 'critical'], {
        error: 'expected info, low, medium, high or critical',
      })
      .optional(),
    group: 'query',
  }),
  format: defineOption({
    flag: 'format',
    kind: 'string',
    valueName: '<format>',
    description: 'Output: table, json, csv or md',
    schema: z.enum(FORMATS, { error: `expected one of ${FORMATS.join(', ')}` }).default('table'),
    group: 'query',
  }),
  cypher: defineOption({
    flag: 'cypher',
    kind: 'string',
    valueName: '<query>',
    description: 'Run this read-only Cypher instead of catalogue queries',
    schema: z.string().min(1).optional(),
    group: 'query',
  }),
  param: defineOption({
    flag: 'param',
    kind: 'list',
    valueName: '<key=value,...>',
    description: 'Query parameters, e.g. --param days=30,cidr=10.0.0.0/8 (numbers and true/false are typed)',
    schema: z.array(z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*=.*$/, 'expected key=value')).default([]),
    group: 'query',
  }),
  queries: defineOption({
    flag: 'queries',
    kind: 'string',
    valueName: '<file>',
    description: 'Add the queries of a community-format queries.json file to the catalogue',
    schema: z.string().min(1).optional(),
    group: 'query',
  }),
  maxRows: defineOption({
    flag: 'max-rows',
    kind: 'number',
    valueName: '<n>',
    description: 'Rows shown per query in table/md output (default 50)',
    schema: z.number().int().positive().default(50),
    group: 'query',
  }),
};

/** `skygraph query`: list, filter and run catalogue queries, or ad-hoc read-only Cypher. */
export function queryCommand(io: CliIo, done: (code: number) => void): Command {
  const {
    store: _s,
    neo4jUser: _u,
    neo4jPasswordEnvVar: _p,
    neo4jDatabase: _d,
    logLevel: _l,
    jsonLogs: _j,
    ...own
  } = queryOptions;
  const command = withConnection(
    new Command('query')
      .argument('[names...]', 'catalogue queries to run')
      .description('List and run catalogue queries, or ad-hoc Cypher (read-only)'),
    own,
  );
  command.action(async (names: string[]) => {
    const config = resolveCommandConfig(command, io, queryOptions);
    const catalogue = loadCatalogue(config.queries);
    const params = parseParams(config.param);
    const selector = {
      ...(names.length > 0 ? { names } : {}),
      ...(config.tags ? { tags: config.tags } : {}),
      ...(config.minSeverity ? { minSeverity: config.minSeverity } : {}),
    };
    if (config.list) {
      listQueries(catalogue, selector, config.format, io);
      return done(0);
    }
    if (!config.cypher && names.length === 0 && !config.tags && !config.minSeverity) {
      throw new ConfigError(
        'name queries to run, or pass --tags, --min-severity, --cypher, or --list to see the catalogue',
      );
    }
    const store = await openReadStore(config, io.env);
    const client = createClient(store, { catalogue, ownsStore: true });
    try {
      if (config.cypher) {
        const rows = await client.read(config.cypher, params);
        io.stdout.write(formatRows(rows, config.format));
        return done(0);
      }
      const selected = catalogue.select(selector);
      if (selected.length === 0)
        throw new ConfigError('no catalogue query matches the names/tags given (see --list)');
      const perQuery = paramsPerQuery(selected, params);
      const spec: ReportSpec = {
        name: 'query',
        title: 'Query results',
        description: '',
        providers: [],
        sections: [{ title: 'Results', select: { names: selected.map((q) => q.name) } }],
      };
      const scope = scopeFilterOf(config);
      const report = await buildReport(client, spec, {
        catalogue,
        ...(scope ? { scope } : {}),
        params: perQuery,
      });
      const results = report.sections.flatMap((s) => s.results);
      switch (config.format) {
        case 'json':
          io.stdout.write(
            `${JSON.stringify(
              results.map((r) => ({
                query: r.query.name,
                severity: r.query.severity ?? null,
                rows: r.rows,
                ...(r.skipped ? { skipped: r.skipped } : {}),
                ...(r.error ? { error: r.error } : {}),
              })),
              null,
              2,
            )}\n`,
          );
          break;
        case 'csv':
          for (const file of renderCsv(report).filter(
            (f) => f.filename !== 'summary.csv' || results.length > 1,
          )) {
            if (results.length > 1) io.stdout.write(`# ${file.filename}\n`);
            io.stdout.write(file.content.endsWith('\n') ? file.content : `${file.content}\n`);
          }
          break;
        case 'md':
          io.stdout.write(renderMarkdown(report, { maxRows: config.maxRows }));
          break;
        default:
          io.stdout.write(
            renderTerminal(report, { color: io.stdout.isTTY === true, maxRows: config.maxRows }),
          );
      }
      done(results.some((r) => r.error) ? 1 : 0);
    } finally {
      await client.close();
    }
  });
  return command;
}

/** The built-in catalogue, plus the queries of a community-format file. */
export function loadCatalogue(file: string | undefined): Catalogue {
  if (!file) return builtinCatalogue;
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`--queries: cannot read ${file}: ${(error as Error).message}`);
  }
  const imported = importCommunityQueries(text);
  return builtinCatalogue.with(imported.queries);
}

/**
 * The `--param` values each selected query declares, checked before anything
 * runs: a parameter no selected query has, or a value of the wrong type, is a
 * usage error (exit 2), not a failed query.
 */
function paramsPerQuery(
  selected: readonly CatalogueQuery[],
  params: Record<string, unknown>,
): Record<string, Record<string, unknown>> {
  for (const name of Object.keys(params)) {
    if (!selected.some((q) => q.parameters.some((p) => p.name === name))) {
      const known = [...new Set(selected.flatMap((q) => q.parameters.map((p) => p.name)))];
      throw new ConfigError(
        `--param: no selected query has a parameter "${name}"${known.length > 0 ? ` (they have ${known.join(', ')})` : ''}`,
      );
    }
  }
  const out: Record<string, Record<string, unknown>> = {};
  for (const query of selected) {
    const own = Object.fromEntries(
      Object.entries(params).filter(([name]) => query.parameters.some((p) => p.name === name)),
    );
    try {
      prepareQuery(query, { params: own });
    } catch (error) {
      if (error instanceof CatalogueError)
        throw new ConfigError(`--param: ${error.message}`, { cause: error });
      throw error;
    }
    out[query.name] = own;
  }
  return out;
}

function parseParams(pairs: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index <= 0) throw new ConfigError(`--param: expected name=value, got "${pair}"`);
    const key = pair.slice(0, index);
    const raw = pair.slice(index + 1);
    out[key] =
      raw === 'true'
        ? true
        : raw === 'false'
          ? false
          : raw !== '' && !Number.isNaN(Number(raw))
            ? Number(raw)
            : raw;
  }
  return out;
}

function listQueries(
  catalogue: Catalogue,
  selector: Parameters<Catalogue['select']>[0],
  format: string,
  io: CliIo,
): void {
  const queries = catalogue.select(selector);
  if (format === 'json') {
    io.stdout.write(
      `${JSON.stringify(
        queries.map((q) => ({
          name: q.name,
          severity: q.severity ?? null,
          tags: q.tags,
          description: q.description,
        })),
        null,
        2,
      )}\n`,
    );
    return;
  }
  const table = new Table({
    head: ['name', 'severity', 'tags', 'description'],
    wordWrap: true,
    colWidths: [36, 10, 30, 70],
    style: { head: [], border: [] },
  });
  for (const q of queries) table.push([q.name, q.severity ?? '', q.tags.join(', '), q.description]);
  io.stdout.write(`${table.toString()}\n${queries.length} queries\n`);
}

function formatRows(rows: readonly Row[], format: string): string {
  const names = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const columns = names.map((name) => ({ name, spec: 'json?' as const }));
  if (format === 'json') return `${JSON.stringify(rows, null, 2)}\n`;
  if (format === 'csv') return toCsv(columns, rows);
  if (format === 'md') {
    const cell = (v: unknown) => escapeMarkdown(formatValue(v)).replaceAll('|', '\\|');
    return `${[`| ${names.map(cell).join(' | ')} |`, `| ${names.map(() => '---').join(' | ')} |`, ...rows.map((r) => `| ${names.map((c) => cell(r[c])).join(' | ')} |`)].join('\n')}\n`;
  }
  const table = new Table({ head: names, style: { head: [], border: [] } });
  for (const r of rows) table.push(names.map((c) => formatValue(r[c])));
  return `${table.toString()}\n${rows.length} rows\n`;
}
