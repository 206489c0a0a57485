import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { awsOptions } from '@skygraph/aws';
import { coreOptions, envNameOf, resolveConfig } from '@skygraph/core';
import { gcpOptions } from '@skygraph/gcp';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { driftDryRunOption, driftOptions, parseAlertRules } from '../../../src/drift/index.ts';
import { exportOptions } from '../../../src/export/index.ts';
import { dailyMinute } from './cron.ts';
import { argDefault, parseDockerfile } from './dockerfile.ts';
import { containersOf, kustomizeBuild, type Manifest, type Obj } from './kustomize-build.ts';
import { checkObjects, flagsOf } from './manifest-checks.ts';

const root = fileURLToPath(new URL('../../../../../', import.meta.url));
const kube = join(root, 'deploy/kubernetes');

describe('Dockerfile (linted here: this machine has no Docker engine to build it)', () => {
  const dockerfile = parseDockerfile(join(root, 'Dockerfile'));
  const froms = dockerfile.filter((i) => i.keyword === 'FROM');
  const finalStage = froms.length - 1;
  const inFinal = dockerfile.filter((i) => i.stage === finalStage);

  it('is multi-stage, every base a pinned Node 22 LTS slim image', () => {
    expect(froms.length).toBeGreaterThanOrEqual(2);
    const stageNames = froms.map((f) => f.args.match(/\sAS\s+(\S+)$/i)?.[1]).filter(Boolean);
    for (const from of froms) {
      const image = from.args.split(/\s+/)[0] ?? '';
      if (stageNames.includes(image)) continue;
      const resolved = image.replace(
        /^\$\{?(\w+)\}?$/,
        (_m, name: string) => argDefault(dockerfile, name) ?? '',
      );
      expect(resolved).toMatch(/^node:22\.\d+\.\d+-bookworm-slim$/);
    }
  });

  it('installs the locked dependencies with the pnpm the repository pins', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { packageManager: string };
    const runs = dockerfile.filter((i) => i.keyword === 'RUN').map((i) => i.args);
    expect(runs.some((r) => r.includes(`pnpm@${pkg.packageManager.replace('pnpm@', '')}`))).toBe(true);
    expect(runs.some((r) => /pnpm install --frozen-lockfile/.test(r))).toBe(true);
  });

  it('runs the collect bin as a non-root user with the embedded store on a volume', () => {
    const user = inFinal.filter((i) => i.keyword === 'USER').at(-1)?.args ?? '';
    expect(user).toMatch(/^[1-9]\d*(:[1-9]\d*)?$/);
    const entrypoint = JSON.parse(
      inFinal.find((i) => i.keyword === 'ENTRYPOINT')?.args ?? 'null',
    ) as string[];
    expect(entrypoint).toEqual(['collect']);
    const links = inFinal
      .filter((i) => i.keyword === 'RUN')
      .map((i) => i.args)
      .join(' ');
    // The image holds @skygraph/sdk as deployed (its published files at /app): the links follow its bins.
    const sdk = JSON.parse(readFileSync(join(root, 'packages/sdk/package.json'), 'utf8')) as {
      bin: Record<string, string>;
    };
    for (const command of ['collect', 'skygraph']) {
      const bin = sdk.bin[command]?.replace(/^\.\//, '') ?? '';
      expect(links).toContain(`/app/${bin} /usr/local/bin/${command}`);
      // The bin is compiled from the source of the same name.
      const source = bin.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts');
      expect(existsSync(join(root, 'packages/sdk', source)), source).toBe(true);
    }
    const env = inFinal
      .filter((i) => i.keyword === 'ENV')
      .map((i) => i.args)
      .join(' ');
    expect(env).toMatch(/SKYGRAPH_HOME=\/data/);
    expect(inFinal.find((i) => i.keyword === 'VOLUME')?.args).toBe('["/data"]');
  });

  it('copies only files that exist and that .dockerignore lets through', () => {
    const ignore = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#'));
    for (const pattern of ['**/node_modules', '.git', '**/*.grafeo', '**/.env'])
      expect(ignore).toContain(pattern);
    for (const copy of dockerfile.filter((i) => i.keyword === 'COPY' && !i.args.startsWith('--from'))) {
      const sources = copy.args.split(/\s+/).slice(0, -1);
      for (const source of sources) {
        expect(existsSync(join(root, source)), `${source} exists`).toBe(true);
        expect(ignore, `${source} is not ignored`).not.toContain(source);
      }
    }
  });
});

function checkManifests(resources: Manifest[]): void {
  const byKind = (kind: string) => resources.filter((r) => r.kind === kind);
  const configMaps = new Map(
    byKind('ConfigMap').map((c) => [c.metadata.name, c.data as Record<string, string>]),
  );
  checkObjects(resources, { configMaps: new Set(configMaps.keys()) });

  // Drift and the export read what the nightly collect wrote: they start after it.
  const start = (name: string) =>
    dailyMinute((byKind('CronJob').find((j) => j.metadata.name === name)?.spec as Obj)?.schedule);
  const collect = start('skygraph-collect') as number;
  expect(collect).toBeDefined();
  expect(start('skygraph-drift')).toBeGreaterThan(collect + 60);
  expect(start('skygraph-export')).toBeGreaterThan(collect + 60);

  // Every flag a job passes is one the command declares.
  const commands: Record<string, { prefix: string[]; flags: Set<string> }> = {
    'skygraph-collect': { prefix: [], flags: flagsOf(coreOptions, awsOptions, gcpOptions) },
    'skygraph-drift': { prefix: ['drift'], flags: flagsOf(coreOptions, driftOptions, driftDryRunOption) },
    'skygraph-export': { prefix: ['export', 'elasticsearch'], flags: flagsOf(coreOptions, exportOptions) },
  };
  for (const [name, command] of Object.entries(commands)) {
    const job = byKind('CronJob').find((j) => j.metadata.name === name);
    const [container] = containersOf(job as Manifest);
    const args = (container?.args ?? []) as string[];
    expect(args.slice(0, command.prefix.length), name).toEqual(command.prefix);
    for (const arg of args.filter((a) => a.startsWith('--')))
      expect([...command.flags], `${name} ${arg}`).toContain(arg.slice(2));
    // Settings in the environment must name real options too (an unknown SKYGRAPH_ variable is silently ignored).
    const known = new Set([...command.flags].map(envNameOf));
    for (const env of container?.env ?? []) {
      if (env.name.startsWith('SKYGRAPH_')) expect([...known], `${name} env ${env.name}`).toContain(env.name);
    }
  }

  // The configuration files in the ConfigMap are valid for the commands that read them.
  const config = configMaps.get('skygraph-config') ?? {};
  const rules = parseAlertRules(
    config['alert-rules.yaml'] ?? '',
    'ConfigMap skygraph-config alert-rules.yaml',
  );
  expect(rules.rules.length).toBeGreaterThan(0);
  const dir = mkdtempSync(join(tmpdir(), 'skygraph-deploy-'));
  try {
    const file = join(dir, 'collect.yaml');
    writeFileSync(file, config['collect.yaml'] ?? '');
    expect(resolveConfig(coreOptions, { file, env: {} })).toMatchObject({
      store: 'bolt://neo4j:7687',
      neo4jPasswordEnvVar: 'NEO4J_PASSWORD',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  // Neo4j: the Service the StatefulSet names selects its pods, and only the jobs may reach Bolt.
  for (const set of byKind('StatefulSet')) {
    const spec = set.spec as Obj;
    const service = byKind('Service').find((s) => s.metadata.name === spec.serviceName);
    expect(service, `Service ${spec.serviceName}`).toBeDefined();
    expect((service?.spec as Obj)?.clusterIP).toBe('None');
    expect(spec.template.metadata.labels).toMatchObject((service?.spec as Obj)?.selector);
    expect(spec.template.metadata.labels).toMatchObject(spec.selector.matchLabels);
    for (const claim of spec.volumeClaimTemplates)
      expect(claim.spec.resources.requests.storage).toMatch(/^\d+[GT]i$/);
  }
  const policy = byKind('NetworkPolicy').find((p) => p.metadata.name === 'neo4j');
  const neo4jLabels = (byKind('StatefulSet')[0]?.spec as Obj)?.template.metadata.labels;
  expect(neo4jLabels).toMatchObject((policy?.spec as Obj)?.podSelector.matchLabels);
  const allowed = (policy?.spec as Obj)?.ingress[0].from[0].podSelector.matchLabels;
  for (const job of byKind('CronJob')) {
    expect((job.spec as Obj).jobTemplate.spec.template.metadata.labels).toMatchObject(allowed);
  }
}

describe('Kubernetes manifests', () => {
  it('base: parses, and every object passes the structural checks', () => {
    const base = kustomizeBuild(join(kube, 'base'));
    expect(base.map((r) => `${r.kind}/${r.metadata.name}`).sort()).toEqual([
      'ConfigMap/skygraph-config',
      'CronJob/skygraph-collect',
      'CronJob/skygraph-drift',
      'CronJob/skygraph-export',
      'NetworkPolicy/neo4j',
      'Service/neo4j',
      'ServiceAccount/skygraph',
      'StatefulSet/neo4j',
    ]);
    checkManifests(base);
    for (const r of base) expect(r.metadata.labels?.['app.kubernetes.io/part-of']).toBe('skygraph');
  });

  it('example overlay: namespaced, pinned image, IRSA, bigger volume, and still passes the checks', () => {
    const overlay = kustomizeBuild(join(kube, 'overlays/example'));
    checkManifests(overlay);
    for (const r of overlay.filter((r) => r.kind !== 'Namespace'))
      expect(r.metadata.namespace, r.metadata.name).toBe('skygraph');
    const images = overlay.flatMap((r) => containersOf(r).map((c) => c.image as string));
    expect(images.filter((i) => i.includes('skygraph'))).toEqual(
      Array(3).fill('registry.example.com/platform/skygraph:0.1.0'),
    );
    const sa = overlay.find((r) => r.kind === 'ServiceAccount');
    expect(sa?.metadata.annotations?.['eks.amazonaws.com/role-arn']).toMatch(/^arn:aws:iam::\d{12}:role\//);
    const neo4j = overlay.find((r) => r.kind === 'StatefulSet')?.spec as Obj;
    expect(neo4j.volumeClaimTemplates[0].spec).toMatchObject({
      storageClassName: 'gp3',
      resources: { requests: { storage: '200Gi' } },
    });
    const collect = containersOf(overlay.find((r) => r.metadata.name === 'skygraph-collect') as Manifest)[0];
    expect(collect?.resources.limits).toEqual({ cpu: '2', memory: '3Gi' });
    expect(collect?.env.find((e: { name: string }) => e.name === 'SKYGRAPH_AWS_ROLE_NAME').value).toBe(
      'SecurityAudit-Skygraph',
    );
  });

  const kubectl = (() => {
    try {
      execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  // The real kustomize, where kubectl is installed (it is on the CI machine), must agree with the test build.
  it.runIf(kubectl).each(['base', 'overlays/example'])(
    'kubectl kustomize %s gives the same objects',
    (dir) => {
      const output = execFileSync('kubectl', ['kustomize', join(kube, dir)], { encoding: 'utf8' });
      const real = parseAllDocuments(output).map((d) => d.toJS() as Manifest);
      const ours = kustomizeBuild(join(kube, dir));
      const key = (r: Manifest) => `${r.kind}/${r.metadata.namespace ?? ''}/${r.metadata.name}`;
      expect(real.map(key).sort()).toEqual(ours.map(key).sort());
      for (const r of real)
        expect(canonical(r), key(r)).toEqual(canonical(ours.find((o) => key(o) === key(r))));
    },
  );
});

/** Lists of named objects in name order: strategic merge may order them differently. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) {
    const items = value.map(canonical);
    const named = items.every((i) => i && typeof i === 'object' && 'name' in (i as object));
    return named
      ? items.sort((a, b) => String((a as Obj).name).localeCompare(String((b as Obj).name)))
      : items;
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}
