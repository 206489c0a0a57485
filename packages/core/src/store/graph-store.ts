import type { Statement } from '../cypher/statement.ts';

/** A result row: plain JS values only, whichever store produced it. */
export type Row = Record<string, unknown>;

/** What every graph store offers; both implementations run the same Cypher. */
export interface GraphStore {
  /** `neo4j` or `embedded`. */
  readonly kind: 'neo4j' | 'embedded';
  /** Where the store is, safe to log (never a secret). */
  readonly location: string;
  /** Runs a read-only query (a read transaction). */
  read<T extends Row = Row>(cypher: string, params?: Record<string, unknown>): Promise<T[]>;
  /** Runs statements in one write transaction; returns each statement's rows. */
  write(statements: readonly Statement[]): Promise<Row[][]>;
  close(): Promise<void>;
}
