import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, StoreError } from '../errors/skygraph-error.ts';
import { EmbeddedStore } from './embedded-store.ts';
import type { GraphStore } from './graph-store.ts';
import { Neo4jStore } from './neo4j-store.ts';

const NEO4J_SCHEMES = ['bolt://', 'bolt+s://', 'bolt+ssc://', 'neo4j://', 'neo4j+s://', 'neo4j+ssc://'];

/** Where the embedded store lives when no `--store` is given. */
export function defaultStorePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.SKYGRAPH_HOME
    ? join(env.SKYGRAPH_HOME, 'graph.grafeo')
    : join(homedir(), '.skygraph', 'graph.grafeo');
}

export interface OpenStoreOptions {
  /** Default: `$SKYGRAPH_NEO4J_USER`, as the commands read it. */
  neo4jUser?: string;
  /** The name of the environment variable that holds the Neo4j password. Default: `$SKYGRAPH_NEO4J_PASSWORD_ENV_VAR`. */
  neo4jPasswordEnvVar?: string;
  /** Default: `$SKYGRAPH_NEO4J_DATABASE`, else the server's default database. */
  neo4jDatabase?: string;
  /** Open the embedded store read-only (several readers may share it). */
  readOnly?: boolean;
  env?: NodeJS.ProcessEnv;
}

/**
 * Opens the store a URI names: `bolt://`, `bolt+s://`, `neo4j://`,
 * `neo4j+s://` -> Neo4j; anything else is a path to an embedded store
 * (created if missing); none -> the embedded store at {@link defaultStorePath}.
 *
 * @example
 * const store = await openStore('neo4j+s://db.example.com', { neo4jUser: 'neo4j', neo4jPasswordEnvVar: 'NEO4J_PASSWORD' });
 */
export async function openStore(uri?: string, given: OpenStoreOptions = {}): Promise<GraphStore> {
  const env = given.env ?? process.env;
  // The commands' environment settings, so one environment serves scripts and commands alike.
  const options: OpenStoreOptions = {
    ...given,
    neo4jUser: given.neo4jUser ?? env.SKYGRAPH_NEO4J_USER,
    neo4jPasswordEnvVar: given.neo4jPasswordEnvVar ?? env.SKYGRAPH_NEO4J_PASSWORD_ENV_VAR,
    neo4jDatabase: given.neo4jDatabase ?? env.SKYGRAPH_NEO4J_DATABASE,
  };
  const target = uri && uri.length > 0 ? uri : defaultStorePath(env);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(target)) {
    if (!NEO4J_SCHEMES.some((scheme) => target.toLowerCase().startsWith(scheme))) {
      throw new ConfigError(
        `--store: unsupported URI scheme in "${target.split('://')[0]}://"; use bolt://, bolt+s://, neo4j://, neo4j+s:// or a file path`,
      );
    }
    let password: string | undefined;
    if (options.neo4jPasswordEnvVar) {
      password = env[options.neo4jPasswordEnvVar];
      if (password === undefined) {
        throw new ConfigError('--neo4j-password-env-var: the environment variable it names is not set');
      }
    }
    const store = new Neo4jStore(target, {
      ...(options.neo4jUser === undefined ? {} : { user: options.neo4jUser }),
      ...(password === undefined ? {} : { password }),
      ...(options.neo4jDatabase === undefined ? {} : { database: options.neo4jDatabase }),
    });
    try {
      await store.verify();
    } catch (error) {
      await store.close();
      throw verifyError(error, store.location, options);
    }
    return store;
  }
  // `neo4j+s:/host` (one slash), `bolt:host`, `neo4j+s//host`: a mistyped URI, not a file to create.
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) && !/^[a-z]:[\\/]/i.test(target)) {
    throw new ConfigError(
      `--store: "${target.split(':')[0]}:" starts like a URI but is not one; write scheme://host (bolt://, bolt+s://, neo4j://, neo4j+s://), or give a file path that does not start with "<word>:"`,
    );
  }
  if (/^(bolt|neo4j)(\+s|\+ssc)?\/\//i.test(target)) {
    throw new ConfigError(
      `--store: "${target.split('//')[0]}//" is missing the colon of a URI (scheme://host)`,
    );
  }
  return EmbeddedStore.open(target, { readOnly: options.readOnly ?? false });
}

/**
 * A Neo4j that refuses the credentials or lacks the database is a
 * configuration error (exit 2), said in one line that names the flag and
 * never the password; an unreachable one stays a store error (exit 1).
 */
function verifyError(error: unknown, location: string, options: OpenStoreOptions): unknown {
  if (!(error instanceof StoreError)) return error;
  if (error.code === 'STORE_AUTH') {
    const user = options.neo4jUser === undefined ? 'no user (--neo4j-user)' : `user "${options.neo4jUser}"`;
    const password = options.neo4jPasswordEnvVar
      ? 'the password in the variable --neo4j-password-env-var names'
      : 'no password (--neo4j-password-env-var)';
    return new ConfigError(`Neo4j at ${location} refused the credentials: ${user} with ${password}`, {
      cause: error,
    });
  }
  if (error.code === 'STORE_NO_DATABASE') {
    return new ConfigError(
      `--neo4j-database: Neo4j at ${location} has no database "${options.neo4jDatabase ?? 'neo4j'}"`,
      { cause: error },
    );
  }
  return new StoreError('STORE_UNAVAILABLE', `Neo4j at ${location} is unreachable: ${reason(error)}`, {
    cause: error,
  });
}

/** The driver's own cause ("connect ECONNREFUSED …") where it gives one, else its first line. */
function reason(error: StoreError): string {
  const message = error.cause instanceof Error ? error.cause.message : error.message;
  const caused = /Caused by: (.*)$/.exec(message);
  return (caused?.[1] ?? message.split('\n')[0] ?? message).trim();
}
