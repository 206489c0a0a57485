import * as crypto from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { awsOptions } from '@skygraph/aws';
import * as core from '@skygraph/core';
import { coreOptions, type OptionSpec, resolveConfig, sync } from '@skygraph/core';
import { createTestStoreTarget, fixtureProvider, type TestStoreTarget } from '@skygraph/core/testing';
import { gcpOptions } from '@skygraph/gcp';
import * as sdk from '@skygraph/sdk';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { collectOptions } from '../../src/cli/collect-command.ts';
import * as drift from '../../src/drift/index.ts';
import * as exporting from '../../src/export/index.ts';
import { kustomizeBuild, type Manifest, type Obj } from './deployment/kustomize-build.ts';
import { checkObjects } from './deployment/manifest-checks.ts';

/**
 * Keeps docs/monitoring.md and docs/kubernetes.md true: every code block is
 * a kind this test knows, and is checked as such.
 */
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const DOCS = ['docs/monitoring.md', 'docs/kubernetes.md'];
const KINDS = new Set(['yaml alert-rules', 'yaml kubernetes', 'sh', 'ts', 'text']);

interface Block {
  readonly doc: string;
  readonly kind: string;
  readonly line: number;
  readonly code: string;
}

function blocksOf(doc: string): Block[] {
  const lines = readFileSync(join(root, doc), 'utf8').split('\n');
  const out: Block[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = lines[i]?.match(/^```(.*)$/);
    if (!open) continue;
    let end = i + 1;
    while (end < lines.length && lines[end] !== '```') end++;
    out.push({ doc, kind: (open[1] ?? '').trim(), line: i + 1, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return out;
}

const blocks = DOCS.flatMap(blocksOf);
const where = (b: Block) => `${b.doc}:${b.line}`;

/** Shell command lines: continuations joined, comments dropped. */
function commandLines(code: string): string[] {
  return code
    .replace(/\\\n\s*/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
}

/** Splits a command line into words, keeping quoted strings and $(...) together. */
function words(line: string): string[] {
  return line.match(/"(?:[^"\\]|\\.)*"|'[^']*'|\$\(\([^)]*\)\)|\S+/g) ?? [];
}

const unquote = (word: string) => word.replace(/^"(.*)"$/, '$1').replace(/^'(.*)'$/, '$1');

/** The option specs of each command the docs run. */
function commandOptions(
  argv: string[],
): { name: string; options: Record<string, OptionSpec>; rest: string[] } | undefined {
  const [command, sub, sub2] = argv;
  if (command === 'collect') {
    return {
      name: 'collect',
      options: {
        ...coreOptions,
        ...collectOptions,
        ...awsOptions,
        ...gcpOptions,
        ...drift.thenDriftOption,
        ...drift.driftOptions,
      },
      rest: argv.slice(1),
    };
  }
  if (command === 'skygraph' && sub === 'drift') {
    return {
      name: 'skygraph drift',
      options: { ...coreOptions, ...drift.driftOptions, ...drift.driftDryRunOption },
      rest: argv.slice(2),
    };
  }
  if (command === 'skygraph' && sub === 'export' && sub2 === 'elasticsearch') {
    return {
      name: 'skygraph export elasticsearch',
      options: { ...coreOptions, ...exporting.exportOptions },
      rest: argv.slice(3),
    };
  }
  return undefined;
}

/** Checks the flags of a collect/skygraph command line: known, and valid values where the value is literal. */
function checkCommand(argv: string[], at: string): boolean {
  const command = commandOptions(argv);
  if (!command) return false;
  const byFlag = new Map(Object.entries(command.options).map(([key, spec]) => [spec.flag, { key, spec }]));
  const flags: Record<string, unknown> = {};
  for (let i = 0; i < command.rest.length; i++) {
    const word = command.rest[i] as string;
    expect(word.startsWith('--'), `${at}: ${command.name}: "${word}" is not a flag`).toBe(true);
    const name = word.slice(2);
    if (name === 'config' || name === 'help') {
      if (name === 'config') i++;
      continue;
    }
    const option = byFlag.get(name);
    expect(option, `${at}: ${command.name} has no flag --${name}`).toBeDefined();
    if (!option) continue;
    if (option.spec.kind === 'boolean') {
      flags[option.key] = true;
      continue;
    }
    const value = unquote(command.rest[++i] ?? '');
    if (!value.includes('$')) flags[option.key] = value;
  }
  // Values go through the same validation as the CLI's (strings as flags give them).
  const coerced = Object.fromEntries(
    Object.entries(flags).map(([key, value]) => {
      const kind = command.options[key]?.kind;
      if (typeof value !== 'string') return [key, value];
      if (kind === 'number') return [key, Number(value)];
      if (kind === 'list') return [key, value.split(',').map((v) => v.trim())];
      return [key, value];
    }),
  );
  const picked = Object.fromEntries(
    Object.keys(coerced).map((key) => [key, command.options[key] as OptionSpec]),
  );
  expect(() => resolveConfig(picked, { flags: coerced, env: {} }), at).not.toThrow();
  return true;
}

describe('monitoring and Kubernetes docs', () => {
  it('use only code blocks the tests know how to check', () => {
    for (const block of blocks) expect(KINDS, `${where(block)} \`\`\`${block.kind}`).toContain(block.kind);
    expect(blocks.filter((b) => b.kind === 'yaml alert-rules').length).toBeGreaterThan(0);
  });

  it('show alert rules files that validate', () => {
    for (const block of blocks.filter((b) => b.kind === 'yaml alert-rules')) {
      const rules = drift.parseAlertRules(block.code, where(block));
      expect(rules.rules.length).toBeGreaterThan(0);
    }
  });

  it('show Kubernetes manifests that pass the checks of the shipped ones', () => {
    for (const block of blocks.filter((b) => b.kind === 'yaml kubernetes')) {
      const manifests = parseAllDocuments(block.code).map((d) => d.toJS() as Manifest);
      checkObjects(manifests);
      for (const manifest of manifests) {
        for (const container of (manifest.spec as Obj).jobTemplate?.spec?.template?.spec?.containers ?? []) {
          const script = [...(container.command ?? []), ...(container.args ?? [])].join(' ');
          const exec = script.match(/exec (collect .*)$/)?.[1];
          const argv = exec
            ? words(exec).map(unquote)
            : [...(container.command ?? ['collect']), ...(container.args ?? [])];
          expect(checkCommand(argv, where(block)), `${where(block)}: runs collect or skygraph`).toBe(true);
        }
      }
    }
  });

  it('run collect and skygraph with flags that exist and values they accept', () => {
    let checked = 0;
    for (const block of blocks.filter((b) => b.kind === 'sh')) {
      for (const line of commandLines(block.code)) {
        const argv = words(line).map((w) => (w.startsWith("'") ? unquote(w) : w));
        if (checkCommand(argv, `${where(block)}: ${line}`)) checked++;
        if (argv[0] === 'kubectl' && argv.includes('-k')) {
          expect(() => kustomizeBuild(join(root, argv[argv.indexOf('-k') + 1] ?? ''))).not.toThrow();
        }
      }
    }
    expect(checked).toBeGreaterThanOrEqual(8);
  });

  it('create every secret and key the manifests use, and the variables the alert rules name', () => {
    const created = new Map<string, Set<string>>();
    for (const block of blocks.filter((b) => b.doc === 'docs/kubernetes.md' && b.kind === 'sh')) {
      for (const line of commandLines(block.code)) {
        const argv = words(line);
        const at = argv.indexOf('generic');
        if (argv[0] !== 'kubectl' || at < 0) continue;
        const keys = argv
          .filter((w) => /^--from-(literal|file)=/.test(w))
          .map((w) => w.replace(/^--from-(literal|file)=/, '').split('=')[0] as string);
        created.set(argv[at + 1] as string, new Set(keys));
      }
    }
    const overlay = kustomizeBuild(join(root, 'deploy/kubernetes/overlays/example'));
    const used: [string, string | undefined][] = [];
    const visit = (value: unknown): void => {
      if (Array.isArray(value)) value.forEach(visit);
      else if (value && typeof value === 'object') {
        const o = value as Obj;
        if (o.secretKeyRef) used.push([o.secretKeyRef.name, o.secretKeyRef.key]);
        if (o.secretRef) used.push([o.secretRef.name, undefined]);
        if (o.secret?.secretName) {
          used.push([o.secret.secretName, undefined]);
          for (const item of o.secret.items ?? []) used.push([o.secret.secretName, item.key]);
        }
        Object.values(o).forEach(visit);
      }
    };
    visit(overlay);
    expect(used.length).toBeGreaterThan(0);
    for (const [name, key] of used) {
      expect([...created.keys()], `secret ${name}`).toContain(name);
      if (key) expect([...(created.get(name) ?? [])], `secret ${name} key ${key}`).toContain(key);
    }
    const config = overlay.find((r) => r.kind === 'ConfigMap')?.data as Record<string, string>;
    const rules = drift.parseAlertRules(config['alert-rules.yaml'] ?? '');
    const named = Object.values(rules.sinks).flatMap((sink) =>
      Object.entries(sink)
        .filter(([key]) => key.endsWith('Env'))
        .map(([, value]) => String(value)),
    );
    for (const variable of named) expect([...(created.get('skygraph-alerting') ?? [])]).toContain(variable);
  });

  it('list every file of the Kubernetes base', () => {
    const text = readFileSync(join(root, 'docs/kubernetes.md'), 'utf8');
    const base = parseAllDocuments(
      readFileSync(join(root, 'deploy/kubernetes/base/kustomization.yaml'), 'utf8'),
    )[0]?.toJS() as {
      resources: string[];
    };
    for (const file of ['kustomization.yaml', ...base.resources]) expect(text).toContain(file);
  });

  describe('TypeScript examples run', () => {
    let dir: string;
    let target: TestStoreTarget;
    const previous = { ...process.env };
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'skygraph-monitoring-docs-'));
      target = await createTestStoreTarget();
      const store = await target.open();
      try {
        await sync({
          store,
          providers: [
            fixtureProvider({
              tenants: {
                acme: {
                  'eu-west-1': {
                    servers: [{ id: 's1', region: 'eu-west-1', public: true, ports: [22] }],
                    disks: [],
                  },
                },
              },
            }),
          ],
        });
      } finally {
        await store.close();
      }
      Object.assign(process.env, target.env);
    });
    afterAll(() => {
      for (const name of Object.keys(target.env)) {
        if (previous[name] === undefined) delete process.env[name];
        else process.env[name] = previous[name];
      }
      target.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    const modules: Record<string, unknown> = {
      // What the package exports, not its folders: a name the docs use must be public.
      '@skygraph/sdk': sdk,
      '@skygraph/core': core,
      'node:crypto': crypto,
    };
    const AsyncFunction = Object.getPrototypeOf(async () => undefined).constructor as new (
      ...args: string[]
    ) => (...values: unknown[]) => Promise<void>;

    for (const block of blocks.filter((b) => b.kind === 'ts')) {
      it(`${where(block)}`, async () => {
        const rewritten = block.code.replace(
          /^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?$/gm,
          (_m, list: string, from: string) => {
            expect(Object.keys(modules), `${where(block)} imports ${from}`).toContain(from);
            const names = list
              .split(',')
              .map((n) => n.trim())
              .filter(Boolean);
            for (const name of names) {
              expect(modules[from] as object, `${where(block)}: ${from} exports ${name}`).toHaveProperty(
                name.split(/\s+as\s+/)[0] as string,
              );
            }
            return `const { ${names.map((n) => n.replace(/\s+as\s+/, ': ')).join(', ')} } = __modules[${JSON.stringify(from)}];`;
          },
        );
        const body = ts.transpileModule(rewritten, {
          compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext },
        }).outputText;
        const logs: string[] = [];
        const fakeConsole = {
          log: (...args: unknown[]) => logs.push(args.join(' ')),
          assert: (ok: unknown, message?: string) => {
            if (!ok) throw new Error(`console.assert failed${message ? `: ${message}` : ''}`);
          },
        };
        const fakeProcess = {
          env: process.env,
          exitCode: undefined as number | undefined,
          stdout: { write: () => true },
        };
        await new AsyncFunction('__modules', 'console', 'process', body)(modules, fakeConsole, fakeProcess);
        expect(fakeProcess.exitCode ?? 0, `${where(block)} exit code`).toBe(0);
      });
    }
  });
});
