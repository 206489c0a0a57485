import type { GraphStore, Row, Statement } from '@skygraph/core';

/** What a {@link WriteTimedStore} has counted so far. */
export interface WriteTotals {
  /** Write transactions (calls to `write`), failed ones included. */
  transactions: number;
  /** Time inside `write`, summed over transactions that ran at the same time. */
  ms: number;
}

/**
 * A store that adds up the time its write transactions take. Neo4j runs the
 * scopes' transactions concurrently, so there is no single writer whose busy
 * share could be reported as for the embedded store; the sum over
 * concurrent transactions divided by the wall time is how many were in
 * flight on average. It includes the round trips and the driver's retries
 * (a deadlock between scopes costs its retry here).
 */
export class WriteTimedStore implements GraphStore {
  readonly kind: GraphStore['kind'];
  readonly location: string;
  readonly #store: GraphStore;
  #transactions = 0;
  #ms = 0;

  constructor(store: GraphStore) {
    this.#store = store;
    this.kind = store.kind;
    this.location = store.location;
  }

  get totals(): WriteTotals {
    return { transactions: this.#transactions, ms: this.#ms };
  }

  read<T extends Row = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]> {
    return this.#store.read<T>(cypher, params);
  }

  async write(statements: readonly Statement[]): Promise<Row[][]> {
    const started = performance.now();
    this.#transactions += 1;
    try {
      return await this.#store.write(statements);
    } finally {
      this.#ms += performance.now() - started;
    }
  }

  close(): Promise<void> {
    return this.#store.close();
  }
}
