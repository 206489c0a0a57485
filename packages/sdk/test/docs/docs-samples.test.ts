import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseCollectArgs } from '../../src/cli/collect-command.ts';
import { skygraphProgram } from '../../src/cli/skygraph-command.ts';
import { memoryIo } from '../cli/cli-harness.ts';

// Every sample in the docs and the README must stay true: JSON and YAML
// blocks parse, and every `collect` / `skygraph` command line is parsed and
// validated by the real CLI (flags, values) — a renamed flag breaks the build.
const root = resolve(import.meta.dirname, '../../../..');
const files = [
  join(root, 'README.md'),
  ...readdirSync(join(root, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(root, 'docs', f)),
];

interface Block {
  lang: string;
  text: string;
  line: number;
  indent: number;
}

function blocks(markdown: string): Block[] {
  const out: Block[] = [];
  const lines = markdown.split('\n');
  let current: Block | null = null;
  lines.forEach((line, index) => {
    const fence = /^(\s*)```\s*([A-Za-z0-9_-]*)/.exec(line);
    if (fence && current === null) {
      current = {
        lang: (fence[2] ?? '').toLowerCase(),
        text: '',
        line: index + 1,
        indent: fence[1]?.length ?? 0,
      };
    } else if (/^\s*```\s*$/.test(line) && current !== null) {
      out.push(current);
      current = null;
    } else if (current !== null) {
      const block = current as Block;
      block.text += `${line.startsWith(' '.repeat(block.indent)) ? line.slice(block.indent) : line}\n`;
    }
  });
  return out;
}

/** Command lines of a shell block, continuations joined, split on && and ;. */
function commands(text: string): string[][] {
  return text
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((line) => line.replace(/\s#.*$/, ''))
    .flatMap((line) => line.split(/&&|;/))
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'))
    .map((line) => [...line.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3] ?? ''));
}

/** The arguments after `collect` / `skygraph`, whatever runs them (pnpm, npx pnpm@x, node bin, docker). */
function cliCall(words: string[]): { cli: 'collect' | 'skygraph'; args: string[] } | null {
  const index = words.findIndex(
    (w, i) =>
      (w === 'collect' || w === 'skygraph') &&
      (i === 0 || /pnpm|npx|bin\/|node|^run$/.test(words[i - 1] ?? '')),
  );
  if (index < 0) return null;
  // Shell variables are values the user has at run time: stand in a plausible one.
  const args = words
    .slice(index + 1)
    .filter((w) => w !== '...' && w !== '…')
    .map((w) => (w.startsWith('$') ? '1' : w));
  return { cli: words[index] as 'collect' | 'skygraph', args };
}

const env = {
  NEO4J_PASSWORD: 'x',
  HOME: '/nonexistent',
};

for (const file of files) {
  const markdown = readFileSync(file, 'utf8');
  const relative = file.slice(root.length + 1);
  const found = blocks(markdown).filter(
    (b) =>
      ['json', 'yaml', 'yml'].includes(b.lang) ||
      (['sh', 'bash', 'shell', 'console'].includes(b.lang) &&
        commands(b.text.replace(/^\$ /gm, '')).some((words) => cliCall(words) !== null)),
  );
  if (found.length === 0) continue;
  describe(relative, () => {
    for (const block of found) {
      if (block.lang === 'json') {
        it(`JSON at line ${block.line} parses`, () => {
          expect(() => JSON.parse(block.text)).not.toThrow();
        });
      }
      if (block.lang === 'yaml' || block.lang === 'yml') {
        it(`YAML at line ${block.line} parses`, () => {
          expect(() => parseYaml(block.text)).not.toThrow();
        });
      }
      if (
        block.lang === 'sh' ||
        block.lang === 'bash' ||
        block.lang === 'shell' ||
        block.lang === 'console'
      ) {
        const calls = commands(block.text.replace(/^\$ /gm, ''))
          .map(cliCall)
          .filter((c) => c !== null);
        for (const call of calls) {
          it(`\`${call.cli} ${call.args.join(' ')}\` (line ${block.line}) is a valid command`, () => {
            const io = memoryIo({ ...env, ...placeholderEnv(call.args) }).io;
            if (call.cli === 'collect') {
              try {
                parseCollectArgs(call.args, io);
              } catch (error) {
                // A config file the sample names lives on the user's machine, not here.
                expect(String(error)).toMatch(/--config: cannot read/);
              }
            } else {
              const program = skygraphProgram(io);
              const [name, ...rest] = call.args;
              const command = program.commands.find((c) => c.name() === name);
              expect(command, `skygraph has no command "${name}"`).toBeDefined();
              let target = command;
              let args = rest;
              const sub = target?.commands.find((c) => c.name() === args[0]);
              if (sub) {
                target = sub;
                args = args.slice(1);
              }
              const parsed = target?.parseOptions(args);
              expect(parsed?.unknown.filter((a) => a.startsWith('-')) ?? [], 'unknown flags').toEqual([]);
            }
          });
        }
      }
    }
  });
}

/** Environment variables a command line names (…-env-var NAME) are set, as a user would have them. */
function placeholderEnv(args: string[]): Record<string, string> {
  const out: Record<string, string> = {};
  args.forEach((arg, i) => {
    const next = args[i + 1];
    if (arg.endsWith('-env-var') && next) out[next] = 'x';
  });
  return out;
}
