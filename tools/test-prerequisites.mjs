#!/usr/bin/env node
// The first step of `pnpm test`: makes sure the machine has what the test
// suite runs for real — headless Chromium (the HTML report), Jupyter's
// nbconvert and ipykernel (the notebooks), Java and Maven (the local Neo4j
// server) — installing missing Debian packages with apt-get when it can,
// then builds the Neo4j launcher so the suite starts Neo4j without waiting
// on Maven. Says exactly what to install when it cannot. Plain JavaScript:
// it runs before anything is compiled.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';

const which = (command) =>
  (process.env.PATH ?? '')
    .split(delimiter)
    .map((dir) => dir && join(dir, command))
    .find((path) => path && existsSync(path));
const onPath = (command) => which(command) !== undefined;

// ipykernel must import in the Python that runs jupyter (its #! line), not
// whichever python3 comes first on the PATH.
function jupyterHasKernel() {
  const jupyter = which(process.env.SKYGRAPH_JUPYTER ?? 'jupyter');
  if (!jupyter || !onPath('jupyter-nbconvert')) return false;
  const shebang = readFileSync(jupyter, 'utf8').split('\n', 1)[0] ?? '';
  const words = shebang.startsWith('#!') ? shebang.slice(2).trim().split(/\s+/) : ['python3'];
  const python = words[0]?.endsWith('/env') ? words[1] : words[0];
  return spawnSync(python ?? 'python3', ['-c', 'import ipykernel'], { stdio: 'ignore' }).status === 0;
}

const needs = [
  {
    what: 'headless Chromium (HTML report test)',
    present: () =>
      Boolean(process.env.CHROMIUM_PATH && existsSync(process.env.CHROMIUM_PATH)) ||
      ['chromium', 'chromium-browser', 'google-chrome'].some(onPath),
    packages: ['chromium'],
  },
  {
    what: 'Jupyter nbconvert and ipykernel (notebook tests)',
    present: jupyterHasKernel,
    packages: ['jupyter-nbconvert', 'python3-ipykernel'],
  },
  { what: 'Java 17+ (local Neo4j)', present: () => onPath('java'), packages: ['default-jdk-headless'] },
  { what: 'Maven (local Neo4j)', present: () => onPath('mvn'), packages: ['maven'] },
];

const missing = needs.filter((need) => !need.present());
if (missing.length > 0) {
  const packages = missing.flatMap((need) => need.packages);
  const list = missing.map((need) => need.what).join(', ');
  const isRoot = process.getuid?.() === 0;
  if (!isRoot || !onPath('apt-get')) {
    process.stderr.write(
      `The tests need ${list}.\nInstall them, for example: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}\n`,
    );
    process.exit(1);
  }
  process.stderr.write(`test prerequisites: installing ${packages.join(' ')} (${list})…\n`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const apt = (args) => {
    const result = spawnSync('apt-get', args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) {
      process.stderr.write(`apt-get ${args.join(' ')} failed (exit ${result.status})\n`);
      process.exit(1);
    }
  };
  apt(['update', '-qq']);
  apt(['install', '-y', '-qq', '--no-install-recommends', ...packages]);
  const still = missing.filter((need) => !need.present());
  if (still.length > 0) {
    process.stderr.write(`still missing after apt-get: ${still.map((need) => need.what).join(', ')}\n`);
    process.exit(1);
  }
}

// Downloads Neo4j from Maven Central on the first run (cached in ~/.m2 after).
try {
  execFileSync(process.execPath, ['--import', 'tsx', 'tools/neo4j-server/prepare.ts'], { stdio: 'inherit' });
} catch {
  process.exit(1);
}
