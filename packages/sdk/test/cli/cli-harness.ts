import { PassThrough } from 'node:stream';
import type { CliIo } from '../../src/cli/cli-io.ts';

/** An in-memory terminal for running a command in a test. */
export function memoryIo(env: NodeJS.ProcessEnv = {}, signal?: AbortSignal) {
  const out: string[] = [];
  const err: string[] = [];
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  stdout.on('data', (chunk: Buffer) => out.push(chunk.toString()));
  stderr.on('data', (chunk: Buffer) => err.push(chunk.toString()));
  const io: CliIo = { stdout, stderr, env, ...(signal ? { signal } : {}) };
  return { io, stdout: () => out.join(''), stderr: () => err.join('') };
}
