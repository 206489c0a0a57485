import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';

/** Manifests are schemaless data: fields are read without a type for each kind. */
// biome-ignore lint/suspicious/noExplicitAny: manifests are plain YAML data of every kind
export type Obj = any;

/** A Kubernetes object as plain data. */
export type Manifest = Record<string, unknown> & {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
};

const KNOWN_FIELDS = new Set(['apiVersion', 'kind', 'namespace', 'resources', 'images', 'patches', 'labels']);
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'ClusterRole',
  'ClusterRoleBinding',
  'StorageClass',
  'PersistentVolume',
]);
// Strategic-merge keys of the lists our manifests patch.
const MERGE_KEYS: Record<string, string> = { volumeMounts: 'mountPath', ports: 'containerPort' };

/** Parses every YAML document of a file; a syntax error names the file. */
export function readManifests(path: string): Manifest[] {
  const docs = parseAllDocuments(readFileSync(path, 'utf8'));
  const out: Manifest[] = [];
  for (const doc of docs) {
    if (doc.errors.length > 0) throw new Error(`${path}: ${doc.errors[0]?.message}`);
    const value = doc.toJS() as Manifest | null;
    if (value !== null) out.push(value);
  }
  return out;
}

/**
 * The subset of `kustomize build` these manifests use: resources (files
 * and kustomization folders), strategic-merge patches from files, JSON 6902
 * patches inline with a target, labels, namespace and images. A field it
 * does not know fails the build, so it never silently ignores what
 * kustomize would do.
 */
export function kustomizeBuild(dir: string): Manifest[] {
  const file = ['kustomization.yaml', 'kustomization.yml', 'Kustomization']
    .map((name) => join(dir, name))
    .find((path) => existsSync(path));
  if (!file) throw new Error(`${dir}: no kustomization.yaml`);
  const [config] = readManifests(file) as unknown as Record<string, unknown>[];
  if (!config) throw new Error(`${file} is empty`);
  for (const key of Object.keys(config)) {
    if (!KNOWN_FIELDS.has(key)) throw new Error(`${file}: field "${key}" is not supported by the test build`);
  }
  let resources: Manifest[] = [];
  for (const entry of (config.resources as string[] | undefined) ?? []) {
    const path = resolve(dir, entry);
    if (!existsSync(path)) throw new Error(`${file}: resource ${entry} does not exist`);
    resources.push(...(statSync(path).isDirectory() ? kustomizeBuild(path) : readManifests(path)));
  }
  for (const patch of (config.patches as Record<string, unknown>[] | undefined) ?? []) {
    resources = applyPatch(resources, patch, dir, file);
  }
  for (const label of (config.labels as { pairs: Record<string, string> }[] | undefined) ?? []) {
    for (const r of resources) r.metadata.labels = { ...r.metadata.labels, ...label.pairs };
  }
  if (typeof config.namespace === 'string') {
    for (const r of resources) if (!CLUSTER_SCOPED.has(r.kind)) r.metadata.namespace = config.namespace;
  }
  for (const image of (config.images as { name: string; newName?: string; newTag?: string }[] | undefined) ??
    []) {
    for (const r of resources) {
      for (const container of containersOf(r)) {
        const [name] = String(container.image).split(/[:@]/);
        if (name === image.name)
          container.image = `${image.newName ?? name}${image.newTag ? `:${image.newTag}` : ''}`;
      }
    }
  }
  return resources;
}

/** The pod spec of a workload (CronJob, StatefulSet, Deployment, Job), if it has one. */
export function podSpecOf(manifest: Manifest): Record<string, unknown> | undefined {
  const spec = manifest.spec as Obj | undefined;
  if (manifest.kind === 'CronJob') return spec?.jobTemplate?.spec?.template?.spec;
  if (['StatefulSet', 'Deployment', 'Job', 'DaemonSet'].includes(manifest.kind)) return spec?.template?.spec;
  return undefined;
}

export function containersOf(manifest: Manifest): Obj[] {
  const pod = podSpecOf(manifest);
  return [...((pod?.initContainers as Obj[]) ?? []), ...((pod?.containers as Obj[]) ?? [])];
}

function applyPatch(
  resources: Manifest[],
  patch: Record<string, unknown>,
  dir: string,
  file: string,
): Manifest[] {
  if (typeof patch.path === 'string') {
    const [doc] = readManifests(resolve(dir, patch.path));
    if (!doc) throw new Error(`${file}: patch ${patch.path} is empty`);
    const target = findTarget(resources, { kind: doc.kind, name: doc.metadata.name }, file);
    Object.assign(target, strategicMerge(target, doc));
    return resources;
  }
  const target = patch.target as { kind: string; name: string } | undefined;
  if (typeof patch.patch !== 'string' || !target)
    throw new Error(`${file}: a patch needs a path, or a patch and a target`);
  const parsed = parseAllDocuments(patch.patch)[0]?.toJS() as unknown;
  const manifest = findTarget(resources, target, file);
  if (!Array.isArray(parsed)) {
    Object.assign(manifest, strategicMerge(manifest, parsed as Manifest));
    return resources;
  }
  for (const op of parsed as { op: string; path: string; value?: unknown }[]) jsonPatch(manifest, op, file);
  return resources;
}

function findTarget(resources: Manifest[], target: { kind: string; name: string }, file: string): Manifest {
  const found = resources.find((r) => r.kind === target.kind && r.metadata.name === target.name);
  if (!found)
    throw new Error(`${file}: patch target ${target.kind}/${target.name} is not among the resources`);
  return found;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Kubernetes strategic merge for maps and the named lists (containers, env, volumes...). */
export function strategicMerge(base: unknown, patch: unknown, key = ''): unknown {
  if (isObject(base) && isObject(patch)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete out[k];
      else out[k] = strategicMerge(base[k], v, k);
    }
    return out;
  }
  const mergeKey = MERGE_KEYS[key] ?? 'name';
  if (Array.isArray(base) && Array.isArray(patch) && patch.every((p) => isObject(p) && mergeKey in p)) {
    const out = base.map((item) => structuredClone(item));
    const added: unknown[] = [];
    for (const item of patch as Record<string, unknown>[]) {
      const index = out.findIndex((b) => isObject(b) && b[mergeKey] === item[mergeKey]);
      if (index >= 0) out[index] = strategicMerge(out[index], item);
      else added.push(item);
    }
    return [...added, ...out];
  }
  return structuredClone(patch);
}

function jsonPatch(
  target: Record<string, unknown>,
  op: { op: string; path: string; value?: unknown },
  file: string,
) {
  const parts = op.path
    .split('/')
    .slice(1)
    .map((p) => p.replaceAll('~1', '/').replaceAll('~0', '~'));
  const last = parts.pop();
  let node: Obj = target;
  for (const part of parts) {
    node = node?.[Array.isArray(node) ? Number(part) : part];
    if (node === undefined) throw new Error(`${file}: JSON patch path ${op.path} does not exist`);
  }
  if (last === undefined) throw new Error(`${file}: empty JSON patch path`);
  const key = Array.isArray(node) ? (last === '-' ? node.length : Number(last)) : last;
  switch (op.op) {
    case 'add':
      if (Array.isArray(node)) node.splice(key as number, 0, op.value);
      else node[key] = op.value;
      break;
    case 'replace':
      if (!(key in node)) throw new Error(`${file}: JSON patch replaces ${op.path}, which does not exist`);
      node[key] = op.value;
      break;
    case 'remove':
      if (Array.isArray(node)) node.splice(key as number, 1);
      else delete node[key];
      break;
    default:
      throw new Error(`${file}: JSON patch op "${op.op}" is not supported by the test build`);
  }
}
