/**
 * Prints the peak RSS (MB) of a process that opens the embedded store at the
 * given path read-only and reads every node and relationship count; with no
 * path, of one that opens nothing (the baseline). The benchmark subtracts
 * the two to report what the embedded graph holds in memory.
 */
import { EmbeddedStore } from '@skygraph/core';

const path = process.argv[2];
if (path) {
  const store = EmbeddedStore.open(path, { readOnly: true });
  await store.read('MATCH (n) RETURN count(n) AS nodes');
  await store.read('MATCH ()-[r]->() RETURN count(r) AS relationships');
  await store.close();
}
process.stdout.write(`${Math.round(process.resourceUsage().maxRSS / 1024)}\n`);
