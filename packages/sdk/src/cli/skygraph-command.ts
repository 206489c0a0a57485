import { Command, CommanderError } from 'commander';
import { type CliIo, EXIT } from './cli-io.ts';

/** The `skygraph` command: reads the graph (query, report) and watches it (drift, export). */
export async function runSkygraph(argv: readonly string[], io: CliIo): Promise<number> {
  const program = new Command('skygraph').description('Query, report on and watch the skygraph graph');
  program.exitOverride().configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => io.stderr.write(s),
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    throw error;
  }
  return EXIT.ok;
}
