import {
  ConfigError,
  type ConfigOf,
  coreOptions,
  createLogger,
  defineOption,
  errorMessage,
  type GraphStore,
  type Logger,
  type OptionSpec,
  openStore,
  type Provider,
  resolveConfig,
  SkygraphError,
  type SyncResult,
  sync,
} from '@skygraph/core';
import { Command, CommanderError } from 'commander';
import { z } from 'zod';
import { driftOptions, thenDriftOption } from '../drift/index.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { describeDrift, driftOnStore } from './drift-command.ts';
import { createProgress } from './progress.ts';
import { PROVIDERS, type ProviderEntry } from './provider-registry.ts';
import { flagValues, registerOptions } from './register-options.ts';
import { summaryTable } from './summary.ts';

/** Settings of the collect command itself (besides the engine's and the providers'). */
export const collectOptions = {
  demo: defineOption({
    flag: 'demo',
    kind: 'boolean',
    description:
      'Sync a seeded demo estate (AWS, GCP and Workspace emulators started in-process); no credentials needed',
    schema: z.boolean().default(false),
    group: 'run',
  }),
  demoReport: defineOption({
    flag: 'demo-report',
    kind: 'string',
    valueName: '<file>',
    description:
      'Where --demo writes its HTML report (default skygraph-demo-report.html in the working directory)',
    schema: z.string().min(1).default('skygraph-demo-report.html'),
    group: 'run',
  }),
  dryRun: defineOption({
    flag: 'dry-run',
    kind: 'boolean',
    description:
      'List the accounts, regions, projects and collectors that would be synced, then stop (writes nothing)',
    schema: z.boolean().default(false),
    group: 'run',
  }),
};

/** Every option `collect` accepts: the engine's, collect's own and each provider's. */
export function allCollectOptions(entries: readonly ProviderEntry[] = PROVIDERS): Record<string, OptionSpec> {
  return Object.assign(
    {},
    coreOptions,
    collectOptions,
    ...entries.map((e) => e.options),
    thenDriftOption,
    driftOptions,
  );
}

export type CollectConfig = ConfigOf<typeof coreOptions> &
  ConfigOf<typeof collectOptions> &
  ConfigOf<typeof thenDriftOption> &
  ConfigOf<typeof driftOptions> &
  Record<string, unknown>;

/** Hooks the demo and the tests plug in. */
export interface CollectHooks {
  /** Builds the demo providers (emulators started in-process); returns them and a stop function. */
  demo?: (
    config: CollectConfig,
    log: Logger,
  ) => Promise<{
    providers: Provider[];
    stop: () => Promise<void>;
    after?: (store: GraphStore, result: SyncResult, io: CliIo) => Promise<void>;
  }>;
  entries?: readonly ProviderEntry[];
}

export function buildCollectCommand(entries: readonly ProviderEntry[]): Command {
  const command = new Command('collect')
    .description(
      'Sync cloud estates (AWS organisations, GCP organisations, Google Workspace) into the graph.\n' +
        'Every option can also be set by an environment variable SKYGRAPH_<OPTION> (e.g. SKYGRAPH_CONCURRENCY=8) or in --config.',
    )
    .option(
      '--config <file>',
      'YAML or JSON file of settings (keys: option names); flags and environment override it',
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 every scope synced; 1 some scope failed or the run was cancelled (the rest was synced); 2 bad flags or config.\n' +
        'Examples:\n  collect --demo\n  collect --providers aws --aws-discovery organizations --store neo4j+s://graph.example.com --neo4j-user neo4j --neo4j-password-env-var NEO4J_PASSWORD\n',
    );
  registerOptions(command, allCollectOptions(entries));
  return command;
}

/**
 * Parses and validates `collect` arguments with the environment and the
 * config file they name. Returns 'exit' after --help/--version; throws a
 * CommanderError for bad usage (already printed) or a ConfigError.
 */
export function parseCollectArgs(
  argv: readonly string[],
  io: CliIo,
  entries: readonly ProviderEntry[] = PROVIDERS,
): CollectConfig | 'exit' {
  const command = buildCollectCommand(entries);
  command.exitOverride().configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  try {
    command.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError && error.exitCode === 0) return 'exit';
    throw error;
  }
  const specs = allCollectOptions(entries);
  const file = command.opts().config as string | undefined;
  const config = resolveConfig(specs, {
    flags: flagValues(command, specs),
    env: io.env,
    ...(file ? { file } : {}),
  }) as CollectConfig;
  if (
    config.thenDrift &&
    !config.alertRules &&
    config.driftQueries.length === 0 &&
    config.driftTags.length === 0
  ) {
    throw new ConfigError(
      '--then-drift has nothing to watch: pass --alert-rules, or --drift-queries / --drift-tags',
    );
  }
  return config;
}

/**
 * The `collect` command: parses and validates settings, picks the providers,
 * opens the store and runs one sync with progress and a summary. Returns the
 * exit code instead of exiting, so tests and other programs can call it.
 */
export async function runCollect(
  argv: readonly string[],
  io: CliIo,
  hooks: CollectHooks = {},
): Promise<number> {
  const entries = hooks.entries ?? PROVIDERS;
  let config: CollectConfig;
  try {
    const parsed = parseCollectArgs(argv, io, entries);
    if (parsed === 'exit') return EXIT.ok;
    config = parsed;
  } catch (error) {
    if (error instanceof CommanderError) return EXIT.usage;
    if (error instanceof ConfigError) {
      io.stderr.write(`collect: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }
  const log = createLogger({
    level: config.logLevel,
    json: config.jsonLogs ?? !io.stderr.isTTY,
    destination: io.stderr,
  });

  let providers: Provider[];
  let stopDemo: (() => Promise<void>) | undefined;
  let after: ((store: GraphStore, result: SyncResult, io: CliIo) => Promise<void>) | undefined;
  try {
    if (config.demo) {
      if (!hooks.demo) throw new ConfigError('--demo is not available in this build');
      const demo = await hooks.demo(config, log);
      providers = demo.providers;
      stopDemo = demo.stop;
      after = demo.after;
    } else {
      providers = await selectProviders(entries, config, io.env, log);
    }
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`collect: ${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  }

  try {
    if (config.dryRun) return await dryRun(providers, io, log);
    let store: GraphStore;
    try {
      store = await openStore(config.store, {
        ...(config.neo4jUser ? { neo4jUser: config.neo4jUser } : {}),
        ...(config.neo4jPasswordEnvVar ? { neo4jPasswordEnvVar: config.neo4jPasswordEnvVar } : {}),
        ...(config.neo4jDatabase ? { neo4jDatabase: config.neo4jDatabase } : {}),
        env: io.env,
      });
    } catch (error) {
      io.stderr.write(`collect: ${errorMessage(error)}\n`);
      return error instanceof ConfigError ? EXIT.usage : EXIT.partial;
    }
    const progress = createProgress({
      live: io.stderr.isTTY === true && config.logLevel !== 'silent',
      stream: io.stderr,
      log,
    });
    try {
      log.info({ store: store.location, providers: providers.map((p) => p.name) }, 'collect starting');
      const result = await sync({
        store,
        providers,
        ...(config.updateTag ? { updateTag: config.updateTag } : {}),
        concurrency: config.concurrency,
        batchSize: config.batchSize,
        failFast: config.failFast,
        lease: { waitMs: config.leaseWait * 1000 },
        changeLog: config.changeRetentionDays > 0,
        changeRetentionDays: config.changeRetentionDays,
        onEvent: progress.listener,
        log,
        ...(io.signal ? { signal: io.signal } : {}),
      });
      progress.stop();
      io.stdout.write(summaryTable(result, { color: io.stdout.isTTY === true }));
      if (after) await after(store, result, io);
      let driftOk = true;
      if (config.thenDrift && result.status !== 'cancelled') {
        const report = await driftOnStore(store, config, io, log);
        io.stderr.write(describeDrift(report));
        driftOk = report.status === 'ok';
      }
      return result.status === 'success' && driftOk ? EXIT.ok : EXIT.partial;
    } catch (error) {
      progress.stop();
      io.stderr.write(
        `collect: ${error instanceof SkygraphError ? `${error.code}: ` : ''}${errorMessage(error)}\n`,
      );
      return EXIT.partial;
    } finally {
      await store.close();
    }
  } finally {
    await stopDemo?.();
  }
}

async function selectProviders(
  entries: readonly ProviderEntry[],
  config: CollectConfig,
  env: NodeJS.ProcessEnv,
  log: Logger,
): Promise<Provider[]> {
  const asked = config.providers;
  const chosen: ProviderEntry[] = [];
  const missing: string[] = [];
  for (const entry of entries) {
    if (asked.length > 0 && !asked.includes(entry.name)) continue;
    const problem = entry.missingCredentials(config, env);
    if (problem === null) {
      chosen.push(entry);
    } else if (asked.length > 0) {
      // Named explicitly: instance or workload credentials may still be found at run time.
      log.warn({ provider: entry.name }, problem);
      chosen.push(entry);
    } else {
      missing.push(`  ${entry.name}: ${problem}`);
    }
  }
  if (chosen.length === 0) {
    throw new ConfigError(
      'no provider has credentials to run with. Set up at least one:\n' +
        `${missing.join('\n')}\n` +
        'or try it without any credentials: collect --demo',
    );
  }
  return Promise.all(chosen.map((entry) => entry.create(config, env)));
}

async function dryRun(providers: readonly Provider[], io: CliIo, log: Logger): Promise<number> {
  const controller = new AbortController();
  let failed = false;
  for (const provider of providers) {
    io.stdout.write(`${provider.name}:\n`);
    let count = 0;
    try {
      for await (const scope of provider.plan({
        updateTag: Math.floor(Date.now() / 1000),
        signal: io.signal ?? controller.signal,
        log,
        call: (_operation, request) => request(),
      })) {
        count += 1;
        const labels = Object.entries(scope.labels)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ');
        io.stdout.write(
          `  ${scope.id}  ${labels}\n    collectors: ${scope.collectors.map((c) => c.name).join(', ')}\n`,
        );
      }
      io.stdout.write(`  ${count} scopes would be synced\n`);
    } catch (error) {
      failed = true;
      io.stderr.write(`collect: ${provider.name}: planning failed: ${errorMessage(error)}\n`);
    }
  }
  return failed ? EXIT.partial : EXIT.ok;
}
