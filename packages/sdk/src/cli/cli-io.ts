/** What a command reads and writes; tests pass their own. */
export interface CliIo {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  env: NodeJS.ProcessEnv;
  /** Cancels the command (SIGINT/SIGTERM in the real process). */
  signal?: AbortSignal;
}

/** Exit codes every command keeps: scripts rely on them. */
export const EXIT = {
  ok: 0,
  /** Some scope failed (or the run was cancelled); the rest was synced. */
  partial: 1,
  /** Bad flags, environment or config file. */
  usage: 2,
} as const;

export function processIo(signal?: AbortSignal): CliIo {
  return { stdout: process.stdout, stderr: process.stderr, env: process.env, ...(signal ? { signal } : {}) };
}

/**
 * Calls `onBroken` when the reader of `stream` has gone away (EPIPE, as in
 * `skygraph query ... | head -1`) instead of crashing with an unhandled error.
 */
export function ignoreBrokenPipe(stream: NodeJS.WritableStream, onBroken: () => void): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error;
    onBroken();
  });
}

/** Aborts on the first SIGINT/SIGTERM; a second one exits at once. */
/** How long a run may wind down after SIGINT/SIGTERM before the process exits anyway. */
export const SIGNAL_GRACE_MS = 20_000;

/**
 * Ends the process with `code` once the command is done: at once when
 * nothing else keeps it alive, or after a short delay when a library left a
 * handle open (a driver's half-open socket to a server that never answered).
 * A command's work is over when it resolves; nothing may keep it running.
 */
export function exitWhenDone(code: number): void {
  process.exitCode = code;
  setTimeout(() => process.exit(code), 2_000).unref();
}

export function signalController(): AbortController {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(130);
    process.stderr.write(
      `\n${name}: finishing in-flight writes, no cleanup will run (send again to exit now)\n`,
    );
    controller.abort(new Error(`received ${name}`));
    // One signal is enough: a run that cannot wind down within the grace period (a request
    // or a store that does not answer) is ended here, before an orchestrator's SIGKILL.
    setTimeout(() => {
      process.stderr.write(`${name}: still not done after ${SIGNAL_GRACE_MS / 1000} s; exiting\n`);
      process.exit(130);
    }, SIGNAL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return controller;
}
