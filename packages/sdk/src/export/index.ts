export {
  type ElasticsearchAuth,
  type ElasticsearchAuthSettings,
  elasticsearchAuthFromEnv,
  readCaCertificate,
} from './elasticsearch-auth.ts';
export { type ExportCommandOptions, runExportCommand } from './export-command.ts';
export {
  type DocumentContext,
  type ExportDocument,
  type ExportQuery,
  toExportDocuments,
} from './export-documents.ts';
export {
  type ExportReport,
  type ExportToElasticsearchOptions,
  exportToElasticsearch,
} from './export-elasticsearch.ts';
export { exportOptions } from './export-options.ts';
export { fieldNamesFor, RESERVED_FIELDS, sanitizeFieldName, sanitizeValue } from './field-names.ts';
export { dailyIndexName, validateIndexPrefix } from './index-name.ts';
export { buildIndexTemplate, type IndexTemplate } from './index-template.ts';
