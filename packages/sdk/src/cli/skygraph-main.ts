import { processIo, signalController } from './cli-io.ts';
import { runSkygraph } from './skygraph-command.ts';

/** The `skygraph` executable: query, report, drift, export. */
export async function main(argv: readonly string[]): Promise<number> {
  const controller = signalController();
  return runSkygraph(argv, processIo(controller.signal));
}
