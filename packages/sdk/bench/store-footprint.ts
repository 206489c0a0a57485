/**
 * Prints the RSS (MB) of a process that has opened the embedded store at the
 * given path read-only and counted its nodes and relationships; with no
 * path, of one that opened an empty in-memory store (the engine loaded, no
 * graph: the baseline). The benchmark subtracts
 * the two to report what the embedded graph holds in memory. (Current RSS,
 * not the peak: Linux carries a parent's peak RSS over into a spawned child.)
 */
import { EmbeddedStore } from '@skygraph/core';

const path = process.argv[2];
const store = path ? EmbeddedStore.open(path, { readOnly: true }) : EmbeddedStore.open();
await store.read('MATCH (n) RETURN count(n) AS nodes');
await store.read('MATCH ()-[r]->() RETURN count(r) AS relationships');
const rss = process.memoryUsage().rss;
await store.close();
process.stdout.write(`${Math.round(rss / 2 ** 20)}\n`);
