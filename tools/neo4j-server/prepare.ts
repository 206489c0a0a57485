import { prepareNeo4jLauncher } from './neo4j-server.ts';

/** Builds the Neo4j launcher ahead of the tests (a no-op when it is up to date). */
const version = process.env.SKYGRAPH_NEO4J_VERSION;
try {
  prepareNeo4jLauncher(version, (line) => process.stderr.write(`${line}\n`));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
}
