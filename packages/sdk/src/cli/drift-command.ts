import { type GraphStore, type Logger, openStore } from '@skygraph/core';
import { Command } from 'commander';
import { builtinCatalogue } from '../catalogue/index.ts';
import {
  type DriftReport,
  type DriftSettings,
  driftDryRunOption,
  driftOptions,
  runDriftCommand,
} from '../drift/index.ts';
import type { CliIo } from './cli-io.ts';
import {
  type ConnectionConfig,
  connectionOptions,
  resolveCommandConfig,
  withConnection,
} from './connection.ts';

/**
 * Runs drift over a store with the built-in catalogue (`skygraph drift`,
 * `collect --then-drift`). An embedded store is closed while alerts are
 * delivered, so a slow sink never keeps a sync out, and reopened to record
 * the outcome. The caller still closes `store` (a no-op then).
 */
export function driftOnStore(
  store: GraphStore,
  settings: DriftSettings & ConnectionConfig,
  io: CliIo,
  log?: Logger,
): Promise<DriftReport> {
  return runDriftCommand({
    store,
    catalogue: builtinCatalogue.queries,
    settings,
    env: io.env,
    stdout: io.stdout,
    ...(log ? { log } : {}),
    ...(io.signal ? { signal: io.signal } : {}),
    // Neo4j admits many clients: nothing to release there.
    ...(store.kind === 'embedded' ? { reopen: () => openWritableStore(settings, io.env) } : {}),
  });
}

/** One line per watched query and a closing line, for people. */
export function describeDrift(report: DriftReport): string {
  const lines = report.queries.map(
    (q) =>
      `${q.query}: ${q.rows} rows${q.baseline ? ' (first snapshot)' : `, +${q.added} -${q.removed} ~${q.changed}`}${q.error ? ` ERROR ${q.error}` : ''}`,
  );
  // Per sink: what was delivered and, when something was not, why (HTTP status, timeout...).
  for (const sink of report.sinks) {
    lines.push(
      `sink ${sink.sink} (${sink.type}): ${sink.delivered} delivered${sink.failed > 0 ? `, ${sink.failed} failed: ${sink.errors.slice(0, 3).join('; ')}` : ''}`,
    );
  }
  lines.push(
    `drift ${report.status}${report.dryRun ? ' (dry run)' : ''}: ${report.alerts.length} alerts, ${report.suppressed.length} suppressed by exceptions, ${report.pending} pending delivery`,
    ...report.warnings.map((w) => `warning: ${w}`),
  );
  return `${lines.join('\n')}\n`;
}

const driftAll = { ...connectionOptions, ...driftOptions, ...driftDryRunOption };

/** `skygraph drift`: run after a sync (or use `collect --then-drift`). */
export function driftCommand(io: CliIo, done: (code: number) => void): Command {
  const command = withConnection(
    new Command('drift').description(
      'Snapshot finding queries, diff them with the last run, and send alerts for what changed',
    ),
    { ...driftOptions, ...driftDryRunOption },
  );
  command.action(async () => {
    const config = resolveCommandConfig(command, io, driftAll);
    const store = await openWritableStore(config, io.env);
    try {
      const report = await driftOnStore(store, config, io);
      io.stderr.write(describeDrift(report));
      done(report.status === 'ok' ? 0 : 1);
    } finally {
      await store.close();
    }
  });
  return command;
}

/** Drift keeps its snapshots in the store, so it opens it for writing (it never writes the asset graph). */
export function openWritableStore(config: ConnectionConfig, env: NodeJS.ProcessEnv): Promise<GraphStore> {
  return openStore(config.store, {
    env,
    ...(config.neo4jUser ? { neo4jUser: config.neo4jUser } : {}),
    ...(config.neo4jPasswordEnvVar ? { neo4jPasswordEnvVar: config.neo4jPasswordEnvVar } : {}),
    ...(config.neo4jDatabase ? { neo4jDatabase: config.neo4jDatabase } : {}),
  });
}
