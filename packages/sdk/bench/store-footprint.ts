/**
 * Prints what the embedded store at the given path holds in memory (MB, to
 * 0.1): the RSS after opening it read-only and counting its nodes and
 * relationships, less the RSS just before, with the engine already loaded
 * (an empty in-memory store opened first), so the engine's own code is not
 * counted as graph. One process, so both readings share its noise. (Current
 * RSS, not the peak: Linux carries a parent's peak RSS over into a spawned child.)
 */
import { EmbeddedStore } from '@skygraph/core';

const path = process.argv[2];
if (!path) throw new Error('usage: store-footprint.ts <embedded store path>');
const count = async (store: EmbeddedStore) => {
  await store.read('MATCH (n) RETURN count(n) AS nodes');
  await store.read('MATCH ()-[r]->() RETURN count(r) AS relationships');
};
const empty = EmbeddedStore.open();
await count(empty);
const before = process.memoryUsage().rss;
const store = EmbeddedStore.open(path, { readOnly: true });
await count(store);
const after = process.memoryUsage().rss;
await store.close();
await empty.close();
process.stdout.write(`${((after - before) / 2 ** 20).toFixed(1)}\n`);
