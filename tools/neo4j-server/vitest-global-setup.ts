import { randomBytes } from 'node:crypto';
import { startNeo4jServer } from './neo4j-server.ts';

/**
 * Global setup of the Vitest project that runs the suite against Neo4j:
 * starts a local Neo4j Community (one DBMS per test worker, random password,
 * free ports) unless SKYGRAPH_TEST_NEO4J_URI names a server already, and
 * stops it when the run ends. Test workers inherit the URIs and password
 * through the environment (see @skygraph/core/testing).
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  if (process.env.SKYGRAPH_TEST_NEO4J_URI) {
    if (!process.env.SKYGRAPH_TEST_NEO4J_PASSWORD) {
      throw new Error('SKYGRAPH_TEST_NEO4J_URI is set: set SKYGRAPH_TEST_NEO4J_PASSWORD too');
    }
    return undefined;
  }
  const password = randomBytes(18).toString('base64url');
  const instances = Number(process.env.SKYGRAPH_TEST_WORKERS ?? '1');
  const server = await startNeo4jServer({
    version: process.env.SKYGRAPH_NEO4J_VERSION,
    password,
    instances,
    heap: process.env.SKYGRAPH_NEO4J_HEAP ?? '2g',
    onProgress: (line) => process.stderr.write(`${line}\n`),
  });
  process.env.SKYGRAPH_TEST_NEO4J_URIS = server.uris.join(' ');
  process.env.SKYGRAPH_TEST_NEO4J_PASSWORD = password;
  process.stderr.write(`Neo4j ${server.version} for the tests: ${server.uris.join(' ')}\n`);
  return () => server.stop();
}
