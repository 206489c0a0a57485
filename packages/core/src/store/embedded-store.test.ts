import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { StoreError } from '../errors/skygraph-error.ts';
import { EmbeddedStore } from './embedded-store.ts';

// The embedded store's database lives in a worker thread; these are the
// behaviours a user of the store relies on that a thread could break.
describe('embedded store: the engine in its own thread', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'skygraph-embedded-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a file another store holds at open, naming the cause, and opens it once released', async () => {
    const path = join(dir, 'graph.grafeo');
    const first = EmbeddedStore.open(path);
    let refused: unknown;
    try {
      EmbeddedStore.open(path);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(StoreError);
    expect((refused as StoreError).code).toBe('STORE_UNAVAILABLE');
    expect((refused as StoreError).message).toMatch(/another skygraph process has it open/);
    await first.write([{ cypher: 'CREATE (:Probe {id: 1})', params: {} }]);
    await first.close();
    const again = EmbeddedStore.open(path, { readOnly: true });
    expect(await again.read('MATCH (p:Probe) RETURN p.id AS id')).toEqual([{ id: 1 }]);
    await again.close();
  });

  it('does not keep a process alive that forgets to close it, and what it committed is kept', () => {
    const path = join(dir, 'graph.grafeo');
    const script = `
      import { EmbeddedStore } from '@skygraph/core';
      const store = EmbeddedStore.open(${JSON.stringify(path)});
      await store.write([{ cypher: 'CREATE (:Probe {id: 2})', params: {} }]);
      console.log('written');`;
    const output = execFileSync(
      process.execPath,
      ['--conditions=@skygraph/source', '--import', 'tsx', '--input-type=module', '-e', script],
      { encoding: 'utf8', timeout: 30_000, cwd: join(import.meta.dirname, '../..') },
    );
    expect(output.trim()).toBe('written');
    const store = EmbeddedStore.open(path, { readOnly: true });
    return store
      .read('MATCH (p:Probe) RETURN p.id AS id')
      .then((rows) => expect(rows).toEqual([{ id: 2 }]))
      .finally(() => store.close());
  });

  it('fails every call after close with STORE_CLOSED, and closing twice is fine', async () => {
    const store = EmbeddedStore.open();
    await store.close();
    await store.close();
    expect(() => store.write([])).toThrow(/is closed/);
    await expect(async () => store.read('RETURN 1 AS one')).rejects.toMatchObject({ code: 'STORE_CLOSED' });
  });
});
