import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));

/** The Neo4j LTS the launcher runs by default (Java 17). */
export const NEO4J_LTS_VERSION = '5.26.30';
/** The newest calendar release it is tested with (needs Java 21 or later). */
export const NEO4J_CALENDAR_VERSION = '2026.08.1';

export interface Neo4jServerOptions {
  /** Neo4j version from Maven Central, or `lts` / `calendar`; default {@link NEO4J_LTS_VERSION}. */
  version?: string;
  /** Password of the `neo4j` user (at least 8 characters). */
  password: string;
  /** First Bolt port; 0 (default) picks free ports. */
  port?: number;
  /** Independent DBMSs to start in the one JVM (Community has one user database each). */
  instances?: number;
  /** Data folder; a temporary one, removed at exit, when unset. */
  dataDir?: string;
  /** JVM heap, e.g. `1g`. */
  heap?: string;
  /** Page cache per instance, e.g. `64m`. */
  pageCache?: string;
  /** How long to wait for Bolt to accept connections. */
  startTimeoutMs?: number;
  /** Progress lines (the Maven build on first use). */
  onProgress?: (line: string) => void;
}

export interface Neo4jServer {
  /** One `bolt://127.0.0.1:PORT` per instance. */
  readonly uris: readonly string[];
  readonly version: string;
  readonly process: ChildProcess;
  /** SIGTERM, then SIGKILL if the JVM has not exited within 20 s. */
  stop(): Promise<void>;
}

/** `lts` and `calendar` name the pinned releases; anything else is a Maven Central version. */
export function resolveNeo4jVersion(version: string | undefined): string {
  if (!version || version === 'lts') return NEO4J_LTS_VERSION;
  if (version === 'calendar') return NEO4J_CALENDAR_VERSION;
  return version;
}

/** A Neo4j 2025+ calendar release needs Java 21 or later; 5.x runs on 17. */
export function needsJava21(version: string): boolean {
  return Number.parseInt(version.split('.')[0] ?? '0', 10) >= 2025;
}

/**
 * Builds the launcher for `version` with Maven when its classpath is missing
 * or older than its sources (artefacts come from Maven Central once and are
 * cached in ~/.m2, so later runs need no network). Returns the `java`
 * command and its classpath.
 */
export function prepareNeo4jLauncher(
  requested?: string,
  onProgress: (line: string) => void = () => {},
): { java: string; classpath: string } {
  const version = resolveNeo4jVersion(requested);
  const buildDir = join(HERE, 'target', version);
  const classpathFile = join(buildDir, 'classpath.txt');
  const classes = join(buildDir, 'classes');
  const javaHome = needsJava21(version) ? findJavaHome(21) : process.env.SKYGRAPH_NEO4J_JAVA_HOME;
  const env = javaHome ? { ...process.env, JAVA_HOME: javaHome } : process.env;
  if (!isFresh(classpathFile, [join(HERE, 'pom.xml'), ...javaSources()])) {
    onProgress(`building the Neo4j ${version} launcher with Maven (first run downloads Neo4j)…`);
    try {
      execFileSync(
        'mvn',
        [
          '-B',
          '-q',
          `-Dneo4j.version=${version}`,
          `-Dmaven.compiler.release=${needsJava21(version) ? 21 : 17}`,
          'compile',
          'dependency:build-classpath',
          `-Dmdep.outputFile=${classpathFile}`,
        ],
        { cwd: HERE, env, stdio: ['ignore', 'pipe', 'pipe'], timeout: 15 * 60_000 },
      );
    } catch (error) {
      const out = error as { stdout?: Buffer; stderr?: Buffer; code?: string };
      if (out.code === 'ENOENT')
        throw new Error('Maven (mvn) is needed to run Neo4j here and is not on the PATH');
      const detail = `${out.stdout ?? ''}${out.stderr ?? ''}`.trim().split('\n').slice(-15).join('\n');
      throw new Error(`building the Neo4j ${version} launcher failed:\n${detail}`);
    }
  }
  return {
    java: javaHome ? join(javaHome, 'bin', 'java') : 'java',
    classpath: `${classes}:${readFileSync(classpathFile, 'utf8').trim()}`,
  };
}

/**
 * Starts a local Neo4j Community server (one JVM, `instances` DBMSs with
 * Bolt on 127.0.0.1) and resolves once every instance accepts connections.
 * The JVM exits with this process: it watches its standard input.
 */
export async function startNeo4jServer(options: Neo4jServerOptions): Promise<Neo4jServer> {
  const version = resolveNeo4jVersion(options.version);
  const { java, classpath } = prepareNeo4jLauncher(version, options.onProgress);
  const child = spawn(
    java,
    [`-Xmx${options.heap ?? '1g'}`, '-XX:+UseG1GC', '-cp', classpath, 'dev.skygraph.neo4j.Neo4jServer'],
    {
      env: {
        ...process.env,
        NEO4J_PASSWORD: options.password,
        SKYGRAPH_NEO4J_PORT: String(options.port ?? 0),
        SKYGRAPH_NEO4J_INSTANCES: String(options.instances ?? 1),
        SKYGRAPH_NEO4J_PAGECACHE: options.pageCache ?? '64m',
        SKYGRAPH_NEO4J_DATA: options.dataDir ?? '',
        SKYGRAPH_NEO4J_WATCH_STDIN: '1',
      },
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr.push(chunk.toString());
    if (stderr.length > 200) stderr.shift();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
    await exited;
    clearTimeout(timer);
  };
  try {
    const uris = await waitForReady(child, options.startTimeoutMs ?? 180_000, () => stderr.join(''));
    return { uris, version, process: child, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function waitForReady(child: ChildProcess, timeoutMs: number, errors: () => string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
    // Only this wait's own listeners go when it ends: stop() waits on 'exit' too.
    const onError = (error: Error) => fail(error.message);
    const onExit = (code: number | null, signal: string | null) =>
      fail(`the JVM exited (${signal ?? `code ${code}`})`);
    const done = () => {
      clearTimeout(timer);
      child.off('error', onError);
      child.off('exit', onExit);
      lines.close();
      // Keep draining: a full pipe would block the JVM.
      child.stdout?.resume();
    };
    const fail = (why: string) => {
      done();
      const tail = errors().trim().split('\n').slice(-15).join('\n');
      reject(new Error(`Neo4j did not start: ${why}${tail ? `\n${tail}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no Bolt connection after ${timeoutMs / 1000} s`), timeoutMs);
    child.once('error', onError);
    child.once('exit', onExit);
    lines.on('line', (line) => {
      if (!line.startsWith('ready ')) return;
      done();
      resolve(line.slice('ready '.length).trim().split(/\s+/));
    });
  });
}

function javaSources(): string[] {
  const dir = join(HERE, 'src', 'main', 'java', 'dev', 'skygraph', 'neo4j');
  return readdirSync(dir).map((name) => join(dir, name));
}

function isFresh(target: string, sources: string[]): boolean {
  if (!existsSync(target)) return false;
  const built = statSync(target).mtimeMs;
  return sources.every((source) => statSync(source).mtimeMs <= built);
}

/** A JDK of at least `major`: SKYGRAPH_NEO4J_JAVA_HOME, JAVA_HOME, then /usr/lib/jvm, newest first. */
function findJavaHome(major: number): string {
  const candidates = [process.env.SKYGRAPH_NEO4J_JAVA_HOME, process.env.JAVA_HOME];
  if (existsSync('/usr/lib/jvm')) {
    for (const name of readdirSync('/usr/lib/jvm').sort().reverse())
      candidates.push(join('/usr/lib/jvm', name));
  }
  for (const home of candidates) {
    if (!home || !existsSync(join(home, 'bin', 'java'))) continue;
    if (javaMajor(home) >= major) return home;
  }
  throw new Error(
    `Neo4j calendar releases need Java ${major} or later; set SKYGRAPH_NEO4J_JAVA_HOME to such a JDK`,
  );
}

function javaMajor(home: string): number {
  try {
    const release = readFileSync(join(home, 'release'), 'utf8');
    const match = /JAVA_VERSION="(\d+)/.exec(release);
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}
