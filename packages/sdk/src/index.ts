/**
 * The skygraph SDK: read the graph (typed query builder, query catalogue,
 * reports), watch it (change log, drift alerts, Elasticsearch export), and
 * run the demo estate. Importing it never writes the asset graph and loads
 * no cloud provider client: the demo estate and the Elasticsearch client load
 * on first use. The commands as functions: `@skygraph/sdk/cli`.
 */
export {
  builtinCatalogue,
  type Catalogue,
  CatalogueError,
  type CatalogueQuery,
  type CommunityQuery,
  createCatalogue,
  defineQuery,
  exportCommunityQueries,
  importCommunityQueries,
  type QueryResult,
  runCatalogueQuery,
  type ScopeFilter,
  SEVERITIES,
  type Severity,
  type TagExpression,
} from './catalogue/index.ts';
export { type ChangesQuery, changes, changesSince } from './changes/changes.ts';
export {
  type ConnectOptions,
  connect,
  createClient,
  GraphEmptyError,
  type GraphStatus,
  type SkygraphClient,
} from './client/index.ts';
export { DEMO_SCALE, type DemoEstate, type DemoEstateOptions, startDemoEstate } from './demo/index.ts';
export {
  type Alert,
  type AlertRules,
  createFileSnapshotStore,
  createGraphSnapshotStore,
  createSinks,
  type DeliveryRelease,
  type DriftReport,
  diffSnapshots,
  loadAlertRules,
  openSnapshotStore,
  parseAlertRules,
  type RunDriftOptions,
  runDrift,
  type SnapshotStore,
  signWebhookBody,
} from './drift/index.ts';
export { type ExportReport, exportToElasticsearch } from './export/index.ts';
export {
  type CompiledQuery,
  compileQuery,
  createGraph,
  type Graph,
  graph,
  param,
  type Queryable,
  QueryError,
  type RowOf,
} from './query/index.ts';
export {
  buildReport,
  defineReport,
  NAMED_REPORTS,
  namedReport,
  REPORT_NAMES,
  type Report,
  type ReportName,
  type ReportSpec,
  renderCsv,
  renderHtml,
  renderJson,
  renderMarkdown,
  renderTerminal,
} from './report/index.ts';
