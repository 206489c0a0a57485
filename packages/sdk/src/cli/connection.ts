import {
  ConfigError,
  type ConfigOf,
  coreOptions,
  errorMessage,
  type GraphStore,
  type OptionSpec,
  openStore,
  resolveConfig,
} from '@skygraph/core';
import type { Command } from 'commander';
import type { CliIo } from './cli-io.ts';
import { flagValues, registerOptions } from './register-options.ts';

/** The store settings every reading command shares with `collect` (same flags, same environment). */
export const connectionOptions = {
  store: coreOptions.store,
  neo4jUser: coreOptions.neo4jUser,
  neo4jPasswordEnvVar: coreOptions.neo4jPasswordEnvVar,
  neo4jDatabase: coreOptions.neo4jDatabase,
  logLevel: coreOptions.logLevel,
  jsonLogs: coreOptions.jsonLogs,
};

export type ConnectionConfig = ConfigOf<typeof connectionOptions>;

/** Adds the connection flags and `--config` to a command. */
export function withConnection(command: Command, extra: Record<string, OptionSpec> = {}): Command {
  command.option('--config <file>', 'YAML or JSON file of settings; flags and environment override it');
  registerOptions(command, { ...connectionOptions, ...extra });
  return command;
}

/** Resolves a command's settings (flags < env < file, validated). */
export function resolveCommandConfig<O extends Record<string, OptionSpec>>(
  command: Command,
  io: CliIo,
  specs: O,
): ConfigOf<O> {
  const file = command.opts().config as string | undefined;
  return resolveConfig(specs, { flags: flagValues(command, specs), env: io.env, ...(file ? { file } : {}) });
}

/**
 * Opens the store read-only and checks it holds a graph; throws a
 * ConfigError-like message a person can act on when it is unreachable or empty.
 */
export async function openReadStore(config: ConnectionConfig, env: NodeJS.ProcessEnv): Promise<GraphStore> {
  let store: GraphStore;
  try {
    store = await openStore(config.store, {
      readOnly: true,
      env,
      ...(config.neo4jUser ? { neo4jUser: config.neo4jUser } : {}),
      ...(config.neo4jPasswordEnvVar ? { neo4jPasswordEnvVar: config.neo4jPasswordEnvVar } : {}),
      ...(config.neo4jDatabase ? { neo4jDatabase: config.neo4jDatabase } : {}),
    });
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new StoreUnavailable(errorMessage(error));
  }
  try {
    const [row] = await store.read('MATCH (m:SyncMetadata) RETURN count(m) AS c');
    if (Number(row?.c ?? 0) === 0) {
      await store.close();
      throw new StoreUnavailable(
        `the graph at ${store.location} is empty: run \`collect\` first (or \`collect --demo\` to try the demo estate)`,
      );
    }
  } catch (error) {
    if (error instanceof StoreUnavailable) throw error;
    await store.close().catch(() => undefined);
    throw new StoreUnavailable(`cannot read the graph at ${store.location}: ${errorMessage(error)}`);
  }
  return store;
}

/** The store cannot be read, or holds nothing yet. */
export class StoreUnavailable extends Error {}
