import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
];

/** The Chromium binary; fails with how to install it (the CI script installs it) rather than skipping. */
export function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, ...CANDIDATES].find((p): p is string => !!p && existsSync(p));
  if (!found) {
    throw new Error(
      'headless Chromium is needed to test the HTML report: install it with `apt-get update && apt-get install -y chromium` (or set CHROMIUM_PATH)',
    );
  }
  return found;
}

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--hide-scrollbars',
];

/** Loads an HTML document in headless Chromium; returns the DOM after its scripts ran, and a PNG screenshot. */
export async function renderInChromium(html: string, options: { width?: number; height?: number } = {}) {
  const binary = chromiumPath();
  const dir = mkdtempSync(join(tmpdir(), 'skygraph-chromium-'));
  try {
    const page = join(dir, 'page.html');
    writeFileSync(page, html);
    const common = [...FLAGS, `--user-data-dir=${join(dir, 'profile')}`, '--virtual-time-budget=5000'];
    const { stdout: dom } = await run(binary, [...common, '--dump-dom', `file://${page}`], {
      maxBuffer: 64 * 1024 * 1024,
      timeout: 60_000,
    });
    const shot = join(dir, 'shot.png');
    await run(
      binary,
      [
        ...common,
        `--window-size=${options.width ?? 1400},${options.height ?? 1400}`,
        `--screenshot=${shot}`,
        `file://${page}`,
      ],
      { timeout: 60_000 },
    );
    const { readFileSync } = await import('node:fs');
    return { dom, png: readFileSync(shot) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
