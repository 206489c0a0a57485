import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { builtinCatalogue, connect, type SkygraphClient } from '@skygraph/sdk';
import { type DemoGraph, openDemoGraph } from './demo-graph.ts';

/** Whether the module at `moduleUrl` is the script node was started with (not imported by a test). */
export function isDirectRun(moduleUrl: string): boolean {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
}

/** The flags every example takes, to choose the graph it reads. */
export const GRAPH_OPTIONS = {
  demo: { type: 'boolean', default: false },
  store: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const satisfies ParseArgsConfig['options'];

const GRAPH_HELP = `Graph:
  --demo          start the demo estate (emulators, no credentials) and sync it into a temporary store first
  --store <uri>   bolt://, neo4j://, neo4j+s:// (user neo4j, password in $NEO4J_PASSWORD) or an embedded store path
                  (default: $SKYGRAPH_STORE, else the embedded store \`pnpm collect\` writes)
`;

type OptionsConfig = NonNullable<ParseArgsConfig['options']>;

/** The parsed values of string and boolean options (absent ones are undefined). */
export type ArgValues<O extends OptionsConfig> = {
  [K in keyof O]?: O[K] extends { type: 'boolean' } ? boolean : string;
};

/** Parses an example's arguments; `--help` prints the usage and exits. */
export function parseExampleArgs<const O extends OptionsConfig>(
  usage: string,
  options: O,
): ArgValues<typeof GRAPH_OPTIONS & O> {
  const all: OptionsConfig = { ...GRAPH_OPTIONS, ...options };
  const { values } = parseArgs({ options: all, allowPositionals: false });
  if (values.help === true) {
    process.stdout.write(`${usage.trim()}\n\n${GRAPH_HELP}`);
    process.exit(0);
  }
  return values as ArgValues<typeof GRAPH_OPTIONS & O>;
}

/** The graph an example run reads, and how to let go of it. */
export interface ExampleGraph {
  readonly client: SkygraphClient;
  /** Set with `--demo`: the emulators and the temporary store. */
  readonly demo: DemoGraph | null;
  close(): Promise<void>;
}

/**
 * Opens the graph for a command-line run: the demo estate synced into a
 * temporary store with `--demo`, otherwise the store `--store` or
 * `$SKYGRAPH_STORE` names (read-only; it must have been synced).
 */
export async function openExampleGraph(args: { demo?: boolean; store?: string }): Promise<ExampleGraph> {
  if (args.demo) {
    process.stderr.write('Starting the demo estate and syncing it (a few seconds)...\n');
    const demo = await openDemoGraph();
    return { client: demo.client, demo, close: () => demo.close() };
  }
  const client = await connect({
    catalogue: builtinCatalogue,
    ...(args.store ? { uri: args.store } : {}),
    ...(args.store && /^(bolt|neo4j)/.test(args.store) ? neo4jLogin() : {}),
  });
  return { client, demo: null, close: () => client.close() };
}

/**
 * The Neo4j login for a `--store bolt://…`: the commands' settings
 * ($SKYGRAPH_NEO4J_USER, $SKYGRAPH_NEO4J_PASSWORD_ENV_VAR) where set, else
 * user `neo4j` with the password in $NEO4J_PASSWORD.
 */
export function neo4jLogin(env: NodeJS.ProcessEnv = process.env): { user: string; passwordEnv: string } {
  return {
    user: env.SKYGRAPH_NEO4J_USER ?? 'neo4j',
    passwordEnv: env.SKYGRAPH_NEO4J_PASSWORD_ENV_VAR ?? 'NEO4J_PASSWORD',
  };
}

/** Runs a command-line entry: an error becomes one line on stderr and exit code 1, not a stack trace. */
export async function runCli(entry: () => Promise<void>): Promise<void> {
  try {
    await entry();
  } catch (error) {
    process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
