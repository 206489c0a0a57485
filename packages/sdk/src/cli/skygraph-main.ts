import { processIo } from './cli-io.ts';
import { runSkygraph } from './skygraph-command.ts';

/**
 * Runs `skygraph` (query, report, drift, export, changes) with the process's
 * standard streams and environment, as the executable does; `signal` cancels
 * it. Resolves to the exit code.
 */
export function skygraph(argv: readonly string[], options: { signal?: AbortSignal } = {}): Promise<number> {
  return runSkygraph(argv, processIo(options.signal));
}
