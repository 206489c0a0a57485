import { StoreError, StoreMemoryError } from '../errors/skygraph-error.ts';

const MEMORY = /MemoryPoolOutOfMemory|OutOfMemory|out of memory|memory limit|TransactionOutOfMemory/i;

/** The one place where driver and engine errors become skygraph errors. */
export function mapStoreError(error: unknown, cypher: string): StoreError {
  if (error instanceof StoreError) return error;
  const err = error as { message?: string; code?: string; gqlStatus?: string };
  const message = err.message ?? String(error);
  const code = err.code ?? err.gqlStatus ?? '';
  if (MEMORY.test(code) || MEMORY.test(message)) {
    return new StoreMemoryError(`the store ran out of transaction memory: ${message}`, { cause: error });
  }
  if (/DatabaseNotFound/i.test(code) || /database does not exist/i.test(message)) {
    return new StoreError('STORE_NO_DATABASE', `the graph store has no such database: ${message}`, {
      cause: error,
    });
  }
  if (/ServiceUnavailable|SessionExpired|\bECONNREFUSED\b|\bENOTFOUND\b/i.test(`${code} ${message}`)) {
    return new StoreError('STORE_UNAVAILABLE', `the graph store is unreachable: ${message}`, {
      cause: error,
    });
  }
  if (/Unauthorized|authentication|AuthenticationRateLimit/i.test(`${code} ${message}`)) {
    return new StoreError('STORE_AUTH', `the graph store refused the credentials: ${message}`, {
      cause: error,
    });
  }
  const firstLine = cypher.split('\n')[0] ?? '';
  return new StoreError(
    'STORE_QUERY_FAILED',
    `the graph store rejected a statement (${firstLine}…): ${message}`,
    {
      cause: error,
    },
  );
}
