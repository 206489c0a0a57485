import type { Statement } from '../cypher/statement.ts';

/** A result row: plain JS values only, whichever store produced it. */
export type Row = Record<string, unknown>;

/** What every graph store offers; both implementations run the same Cypher. */
export interface GraphStore {
  /** `neo4j` or `embedded`. */
  readonly kind: 'neo4j' | 'embedded';
  /** Where the store is, safe to log (never a secret). */
  readonly location: string;
  /**
   * Runs a query read-only: in a Neo4j read transaction (the server refuses
   * writes), or in an embedded transaction that is always rolled back. A
   * query that tries to write fails (Neo4j) or changes nothing (embedded).
   */
  read<T extends Row = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Runs statements in one write transaction; returns each statement's rows. */
  write(statements: readonly Statement[]): Promise<Row[][]>;
  close(): Promise<void>;
}
