import { ConfigError, errorMessage } from '@skygraph/core';
import { Command, CommanderError } from 'commander';
import { CatalogueError } from '../catalogue/index.ts';
import { changesCommand } from './changes-command.ts';
import { type CliIo, EXIT } from './cli-io.ts';
import { StoreUnavailable } from './connection.ts';
import { driftCommand } from './drift-command.ts';
import { exportCommand } from './export-command.ts';
import { queryCommand } from './query-command.ts';
import { reportCommand } from './report-command.ts';

/** The `skygraph` program (its commands wired to `io`); `done` receives a command's exit code. */
export function skygraphProgram(
  io: CliIo = NULL_IO,
  done: (code: number) => void = () => undefined,
): Command {
  const program = new Command('skygraph')
    .description(
      'Query, report on and watch the skygraph graph.\n' +
        "Connection flags are the same as collect's, and so are their environment variables (SKYGRAPH_STORE, ...).",
    )
    .addHelpText(
      'after',
      '\nExit codes: 0 ok; 1 the store is unreachable or empty, or a command found problems; 2 bad flags or config.\n',
    );
  program.addCommand(queryCommand(io, done));
  program.addCommand(reportCommand(io, done));
  program.addCommand(changesCommand(io, done));
  program.addCommand(driftCommand(io, done));
  program.addCommand(exportCommand(io, done));
  return program;
}

const NULL_IO: CliIo = { stdout: process.stdout, stderr: process.stderr, env: {} };

/** The `skygraph` command: reads the graph (query, report, changes) and watches it (drift, export). */
export async function runSkygraph(argv: readonly string[], io: CliIo): Promise<number> {
  let code: number = EXIT.ok;
  const program = skygraphProgram(io, (c) => {
    code = c;
  });
  for (const command of [program, ...program.commands, ...program.commands.flatMap((c) => c.commands)]) {
    command.exitOverride().configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
    });
  }
  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    if (error instanceof ConfigError || error instanceof CatalogueError) {
      io.stderr.write(`skygraph: ${error.message}\n`);
      return EXIT.usage;
    }
    if (error instanceof StoreUnavailable) {
      io.stderr.write(`skygraph: ${error.message}\n`);
      return EXIT.partial;
    }
    io.stderr.write(`skygraph: ${errorMessage(error)}\n`);
    return EXIT.partial;
  }
  return code;
}
