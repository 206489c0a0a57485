import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Cartography's own node and relationship models, the oracle of skygraph's
 * compatibility test. The pinned release is downloaded from PyPI once (pip,
 * no dependencies: the models need only Python's standard library), checked
 * against its published SHA-256, unpacked into a cache folder, and its models
 * dumped by dump_models.py. Nothing is copied by hand.
 */
export const CARTOGRAPHY_VERSION = '0.143.0';
const WHEEL = `cartography-${CARTOGRAPHY_VERSION}-py3-none-any.whl`;
const WHEEL_SHA256 = 'fdf09716dd56c88fe2f37c88ccaffe5867a076aa28989aef73d5f44c8960641c';

export interface CartographyRel {
  /** Set on stand-alone relationship models (match links) only. */
  source?: string;
  type: string;
  direction: 'in' | 'out';
  target: string;
  targetKeys: string[];
  properties: string[];
}

export interface CartographyLabel {
  label: string;
  kind: 'standard' | 'ontology' | 'compatibility';
  /** Property/value pairs that must all hold for the label to apply; empty: always. */
  conditions: [string, string][];
  removeIn: string | null;
}

export interface CartographyNode {
  label: string;
  module: string;
  extraLabels: CartographyLabel[];
  properties: Record<string, { source: string | null; setInKwargs: boolean; extraIndex: boolean }>;
  subResource: CartographyRel | null;
  relationships: CartographyRel[];
}

export interface CartographyModels {
  version: string;
  nodes: CartographyNode[];
  /** Relationship models written on their own between existing nodes (Cartography's MatchLinks). */
  matchLinks?: CartographyRel[];
}

const here = dirname(fileURLToPath(import.meta.url));

function cacheDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CACHE_HOME || join(env.HOME || homedir(), '.cache');
  return join(base, 'skygraph', `cartography-${CARTOGRAPHY_VERSION}`);
}

/** Downloads (once), verifies and unpacks the pinned wheel; returns the folder holding `cartography/`. */
function unpackedWheel(env: NodeJS.ProcessEnv): string {
  const cache = cacheDir(env);
  const unpacked = join(cache, 'wheel');
  if (existsSync(join(unpacked, 'cartography', 'models'))) return unpacked;
  mkdirSync(cache, { recursive: true });
  const download = mkdtempSync(join(tmpdir(), 'skygraph-cartography-'));
  try {
    execFileSync(
      'python3',
      [
        '-m',
        'pip',
        'download',
        '--no-deps',
        '--only-binary=:all:',
        '-d',
        download,
        `cartography==${CARTOGRAPHY_VERSION}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], timeout: 300_000 },
    );
    const wheel = join(download, WHEEL);
    if (!readdirSync(download).includes(WHEEL)) throw new Error(`pip did not download ${WHEEL}`);
    const digest = createHash('sha256').update(readFileSync(wheel)).digest('hex');
    if (digest !== WHEEL_SHA256) {
      throw new Error(`${WHEEL}: SHA-256 ${digest} is not the pinned ${WHEEL_SHA256}`);
    }
    const staging = mkdtempSync(join(cache, 'unpacking-'));
    execFileSync('python3', ['-m', 'zipfile', '-e', wheel, staging], { stdio: 'ignore', timeout: 120_000 });
    // Test workers may unpack at the same time: the first rename wins, the others use its folder.
    try {
      renameSync(staging, unpacked);
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      if (!existsSync(join(unpacked, 'cartography', 'models'))) throw error;
    }
    return unpacked;
  } finally {
    rmSync(download, { recursive: true, force: true });
  }
}

/** What a dump script prints about the unpacked wheel, computed once per cache folder. */
function dumped(script: string, file: string, env: NodeJS.ProcessEnv): unknown {
  // The dump is named after the script's content: a changed script dumps afresh.
  const version = createHash('sha256')
    .update(readFileSync(join(here, script)))
    .digest('hex')
    .slice(0, 12);
  const dump = join(cacheDir(env), file.replace(/\.json$/, `-${version}.json`));
  if (!existsSync(dump)) {
    const wheel = unpackedWheel(env);
    const json = execFileSync('python3', ['-W', 'ignore', join(here, script), wheel], {
      encoding: 'utf8',
      maxBuffer: 256 * 1024 * 1024,
      timeout: 120_000,
    });
    const partial = `${dump}.${process.pid}.tmp`;
    writeFileSync(partial, json);
    renameSync(partial, dump);
  }
  return JSON.parse(readFileSync(dump, 'utf8'));
}

/** Cartography's models. */
export function loadCartographyModels(env: NodeJS.ProcessEnv = process.env): CartographyModels {
  const models = dumped('dump_models.py', 'models.json', env) as CartographyModels & {
    version: string | null;
  };
  return { ...models, version: models.version ?? CARTOGRAPHY_VERSION };
}

/** One fact of a Cartography rule: a Cypher query that finds assets of one label. */
export interface CartographyFact {
  file: string;
  id: string;
  /** Cartography's module (AWS, GCP, GOOGLEWORKSPACE, CROSS_CLOUD, ...). */
  module: string | null;
  label: string | null;
  cypher: string;
}

/** The facts of Cartography's rules whose Cypher is a literal (the others are listed as skipped). */
export function loadCartographyFacts(env: NodeJS.ProcessEnv = process.env): {
  facts: CartographyFact[];
  skipped: Omit<CartographyFact, 'cypher'>[];
} {
  return dumped('dump_facts.py', 'facts.json', env) as {
    facts: CartographyFact[];
    skipped: Omit<CartographyFact, 'cypher'>[];
  };
}
