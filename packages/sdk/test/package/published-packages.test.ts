import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createTestStoreTarget, type TestStoreTarget } from '@skygraph/core/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * What gets published, used as another service would: every package packed
 * with pnpm (workspace versions resolved), the tarballs installed with npm into
 * a new project outside the workspace, then imported, required, type-checked
 * and run from there. Vitest's global setup has built dist/ just before.
 */
const ROOT = resolve(import.meta.dirname, '../../../..');
const PACKAGES = ['core', 'aws', 'gcp', 'gsuite', 'sdk'];
/** What the read side must never load: cloud clients, the Elasticsearch client, the store drivers. */
const HEAVY =
  /\/node_modules\/(@aws-sdk|@smithy|googleapis|googleapis-common|google-auth-library|@google-cloud|gaxios|@grpc|@elastic|neo4j-driver|@grafeo-db)\//;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }) {
  return new Promise<Run>((done) => {
    execFile(
      command,
      args,
      { cwd: options.cwd, env: options.env ?? cleanEnv(), timeout: 300_000, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) =>
        done({
          code: error ? (typeof error.code === 'number' ? error.code : null) : 0,
          stdout,
          stderr: error && typeof error.code !== 'number' ? `${error.message}\n${stderr}` : stderr,
        }),
    );
  });
}

/** A user's shell: none of pnpm's, npm's or Vitest's variables, nothing that points into the workspace. */
function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (/^(npm_|pnpm_|PNPM_|VITEST|NODE_OPTIONS$|NODE_PATH$|SKYGRAPH_)/.test(name)) continue;
    env[name] = value;
  }
  return { ...env, NO_COLOR: '1', ...extra };
}

const ok = (result: Run, what: string) =>
  expect(result.code, `${what}\n--- stdout\n${result.stdout}\n--- stderr\n${result.stderr}`).toBe(0);

/** The ```ts blocks of a Markdown file, with the line each starts on. */
function tsBlocks(markdown: string): { line: number; code: string }[] {
  return [...markdown.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => ({
    line: markdown.slice(0, match.index).split('\n').length + 1,
    code: match[1] ?? '',
  }));
}

/** A strict consumer: nodenext, exactOptionalPropertyTypes, declaration files checked too. */
const compilerOptions = {
  target: 'ES2023',
  lib: ['ES2023'],
  module: 'nodenext',
  moduleResolution: 'nodenext',
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  types: ['node'],
};

let work: string;
let tarballs: string;
let project: string;
let target: TestStoreTarget;
let demo: Run;
/** docs/sdk.md's, the README's and the package READMEs' examples: what a new user copies first. */
const docExamples = ['docs/sdk.md', 'README.md', 'packages/sdk/README.md', 'packages/core/README.md'].flatMap(
  (file) =>
    tsBlocks(readFileSync(join(ROOT, file), 'utf8')).map((block) => ({
      ...block,
      name: `${file.replaceAll(/[/.]/g, '-')}-line-${block.line}`,
    })),
);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'skygraph-published-'));
  tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  // pnpm (as the release does) so `workspace:*` becomes the real version in the packed manifest.
  const pnpm = process.env.npm_execpath?.includes('pnpm') ? process.env.npm_execpath : undefined;
  for (const name of PACKAGES) {
    const packed = pnpm
      ? await run(process.execPath, [pnpm, 'pack', '--pack-destination', tarballs], {
          cwd: join(ROOT, 'packages', name),
        })
      : await run('pnpm', ['pack', '--pack-destination', tarballs], { cwd: join(ROOT, 'packages', name) });
    ok(packed, `pnpm pack in packages/${name}`);
  }

  project = join(work, 'consumer');
  mkdirSync(join(project, 'src'), { recursive: true });
  writeFileSync(
    join(project, 'package.json'),
    `${JSON.stringify({ name: 'skygraph-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const version = (name: string) =>
    (
      JSON.parse(readFileSync(join(ROOT, 'node_modules', name, 'package.json'), 'utf8')) as {
        version: string;
      }
    ).version;
  const installed = await run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      ...readdirSync(tarballs).map((file) => join(tarballs, file)),
      `typescript@${version('typescript')}`,
      `@types/node@${version('@types/node')}`,
    ],
    { cwd: project },
  );
  ok(installed, 'npm install of the packed tarballs');

  // The docs' examples as a strict TypeScript consumer's sources.
  for (const { name, code } of docExamples) {
    writeFileSync(join(project, 'src', `${name}.ts`), `${code}\nexport {};\n`);
  }
  writeFileSync(
    join(project, 'tsconfig.json'),
    JSON.stringify({
      compilerOptions: { ...compilerOptions, rootDir: 'src', outDir: 'out' },
      include: ['src'],
    }),
  );

  // The store the docs' examples read, filled by the installed `collect` as a user would.
  target = await createTestStoreTarget();
  demo = await run('npx', ['--no-install', 'collect', '--demo', ...target.args], {
    cwd: project,
    env: cleanEnv({ ...target.env, HOME: work }),
  });
}, 600_000);

afterAll(() => {
  target?.dispose();
  if (work) rmSync(work, { recursive: true, force: true });
});

describe('the published packages, installed with npm into a new project', () => {
  it('pass publint and arethetypeswrong (ES modules only; require() is Node 20.19+ require(esm))', async () => {
    const bin = (name: string) => join(ROOT, 'node_modules/.bin', name);
    const packed = readdirSync(tarballs);
    expect(packed).toHaveLength(PACKAGES.length);
    for (const file of packed) {
      const lint = await run(bin('publint'), ['run', '--strict', join(tarballs, file)], { cwd: work });
      ok(lint, `publint ${file}`);
      const types = await run(
        bin('attw'),
        [join(tarballs, file), '--profile', 'esm-only', '--format', 'ascii'],
        {
          cwd: work,
        },
      );
      // attw exits non-zero on any problem the profile does not ignore.
      ok(types, `attw ${file}`);
    }
  }, 120_000);

  it('import as ES modules and load with require() under plain node', async () => {
    const esm = await run(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { graph, builtinCatalogue, connect } from '@skygraph/sdk';
         import { collect, skygraph } from '@skygraph/sdk/cli';
         import { openStore } from '@skygraph/core';
         import { awsSchemas } from '@skygraph/aws/schema';
         console.log(typeof graph.match, builtinCatalogue.queries.length > 0, typeof connect, typeof collect, typeof skygraph, typeof openStore, awsSchemas.length > 0);`,
      ],
      { cwd: project },
    );
    ok(esm, 'ESM import');
    expect(esm.stdout.trim()).toBe('function true function function function function true');

    writeFileSync(
      join(project, 'require-check.cjs'),
      `const sdk = require('@skygraph/sdk');
       console.log(sdk.graph.match('a', 'AWSAccount').return('a.id').compile().cypher);\n`,
    );
    const cjs = await run(process.execPath, ['require-check.cjs'], { cwd: project });
    ok(cjs, 'require() from CommonJS');
    expect(cjs.stdout).toMatch(/MATCH \(a:AWSAccount\)/);
  });

  it('loads no cloud client, Elasticsearch client or store driver when the SDK is imported to read', async () => {
    const census = join(work, 'census.txt');
    const loaded = await run(
      process.execPath,
      [
        '--import',
        join(ROOT, 'tools/module-census/census.mjs'),
        '--input-type=module',
        '-e',
        `await import('@skygraph/sdk');`,
      ],
      { cwd: project, env: cleanEnv({ SKYGRAPH_MODULE_CENSUS: census }) },
    );
    ok(loaded, 'import with the module census');
    const files = [...new Set(readFileSync(census, 'utf8').split('\n').filter(Boolean))];
    expect(files.some((file) => file.includes('/node_modules/@skygraph/sdk/dist/index.js'))).toBe(true);
    expect(files.filter((file) => HEAVY.test(file))).toEqual([]);
  });

  it('runs `npx collect --help` and `npx skygraph --help`', async () => {
    for (const command of ['collect', 'skygraph']) {
      const help = await run('npx', ['--no-install', command, '--help'], { cwd: project });
      ok(help, `npx ${command} --help`);
      expect(help.stdout).toMatch(new RegExp(`^Usage: ${command} `, 'm'));
      expect(help.stderr).toBe('');
    }
  });

  it('syncs the demo estate with `npx collect --demo` and points at `npx skygraph` next', () => {
    ok(demo, 'npx collect --demo');
    expect(demo.stdout).toContain('Next: npx skygraph query --list');
    expect(demo.stdout).not.toContain('pnpm skygraph');
  });

  it('stops quietly when a pipe reader has read enough (`skygraph query --list | head -1`)', async () => {
    const piped = await run(
      'bash',
      ['-o', 'pipefail', '-c', 'npx --no-install skygraph query --list | head -1'],
      {
        cwd: project,
      },
    );
    ok(piped, 'skygraph query --list | head -1');
    expect(piped.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(piped.stderr).not.toMatch(/EPIPE|Unhandled|Error/);
  });

  it("type-checks the docs' examples in a strict TypeScript consumer, and rejects a misspelt label", async () => {
    expect(docExamples.length).toBeGreaterThanOrEqual(12);
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    const checked = await run(process.execPath, [tsc, '-p', 'tsconfig.json', '--noEmit'], { cwd: project });
    ok(checked, 'tsc over the docs examples');

    mkdirSync(join(project, 'misspelt'));
    writeFileSync(
      join(project, 'misspelt/query.ts'),
      `import { graph } from '@skygraph/sdk';\nexport const q = graph.match('i', 'AWSEC2Instanse').return('i.id');\n`,
    );
    writeFileSync(
      join(project, 'misspelt/tsconfig.json'),
      JSON.stringify({ compilerOptions: { ...compilerOptions, noEmit: true }, include: ['query.ts'] }),
    );
    const rejected = await run(process.execPath, [tsc, '-p', 'misspelt/tsconfig.json'], { cwd: project });
    expect(rejected.code).not.toBe(0);
    expect(rejected.stdout).toMatch(/query\.ts\(2,\d+\): error TS\d+: .*"AWSEC2Instanse"/);
  }, 180_000);

  it("runs the docs' examples, compiled, against the synced graph", async () => {
    ok(demo, 'npx collect --demo');
    const tsc = join(project, 'node_modules/typescript/bin/tsc');
    ok(await run(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: project }), 'tsc (emit)');
    for (const { name } of docExamples) {
      const example = await run(process.execPath, [`out/${name}.js`], {
        cwd: project,
        env: cleanEnv({ ...target.env }),
      });
      ok(example, `the example ${name}`);
      expect(example.stdout.trim(), `the example ${name} prints what it shows`).not.toBe('');
    }
  }, 180_000);
});
