import { execFileSync } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Vitest global setup: brings every package's dist/ up to date (`pnpm build`,
 * incremental: about a second when nothing changed) before any test runs. The
 * tests that run what gets published (the packed tarballs, the examples and
 * notebooks as a user runs them) then never see a stale or missing build.
 */
export default function setup(): void {
  // Each Vitest project inherits this setup; the build runs once per test run.
  if (process.env.SKYGRAPH_TEST_BUILT === '1') return;
  const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-b', 'tsconfig.build.json'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  process.env.SKYGRAPH_TEST_BUILT = '1';
}
