import { createRequire } from 'node:module';
import type Neo4j from 'neo4j-driver';

// The driver (with its RxJS and Bolt stack, ~400 files) loads when a Neo4j store is first opened,
// not when skygraph is imported: a process on the embedded store, or one that only builds queries,
// never pays for it. It is CommonJS (no "exports" map), so import and require() share one copy.
let driver: typeof Neo4j | undefined;

/** The neo4j-driver module, loaded on first use. */
export function neo4jDriver(): typeof Neo4j {
  driver ??= (createRequire(import.meta.url)('neo4j-driver') as { default: typeof Neo4j }).default;
  return driver;
}

/** The driver if something has loaded it: a value cannot be a driver type when it has not. */
export function loadedNeo4jDriver(): typeof Neo4j | undefined {
  return driver;
}
