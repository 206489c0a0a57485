import { processIo } from './cli-io.ts';
import { runCollect } from './collect-command.ts';
import { demoHook } from './demo-hook.ts';

/**
 * Runs `collect` with the process's standard streams and environment, as the
 * executable does; `signal` cancels the run. Resolves to the exit code.
 */
export function collect(argv: readonly string[], options: { signal?: AbortSignal } = {}): Promise<number> {
  return runCollect(argv, processIo(options.signal), { demo: demoHook });
}
