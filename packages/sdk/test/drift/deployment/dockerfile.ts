import { readFileSync } from 'node:fs';

/** One Dockerfile instruction, continuation lines joined, with the stage it belongs to. */
export interface Instruction {
  readonly keyword: string;
  readonly args: string;
  readonly stage: number;
}

/** Parses a Dockerfile into instructions (comments and blank lines dropped). */
export function parseDockerfile(path: string): Instruction[] {
  const lines = readFileSync(path, 'utf8').split('\n');
  const out: Instruction[] = [];
  let stage = -1;
  let pending = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (pending === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    const full = `${pending}${line}`.trim();
    pending = '';
    const [keyword = '', ...rest] = full.split(/\s+/);
    const upper = keyword.toUpperCase();
    if (upper === 'FROM') stage += 1;
    out.push({ keyword: upper, args: rest.join(' '), stage });
  }
  return out;
}

/** The value of a build argument's default (`ARG NAME=value` before the first FROM). */
export function argDefault(instructions: readonly Instruction[], name: string): string | undefined {
  const arg = instructions.find((i) => i.keyword === 'ARG' && i.args.startsWith(`${name}=`));
  return arg?.args.slice(name.length + 1);
}
