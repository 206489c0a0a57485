import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { GraphStore, SyncResult } from '@skygraph/core';
import { builtinCatalogue } from '../catalogue/index.ts';
import { createClient } from '../client/index.ts';
import { buildReport, renderHtml, renderTerminal } from '../report/index.ts';
import type { CliIo } from './cli-io.ts';
import type { CollectHooks } from './collect-command.ts';

/**
 * `collect --demo`: starts the AWS, GCP and Workspace emulators in-process
 * with the seeded demo estate, syncs them like real clouds, then prints the
 * overview report and writes it as HTML.
 */
export const demoHook: NonNullable<CollectHooks['demo']> = async (config, log) => {
  // The emulators and the providers' clients load only for --demo.
  const { startDemoEstate } = await import('../demo/demo-estate.ts');
  const demo = await startDemoEstate();
  log.info(
    { aws: demo.aws?.url, gcp: demo.gcp?.url, workspace: demo.workspace?.url },
    'demo estate started (emulators on loopback, no credentials needed)',
  );
  return {
    providers: demo.providers(),
    stop: () => demo.stop(),
    after: (store, result, io) => demoReports(store, result, io, config.demoReport),
  };
};

/** The overview report in the terminal and as a self-contained HTML file. */
export async function demoReports(
  store: GraphStore,
  result: SyncResult,
  io: CliIo,
  file: string,
): Promise<void> {
  const client = createClient(store, { catalogue: builtinCatalogue });
  const report = await buildReport(client, 'overview', { catalogue: builtinCatalogue });
  io.stdout.write(
    `\n${renderTerminal(report, { color: io.stdout.isTTY === true, maxRows: 10, hideEmpty: true })}\n`,
  );
  const path = resolve(file);
  writeFileSync(path, renderHtml(report));
  io.stdout.write(
    `\nHTML report: ${path}\n` +
      `Graph: ${store.location} (run ${result.runId}). Next: ${skygraphCommand(io.env)} query --list, ${skygraphCommand(io.env)} report aws-security\n`,
  );
}

/** How the user who ran this `collect` runs `skygraph`: a pnpm script in the repository, npx, or the installed command. */
export function skygraphCommand(env: NodeJS.ProcessEnv): string {
  if (env.npm_lifecycle_event === 'collect' && env.npm_execpath?.includes('pnpm')) return 'pnpm skygraph';
  if (env.npm_command === 'exec') return 'npx skygraph';
  return 'skygraph';
}
