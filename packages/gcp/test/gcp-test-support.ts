import { type GraphStore, type Provider, resolveConfig, type SyncResult, sync } from '@skygraph/core';
import { type GcpEmulator, generateGcpEstate, startGcpEmulator } from '../src/emulator/index.ts';
import { type GcpConfig, gcpOptions } from '../src/options.ts';
import { createGcpProvider } from '../src/provider.ts';

/** Retries fast enough for tests; the policy is the runner's, unchanged. */
export const FAST_RETRY = { retries: 6, minTimeoutMs: 1, maxTimeoutMs: 10 };

/** The env var a test token is read from, as a user would configure it. */
export const TOKEN_VAR = 'SKYGRAPH_TEST_GCP_TOKEN';

/** Settings as the CLI would resolve them from flags. */
export function gcpConfig(flags: Record<string, unknown> = {}): GcpConfig {
  return resolveConfig(gcpOptions, {
    flags: { googleAccessTokenEnvVar: TOKEN_VAR, ...flags },
    env: {},
  });
}

/** A provider pointed at the emulator the way a user points it at a proxy: one root URL and a token. */
export function emulatedProvider(gcp: GcpEmulator, flags: Record<string, unknown> = {}): Provider {
  return createGcpProvider(gcpConfig({ gcpEndpoint: gcp.url, ...flags }), {
    env: { [TOKEN_VAR]: 'test-access-token' },
  });
}

export async function syncGcp(
  store: GraphStore,
  gcp: GcpEmulator,
  updateTag: number,
  flags: Record<string, unknown> = {},
): Promise<SyncResult> {
  return sync({
    store,
    providers: [emulatedProvider(gcp, flags)],
    updateTag,
    retry: FAST_RETRY,
    changeLog: false,
  });
}

/** A small estate: 5 active projects (one per service pattern) and one pending deletion. */
export async function startSmallEmulator(
  overrides: Parameters<typeof generateGcpEstate>[0] = {},
): Promise<GcpEmulator> {
  return startGcpEmulator({
    estate: generateGcpEstate({ seed: 7, folders: 3, projects: 6, deletedProjects: 1, ...overrides }),
  });
}

/** Reads one column of a query. */
export async function column<T = unknown>(
  store: GraphStore,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  const rows = await store.read(cypher, params);
  return rows.map((row) => Object.values(row)[0] as T);
}

export async function count(store: GraphStore, cypher: string, params: Record<string, unknown> = {}) {
  const [value] = await column<number>(store, cypher, params);
  return Number(value ?? 0);
}
