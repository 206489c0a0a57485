export type { Alert } from './alert.ts';
export {
  type AlertException,
  type AlertRule,
  type AlertRules,
  type AlertRulesInput,
  alertRulesSchema,
  type JiraSinkConfig,
  type SinkConfig,
  type SlackSinkConfig,
  TRANSITIONS,
  type Transition,
  type WebhookSinkConfig,
} from './alert-rules.ts';
export { canonicalJson } from './canonical.ts';
export {
  type DeliverAlertsOptions,
  type DeliveryOutcome,
  deliverAlerts,
  type SinkReport,
} from './deliver-alerts.ts';
export {
  type ChangedFinding,
  diffSnapshots,
  type Finding,
  findingsOf,
  fingerprintOf,
  type SnapshotDiff,
} from './diff-snapshots.ts';
export { type DriftCommandOptions, type DriftSettings, runDriftCommand } from './drift-command.ts';
export { driftDryRunOption, driftOptions, thenDriftOption } from './drift-options.ts';
export {
  type AlertEvaluation,
  type Delivery,
  type EvaluateAlertsOptions,
  evaluateAlerts,
  type QueryEvaluation,
  queriesWatchedBy,
  ruleSelects,
  type SuppressedFinding,
} from './evaluate-alerts.ts';
export { type ExceptionMatch, matchException } from './exceptions.ts';
export { createFileSnapshotStore } from './file-snapshot-store.ts';
export {
  columnNamesOf,
  type FindingQuery,
  isCatalogueQuery,
  SEVERITY_ASCENDING,
  severityOf,
  toFindingQuery,
  type WatchableQuery,
} from './finding-query.ts';
export { ALERT_STATE_LABEL, createGraphSnapshotStore, SNAPSHOT_LABEL } from './graph-snapshot-store.ts';
export { loadAlertRules, parseAlertRules } from './load-alert-rules.ts';
export { openSnapshotStore } from './open-snapshot-store.ts';
export {
  type DeliveryRelease,
  type DriftReport,
  type QueryDriftReport,
  type RunDriftOptions,
  runDrift,
} from './run-drift.ts';
export { type QuerySelection, selectQueries } from './select-queries.ts';
export { type CreateSinksOptions, createSinks } from './sinks/create-sinks.ts';
export { HttpError } from './sinks/http.ts';
export { createJiraSink, findingLabel, type JiraAuth, type JiraSinkOptions } from './sinks/jira-sink.ts';
export type { AlertSink, SinkContext, SinkResult } from './sinks/sink.ts';
export { createSlackSink, type SlackSinkOptions, slackMessage } from './sinks/slack-sink.ts';
export { createStdoutSink } from './sinks/stdout-sink.ts';
export {
  createWebhookSink,
  signWebhookBody,
  type WebhookPayload,
  type WebhookSinkOptions,
} from './sinks/webhook-sink.ts';
export {
  type Snapshot,
  SnapshotError,
  type TakeSnapshotOptions,
  takeSnapshot,
} from './snapshot.ts';
export {
  type AlertState,
  emptyAlertState,
  type FindingState,
  type PendingDelivery,
  type SnapshotInfo,
  type SnapshotStore,
} from './snapshot-store.ts';
