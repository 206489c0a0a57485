import { processIo, signalController } from './cli-io.ts';
import { runCollect } from './collect-command.ts';
import { demoHook } from './demo-hook.ts';

/** The `collect` executable. */
export async function main(argv: readonly string[]): Promise<number> {
  const controller = signalController();
  return runCollect(argv, processIo(controller.signal), { demo: demoHook });
}
