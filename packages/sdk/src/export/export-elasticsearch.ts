import { randomUUID } from 'node:crypto';
import type { Client } from '@elastic/elasticsearch';
import { ConfigError, errorMessage, type Logger, SkygraphError, silentLogger } from '@skygraph/core';
import { isCatalogueQuery, toFindingQuery, type WatchableQuery } from '../drift/finding-query.ts';
import type { Queryable } from '../query/compiled-query.ts';
import type { ElasticsearchAuth } from './elasticsearch-auth.ts';
import { type ExportDocument, type ExportQuery, toExportDocuments } from './export-documents.ts';
import { dailyIndexName, validateIndexPrefix } from './index-name.ts';
import { buildIndexTemplate, type IndexTemplate } from './index-template.ts';

export interface ExportToElasticsearchOptions {
  /** Runs the queries: a `GraphStore` or the SDK client. */
  readonly source: Queryable;
  /** Catalogue entries (`catalogue.select({ tags: ... })`) or hand-written queries. */
  readonly queries: readonly (WatchableQuery | ExportQuery)[];
  /** The cluster URL, e.g. `https://es.example.com:9200` (not needed for a dry run). */
  readonly node?: string;
  readonly auth?: ElasticsearchAuth;
  /** PEM CA certificate(s) for a cluster with a private CA. */
  readonly caCertificate?: string;
  /** Daily indices are `<prefix>-YYYY.MM.DD` (default `skygraph`). */
  readonly indexPrefix?: string;
  /** Parameters for the queries (a catalogue query takes those it declares). */
  readonly params?: Readonly<Record<string, unknown>>;
  /** Print what would be sent to `out` and send nothing: no request at all. */
  readonly dryRun?: boolean;
  readonly out?: NodeJS.WritableStream;
  readonly now?: Date;
  readonly runId?: string;
  /** Bulk request size in bytes (default 5 MB). */
  readonly flushBytes?: number;
  /** Bulk requests in flight (default 2). */
  readonly concurrency?: number;
  /** Retries of a document Elasticsearch throttled (429), per document (default 3). */
  readonly retries?: number;
  /** Retries of a request that failed to connect or got a 502/503/504 (default 3). */
  readonly maxRetries?: number;
  readonly log?: Logger;
}

/** What an export did. */
export interface ExportReport {
  readonly index: string;
  /** What happened to the index template. */
  readonly template: 'installed' | 'updated' | 'unchanged' | 'dry-run';
  readonly dryRun: boolean;
  readonly queries: readonly { readonly query: string; readonly rows: number; readonly error?: string }[];
  readonly documents: number;
  readonly indexed: number;
  readonly failed: number;
  /** The first errors (per document or per query), for the operator. */
  readonly errors: readonly string[];
  /** `failed` when a query failed or a document was refused (exit non-zero). */
  readonly status: 'ok' | 'failed';
}

/**
 * Runs catalogue queries and bulk-indexes every result row into today's
 * index `<prefix>-YYYY.MM.DD`, each document enriched with the query's name,
 * id, description, columns, severity and `@timestamp`. The index template is
 * installed first, only when missing or different. A dry run makes no
 * request at all and prints the template and the bulk body instead.
 *
 * @example
 * const report = await exportToElasticsearch({
 *   source: store,
 *   queries: selectQueries(catalogue, { tags: ['security'] }),
 *   node: 'https://es.example.com:9200',
 *   auth: elasticsearchAuthFromEnv({ apiKeyEnvVar: 'ES_API_KEY' }),
 * });
 */
export async function exportToElasticsearch(options: ExportToElasticsearchOptions): Promise<ExportReport> {
  const prefix = validateIndexPrefix(options.indexPrefix ?? 'skygraph');
  const now = options.now ?? new Date();
  const runId = options.runId ?? randomUUID();
  const index = dailyIndexName(prefix, now);
  const template = buildIndexTemplate(prefix);
  const log = options.log ?? silentLogger();
  const dryRun = options.dryRun ?? false;
  if (!dryRun && !options.node)
    throw new ConfigError('--es-url: the Elasticsearch URL is required (or use --dry-run)');

  const queryReports: { query: string; rows: number; error?: string }[] = [];
  const errorsSeen: string[] = [];
  const context = { index, timestamp: now.toISOString(), runId };
  let documents = 0;
  // Rows stream query by query into the bulk helper: one query's result in memory at a time.
  async function* allDocuments(): AsyncGenerator<ExportDocument> {
    for (const given of options.queries) {
      let rows: Record<string, unknown>[];
      let query: ExportQuery = given as ExportQuery;
      try {
        query = isCatalogueQuery(given)
          ? toFindingQuery(given, options.params)
          : { ...query, params: { ...query.params, ...options.params } };
        rows = await options.source.read(query.cypher, { ...query.params });
      } catch (error) {
        const message = `query "${query.name}" failed: ${errorMessage(error)}`;
        queryReports.push({ query: query.name, rows: 0, error: message });
        errorsSeen.push(message);
        log.error({ query: query.name, err: errorMessage(error) }, 'export: query failed');
        continue;
      }
      queryReports.push({ query: query.name, rows: rows.length });
      for (const doc of toExportDocuments(query, rows, context)) {
        documents += 1;
        yield doc;
      }
    }
  }

  if (dryRun) {
    const out = options.out ?? process.stdout;
    out.write(`# dry run: nothing is sent to Elasticsearch; this is what would be.\n`);
    out.write(`PUT /_index_template/${template.name}\n${JSON.stringify(template.body)}\n`);
    out.write('POST /_bulk\n');
    for await (const doc of allDocuments()) {
      out.write(
        `${JSON.stringify({ index: { _index: doc.index, _id: doc.id } })}\n${JSON.stringify(doc.source)}\n`,
      );
    }
    out.write(`# ${documents} documents into ${index}\n`);
    return report('dry-run', 0, 0);
  }

  // The client (and its HTTP stack) loads only when an export really talks to a cluster.
  const elasticsearch = await import('@elastic/elasticsearch');
  const client = new elasticsearch.Client({
    node: options.node as string,
    ...(options.auth ? { auth: options.auth } : {}),
    ...(options.caCertificate ? { tls: { ca: options.caCertificate } } : {}),
    maxRetries: options.maxRetries ?? 3,
    requestTimeout: 60_000,
  });
  try {
    const templateState = await installTemplate(
      client,
      template,
      safeUrl(options.node as string),
      elasticsearch.errors.ResponseError,
    );
    log.info({ template: template.name, state: templateState }, 'export: index template');
    const meta = new WeakMap<object, { index: string; id: string }>();
    let failed = 0;
    const stats = await client.helpers.bulk<Record<string, unknown>>({
      datasource: (async function* () {
        for await (const doc of allDocuments()) {
          meta.set(doc.source, { index: doc.index, id: doc.id });
          yield doc.source;
        }
      })()[Symbol.asyncIterator](),
      onDocument: (source) => {
        const where = meta.get(source);
        return { index: { _index: where?.index ?? index, ...(where ? { _id: where.id } : {}) } };
      },
      onDrop: (dropped) => {
        failed += 1;
        if (errorsSeen.length < 20) {
          errorsSeen.push(
            `document refused (HTTP ${dropped.status}): ${dropped.error?.type ?? 'error'}: ${dropped.error?.reason ?? 'no reason given'}`,
          );
        }
      },
      flushBytes: options.flushBytes ?? 5_000_000,
      concurrency: options.concurrency ?? 2,
      retries: options.retries ?? 3,
      wait: 1000,
    });
    log.info({ index, indexed: stats.successful, failed: stats.failed, bytes: stats.bytes }, 'export: done');
    return report(templateState, stats.successful, failed);
  } catch (error) {
    if (error instanceof SkygraphError) throw error;
    throw new SkygraphError(
      'EXPORT_FAILED',
      `Elasticsearch at ${safeUrl(options.node as string)}: ${errorMessage(error)}`,
      { cause: error },
    );
  } finally {
    await client.close();
  }

  function report(templateState: ExportReport['template'], indexed: number, failed: number): ExportReport {
    return {
      index,
      template: templateState,
      dryRun,
      queries: queryReports,
      documents,
      indexed,
      failed,
      errors: errorsSeen,
      status: failed > 0 || queryReports.some((q) => q.error !== undefined) ? 'failed' : 'ok',
    };
  }
}

/** Installs the template unless the cluster already has this exact one. */
async function installTemplate(
  client: Client,
  template: IndexTemplate,
  where: string,
  ResponseError: typeof import('@elastic/elasticsearch').errors.ResponseError,
): Promise<'installed' | 'updated' | 'unchanged'> {
  let existingHash: unknown;
  let exists = false;
  try {
    const found = await client.indices.getIndexTemplate({ name: template.name });
    const current = found.index_templates.find((t) => t.name === template.name);
    exists = current !== undefined;
    existingHash = current?.index_template._meta?.hash;
  } catch (error) {
    if (!(error instanceof ResponseError && error.statusCode === 404)) {
      throw new SkygraphError(
        'EXPORT_FAILED',
        `Elasticsearch at ${where}: cannot read index templates: ${errorMessage(error)}`,
        {
          cause: error,
        },
      );
    }
  }
  if (existingHash === template.body._meta.hash) return 'unchanged';
  await client.indices.putIndexTemplate({ name: template.name, ...template.body });
  return exists ? 'updated' : 'installed';
}

/** The URL without credentials, for messages. */
function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.toString().replace(/\/$/, '');
  } catch {
    return '(invalid URL)';
  }
}
