/** How bad a finding is, lowest first. */
export const SEVERITIES = ['info', 'low', 'medium', 'high', 'critical'] as const;

export type Severity = (typeof SEVERITIES)[number];

/**
 * What drift and the exports need from a catalogue query. Catalogue entries
 * satisfy it structurally; scripts can also write one by hand.
 *
 * @example
 * const openSsh: FindingQuery = {
 *   name: 'aws-ec2-open-to-world',
 *   severity: 'high',
 *   cypher: 'MATCH (a:AWSAccount)-[:RESOURCE]->(i:EC2Instance {exposed_internet: true}) RETURN a.id AS account, i.id AS instance',
 *   identityKeys: ['account', 'instance'],
 * };
 */
export interface FindingQuery {
  readonly name: string;
  readonly cypher: string;
  readonly params?: Readonly<Record<string, unknown>>;
  /** The result columns that identify one finding (e.g. account and instance id). */
  readonly identityKeys: readonly string[];
  readonly severity?: string;
  readonly description?: string;
  readonly remediation?: string;
  readonly tags?: readonly string[];
  /** Result columns: names, `{ name }` objects, or a record keyed by column name. */
  readonly columns?: unknown;
  /** A stable id, when the catalogue has one besides the name. */
  readonly id?: string;
}

/** The rank of a severity (unknown or missing ranks as `info`). */
export function severityRank(severity: string | undefined): number {
  const index = SEVERITIES.indexOf((severity ?? 'info').toLowerCase() as Severity);
  return Math.max(index, 0);
}

/** A query's severity, normalised to one of {@link SEVERITIES}. */
export function severityOf(query: { readonly severity?: string }): Severity {
  return SEVERITIES[severityRank(query.severity)] ?? 'info';
}

/** The column names a query declares, whichever shape its catalogue uses; empty when it declares none. */
export function columnNamesOf(query: { readonly columns?: unknown }): string[] {
  const columns = query.columns;
  if (Array.isArray(columns)) {
    return columns
      .map((column: unknown) =>
        typeof column === 'string'
          ? column
          : typeof column === 'object' &&
              column !== null &&
              typeof (column as { name?: unknown }).name === 'string'
            ? (column as { name: string }).name
            : undefined,
      )
      .filter((name): name is string => name !== undefined);
  }
  if (typeof columns === 'object' && columns !== null) return Object.keys(columns);
  return [];
}
