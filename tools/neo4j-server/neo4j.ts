import { randomBytes } from 'node:crypto';
import { startNeo4jServer } from './neo4j-server.ts';

/**
 * `pnpm neo4j`: a local Neo4j in the foreground. Port from
 * SKYGRAPH_NEO4J_PORT (default 7687), user `neo4j`, password from
 * NEO4J_PASSWORD, data in a temporary folder unless SKYGRAPH_NEO4J_DATA names
 * one, version from SKYGRAPH_NEO4J_VERSION. Prints `ready bolt://…` once Bolt
 * accepts connections; SIGTERM or SIGINT stops it cleanly.
 */
const password = process.env.NEO4J_PASSWORD;
if (!password || password.length < 8) {
  process.stderr.write(
    'pnpm neo4j: set NEO4J_PASSWORD to the password the neo4j user should have (at least 8 characters)\n' +
      `  for example: NEO4J_PASSWORD=${randomBytes(9).toString('base64url')} pnpm neo4j\n`,
  );
  process.exit(2);
}
const port = Number(process.env.SKYGRAPH_NEO4J_PORT ?? '7687');
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  process.stderr.write('pnpm neo4j: SKYGRAPH_NEO4J_PORT must be a port number\n');
  process.exit(2);
}

try {
  const server = await startNeo4jServer({
    version: process.env.SKYGRAPH_NEO4J_VERSION,
    password,
    port,
    ...(process.env.SKYGRAPH_NEO4J_DATA ? { dataDir: process.env.SKYGRAPH_NEO4J_DATA } : {}),
    ...(process.env.SKYGRAPH_NEO4J_HEAP ? { heap: process.env.SKYGRAPH_NEO4J_HEAP } : {}),
    ...(process.env.SKYGRAPH_NEO4J_PAGECACHE ? { pageCache: process.env.SKYGRAPH_NEO4J_PAGECACHE } : {}),
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`ready ${server.uris.join(' ')}\n`);
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    process.stderr.write('stopping Neo4j…\n');
    void server.stop().then(() => process.exit(0));
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
  server.process.once('exit', (code) => {
    if (!stopping) {
      process.stderr.write(`Neo4j exited unexpectedly (code ${code})\n`);
      process.exit(1);
    }
  });
} catch (error) {
  process.stderr.write(`pnpm neo4j: ${(error as Error).message}\n`);
  process.exit(1);
}
