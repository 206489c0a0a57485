import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ConfigError } from '../errors/skygraph-error.ts';
import { openStore } from './open-store.ts';

describe('openStore: what --store accepts', () => {
  let dir: string;
  let cwd: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skygraph-store-uri-'));
    cwd = process.cwd();
    process.chdir(dir);
  });
  afterEach(() => {
    process.chdir(cwd);
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a mistyped URI as a configuration error instead of creating a file named like it', async () => {
    for (const typo of [
      'neo4j+s:/graph.example.com',
      'bolt:graph.example.com:7687',
      'neo4j+s//graph.example.com',
      'bolt//localhost:7687',
      'ftp://graph.example.com',
    ]) {
      const error = await openStore(typo, { env: {} }).catch((e: unknown) => e);
      expect(error, typo).toBeInstanceOf(ConfigError);
      expect((error as Error).message, typo).toMatch(/^--store: /);
    }
    // Nothing was created for any of them.
    expect(existsSync(join(dir, 'neo4j+s:'))).toBe(false);
    expect(existsSync(join(dir, 'bolt:graph.example.com:7687'))).toBe(false);
    expect(existsSync(join(dir, 'neo4j+s'))).toBe(false);
    expect(existsSync(join(dir, 'bolt'))).toBe(false);
  });

  it('still opens a plain file path', async () => {
    const store = await openStore(join(dir, 'graph.grafeo'), { env: {} });
    try {
      expect(store.kind).toBe('embedded');
    } finally {
      await store.close();
    }
  });
});
