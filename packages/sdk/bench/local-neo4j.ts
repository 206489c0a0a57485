import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { NEO4J_LTS_VERSION, startNeo4jServer } from '../../../tools/neo4j-server/neo4j-server.ts';
import type { BenchStoreSpec } from './bench-store.ts';

/** The variable that holds the password of the bench's own Neo4j; its runs inherit it. */
const PASSWORD_ENV_VAR = 'SKYGRAPH_BENCH_NEO4J_PASSWORD';

export interface LocalNeo4jOptions {
  /** JVM heap, e.g. `4g`. */
  heap: string;
  /** Page cache, e.g. `1g`. */
  pageCache: string;
  /** Neo4j version; default the launcher's LTS. */
  version?: string;
  onProgress?: (line: string) => void;
}

/** A Neo4j the benchmark started for itself. */
export interface LocalNeo4j {
  readonly spec: Extract<BenchStoreSpec, { kind: 'neo4j' }>;
  readonly version: string;
  /** The server JVM's peak RSS so far (MB), where the OS tells it (Linux); else null. */
  peakRssMb(): number | null;
  stop(): Promise<void>;
}

/**
 * Starts a local Neo4j Community for the benchmark: a random password
 * (handed to the runs through an environment variable, never a command
 * line), a free port, data in a temporary folder the server removes when it
 * stops. The JVM also exits if this process dies without stopping it.
 */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const password = randomBytes(18).toString('base64url');
  const server = await startNeo4jServer({
    version: options.version ?? NEO4J_LTS_VERSION,
    password,
    heap: options.heap,
    pageCache: options.pageCache,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  process.env[PASSWORD_ENV_VAR] = password;
  const uri = server.uris[0];
  if (uri === undefined) {
    await server.stop();
    throw new Error('the local Neo4j reported no Bolt URI');
  }
  return {
    spec: { kind: 'neo4j', uri, user: 'neo4j', passwordEnvVar: PASSWORD_ENV_VAR },
    version: server.version,
    peakRssMb: () => (server.process.pid === undefined ? null : peakRssMb(server.process.pid)),
    stop: () => server.stop(),
  };
}

/** VmHWM, the peak resident set of a process, from /proc (Linux only). */
function peakRssMb(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : null;
  } catch {
    return null;
  }
}
