/** A Cypher statement and its parameters: every value travels as a parameter. */
export interface Statement {
  readonly cypher: string;
  readonly params: Record<string, unknown>;
}
