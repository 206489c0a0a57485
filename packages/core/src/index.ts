export { coreOptions } from './config/core-options.ts';
export {
  type ConfigOf,
  type ConfigSources,
  camelOf,
  defineOption,
  envNameOf,
  isSecretOption,
  type OptionKind,
  type OptionSpec,
  optionSchemas,
  resolveConfig,
} from './config/options.ts';
export { cleanupCypher } from './cypher/cleanup.ts';
export { type IndexSpec, indexCypher, schemaIndexes } from './cypher/indexes.ts';
export type { Statement } from './cypher/statement.ts';
export { upsertNodesCypher, upsertRelCypher, writerStamp } from './cypher/upsert.ts';
export { causeChain, causeCode, isTimeoutError } from './errors/cause-chain.ts';
export {
  CancelledError,
  CollectError,
  ConfigError,
  type ErrorContext,
  type ErrorKind,
  errorMessage,
  LeaseConflictError,
  SkygraphError,
  StoreError,
  StoreMemoryError,
} from './errors/skygraph-error.ts';
export {
  createLogger,
  type Logger,
  type LoggerOptions,
  type LogLevel,
  REDACTED_PATHS,
  silentLogger,
} from './log/logger.ts';
export {
  type AnyNodeSchema,
  BOOKKEEPING_PROPERTIES,
  defineNode,
  defineRel,
  HASH_PROPERTY,
  type NodeProps,
  type NodeRef,
  type NodeRow,
  type NodeSchema,
  type PropSpec,
  type PropsOf,
  type PropType,
  type PropValue,
  type RelSpec,
  type RelTarget,
  refOf,
  relationshipsOf,
  type ScopeRelSpec,
} from './schema/define.ts';
export { EmbeddedStore, type EmbeddedStoreOptions } from './store/embedded-store.ts';
export type { GraphStore, Row } from './store/graph-store.ts';
export { Neo4jStore, type Neo4jStoreOptions, redactUri } from './store/neo4j-store.ts';
export { toPlain } from './store/normalize.ts';
export { defaultStorePath, type OpenStoreOptions, openStore } from './store/open-store.ts';
export {
  type Change,
  type ChangeEntry,
  type ChangeFilter,
  ChangeRecorder,
  pruneChanges,
  readChanges,
} from './sync/change-log.ts';
export { ensureIndexes } from './sync/ensure-indexes.ts';
export type { ScopeInfo, SyncEvent, SyncListener } from './sync/events.ts';
export { acquireLease, type LeaseOptions, releaseLease } from './sync/lease.ts';
export { migrateLegacyLabels, runMigrations } from './sync/migrate-legacy-labels.ts';
export { packageVersion } from './sync/package-version.ts';
export {
  type AnalysisJob,
  type AnyLoad,
  type CollectContext,
  type Collector,
  defineCollector,
  type Load,
  load,
  type Migration,
  type PlanContext,
  type Provider,
  type Scope,
  type ScopeOwner,
} from './sync/provider.ts';
export { DEFAULT_RETRY, type RetryPolicy, withRetry } from './sync/retry.ts';
export { type SyncOptions, sync } from './sync/run-sync.ts';
export type { CollectorResult, ScopeResult, ScopeStatus, SyncError, SyncResult } from './sync/sync-result.ts';
