import { setTimeout as sleep } from 'node:timers/promises';
import type { GraphStore } from '@skygraph/core';

/** One statement's share of what the server was running. */
export interface StatementShare {
  /** The statement, shortened to the clause that tells it apart. */
  statement: string;
  /** Share of the sampled open transactions that were running it. */
  share: number;
  samples: number;
  /** Its full text, as first seen. */
  cypher: string;
}

/** What the server was doing while a phase ran, by sampling. */
export interface StatementProfile {
  /** How often the server was asked. */
  samples: number;
  /** Transactions open in the server per sample, on average (the sampler's own excluded). */
  meanOpenTransactions: number;
  /** Share of the sampled open transactions that were waiting for another's lock. */
  blockedShare: number;
  /** The statements seen most, most first; `[waiting for a lock]` marks those seen blocked. */
  statements: StatementShare[];
}

const BETWEEN = '(open, between statements: the client or the network)';
const BLOCKED = ' [waiting for a lock]';

/**
 * Asks the server every `intervalMs` which statement each open transaction
 * is running and whether it waits for a lock (`SHOW TRANSACTIONS`): a
 * sampling profile that attributes server time to statements even inside a
 * transaction of several, which timing `write` calls from the client
 * cannot, and shows how much concurrent scopes block each other. Costs one
 * small read per sample.
 */
export function sampleNeo4jStatements(
  store: GraphStore,
  intervalMs = 200,
): { stop(): Promise<StatementProfile> } {
  const seen = new Map<string, { samples: number; cypher: string }>();
  let samples = 0;
  let open = 0;
  let blocked = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const rows = await store
        .read<{ query: string; status: string }>(
          `SHOW TRANSACTIONS YIELD currentQuery, status
           WHERE NOT currentQuery STARTS WITH 'SHOW TRANSACTIONS'
           RETURN currentQuery AS query, status`,
        )
        // A sample lost to a busy server is a sample fewer, not a failed benchmark.
        .catch(() => null);
      if (rows) {
        samples += 1;
        open += rows.length;
        for (const { query, status } of rows) {
          const waiting = status.startsWith('Blocked');
          if (waiting) blocked += 1;
          const statement = `${query.trim() === '' ? BETWEEN : statementTag(query)}${waiting ? BLOCKED : ''}`;
          const entry = seen.get(statement) ?? { samples: 0, cypher: query.trim() };
          entry.samples += 1;
          seen.set(statement, entry);
        }
      }
      await sleep(intervalMs);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const statements = [...seen]
        .map(([statement, { samples: n, cypher }]) => ({
          statement,
          share: open > 0 ? Math.round((n / open) * 1000) / 1000 : 0,
          samples: n,
          cypher,
        }))
        .sort((a, b) => b.samples - a.samples)
        .slice(0, 10);
      return {
        samples,
        meanOpenTransactions: samples > 0 ? Math.round((open / samples) * 100) / 100 : 0,
        blockedShare: open > 0 ? Math.round((blocked / open) * 1000) / 1000 : 0,
        statements,
      };
    },
  };
}

/**
 * A statement shortened to what tells it apart from the others the sync
 * runs: an upsert by its MERGE (`MERGE (n:EC2Instance {id: row.key})`), a
 * deletion by what it matches and deletes, anything else by its first line.
 */
export function statementTag(cypher: string): string {
  const lines = cypher
    .split('\n')
    .map((line) => line.trim().replace(/\s+/g, ' '))
    .filter(Boolean);
  const head = lines[0] ?? '';
  const write = lines.find((line) => /^(MERGE|CREATE|DELETE|DETACH DELETE)\b/.test(line));
  const tag =
    write === undefined || write === head ? head : write.startsWith('MERGE') ? write : `${head} … ${write}`;
  return tag.length > 140 ? `${tag.slice(0, 139)}…` : tag;
}
