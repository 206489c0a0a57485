import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestStoreTarget, type TestStoreTarget } from '@skygraph/core/testing';
import * as sdk from '@skygraph/sdk';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as query from '../../src/query/index.ts';
import { syncTestEstate } from '../fixtures/estate-graph.ts';

/**
 * Runs every ```ts block of docs/sdk.md against a graph synced from the
 * emulators: `connect()` finds it through $SKYGRAPH_STORE, as a user's would.
 */
const DOC = new URL('../../../../docs/sdk.md', import.meta.url);

/** The examples import the package's real entry point, so a name it does not export fails here. */
const SDK: Record<string, unknown> = sdk;

function snippets(markdown: string): { line: number; code: string }[] {
  const found: { line: number; code: string }[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]?.trim() !== '```ts') continue;
    const start = i + 1;
    let end = start;
    while (end < lines.length && lines[end]?.trim() !== '```') end++;
    found.push({ line: start + 1, code: lines.slice(start, end).join('\n') });
    i = end;
  }
  return found;
}

/** Turns `import { a, b as c } from 'x'` into `const { a, b: c } = modules['x']`, then strips the types. */
function toFunctionBody(code: string): { body: string; imports: { from: string; names: string[] }[] } {
  const imports: { from: string; names: string[] }[] = [];
  const rewritten = code.replace(
    /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?$/gm,
    (_m, list: string, from: string) => {
      // Type-only imports vanish with the types.
      const names = list
        .split(',')
        .map((n) => n.trim())
        .filter((n) => n !== '' && !n.startsWith('type '));
      imports.push({ from, names: names.map((n) => n.split(/\s+as\s+/)[0] as string) });
      return `const { ${names.map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')} } = __modules[${JSON.stringify(from)}];`;
    },
  );
  const body = ts.transpileModule(rewritten, {
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
  }).outputText;
  return { body, imports };
}

const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
  ...args: string[]
) => (...values: unknown[]) => Promise<void>;

let dir: string;
let target: TestStoreTarget;
const previous = { cwd: process.cwd(), env: { ...process.env } };
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'skygraph-sdk-docs-'));
  target = await createTestStoreTarget();
  const writer = await target.open();
  try {
    await syncTestEstate(writer);
  } finally {
    await writer.close();
  }
  Object.assign(process.env, target.env);
  process.chdir(dir);
});
afterAll(() => {
  process.chdir(previous.cwd);
  for (const name of Object.keys(target.env)) {
    if (previous.env[name] === undefined) delete process.env[name];
    else process.env[name] = previous.env[name];
  }
  target.dispose();
  rmSync(dir, { recursive: true, force: true });
});

describe('docs/sdk.md', () => {
  const blocks = snippets(readFileSync(DOC, 'utf8'));

  it('has examples for connect, the builder, the catalogue and reports', () => {
    const all = blocks.map((b) => b.code).join('\n');
    for (const name of [
      'connect',
      'graph',
      'defineQuery',
      'importCommunityQueries',
      'buildReport',
      'ReportSpec',
    ]) {
      expect(all).toContain(name);
    }
    expect(blocks.length).toBeGreaterThanOrEqual(10);
  });

  for (const block of snippets(readFileSync(DOC, 'utf8'))) {
    it(`runs the example at line ${block.line}`, async () => {
      const { body, imports } = toFunctionBody(block.code);
      const modules: Record<string, unknown> = { '@skygraph/sdk': SDK, 'node:fs': fs };
      for (const { from, names } of imports) {
        expect(modules[from], `the example imports from ${from}`).toBeDefined();
        for (const name of names) {
          expect((modules[from] as Record<string, unknown>)[name], `${from} exports ${name}`).toBeDefined();
        }
      }
      const output: unknown[][] = [];
      const quiet = {
        log: (...args: unknown[]) => output.push(args),
        table: (...args: unknown[]) => output.push(args),
      };
      await new AsyncFunction('__modules', 'console', body)(modules, quiet);
      expect(output.length, 'the example prints what it shows').toBeGreaterThan(0);
    });
  }

  it('type-checks every example against the package as a user imports it', () => {
    // Each example becomes a module beside this test, so `@skygraph/sdk` resolves as it does for a user.
    const here = new URL('.', import.meta.url).pathname;
    const files = new Map(blocks.map((b) => [`${here}example-line-${b.line}.ts`, `${b.code}\nexport {};\n`]));
    const config = ts.getParsedCommandLineOfConfigFile(
      new URL('../../../../tsconfig.json', import.meta.url).pathname,
      {},
      { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined },
    );
    if (!config) throw new Error('cannot read tsconfig.json');
    const host = ts.createCompilerHost(config.options);
    const read = host.readFile.bind(host);
    const exists = host.fileExists.bind(host);
    host.readFile = (name) => files.get(name) ?? read(name);
    host.fileExists = (name) => files.has(name) || exists(name);
    const program = ts.createProgram([...files.keys()], { ...config.options, noEmit: true }, host);
    // Only the examples are checked; what they import is type-checked by the repository's own typecheck.
    const problems = [...files.keys()]
      .flatMap((name) => {
        const file = program.getSourceFile(name);
        return file
          ? [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]
          : [];
      })
      .map((d) => {
        const { line } = d.file?.getLineAndCharacterOfPosition(d.start ?? 0) ?? { line: 0 };
        return `${d.file?.fileName.split('/').pop()}:${line + 1} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
      });
    expect(problems).toEqual([]);
  }, 120_000);

  it('shows the Cypher the builder really compiles', () => {
    const markdown = readFileSync(DOC, 'utf8');
    const exposed = query.graph
      .match('p', 'GCPProject')
      .match('i', 'GCPInstance', { owner: 'p' })
      .where('i.exposed_internet', '=', true)
      .return('p.id as project', 'i.instancename as instance', 'i.public_ip')
      .orderBy('project');
    expect(markdown).toContain(`\`\`\`text\n${exposed.compile().cypher}\n\`\`\``);
  });
});

describe('catalogue queries the docs and doc comments name', () => {
  it('exist in the built-in catalogue', () => {
    const root = new URL('../../../../', import.meta.url);
    const files = [
      ...fs
        .readdirSync(new URL('docs/', root), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.md'))
        .map((f) => new URL(`docs/${f}`, root)),
      new URL('README.md', root),
      ...['core', 'aws', 'gcp', 'gsuite', 'sdk'].flatMap((pkg) =>
        fs
          .readdirSync(new URL(`packages/${pkg}/src/`, root), { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
          .map((f) => new URL(`packages/${pkg}/src/${f}`, root)),
      ),
    ];
    const named = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      // Queries the file defines itself (`name: 'x'` in a defineQuery example) count as known there.
      const defined = new Set([...text.matchAll(/name: ['"]([a-z0-9_]+)['"]/g)].map((m) => m[1]));
      return [...text.matchAll(/runQuery\(\s*['"]([a-z0-9_]+)['"]/g)]
        .filter((m) => !defined.has(m[1]))
        .map((m) => `${file.pathname.split('/').slice(-2).join('/')}: ${m[1]}`);
    });
    expect(named.length).toBeGreaterThan(3);
    const known = new Set(sdk.builtinCatalogue.queries.map((q) => q.name));
    expect(named.filter((entry) => !known.has(entry.split(': ')[1] as string))).toEqual([]);
  });
});
