import { type GraphStore, resolveConfig, type SyncResult, sync } from '@skygraph/core';
import type { WorkspaceEmulator } from '../src/emulator/index.ts';
import { type GsuiteConfig, gsuiteOptions } from '../src/options.ts';
import { type CreateGsuiteProviderOptions, createGsuiteProvider } from '../src/provider.ts';

export const FAST_RETRY = { retries: 6, minTimeoutMs: 1, maxTimeoutMs: 10 };

/** Settings as the CLI would resolve them from flags. */
export function gsuiteConfig(flags: Record<string, unknown> = {}): GsuiteConfig {
  return resolveConfig(gsuiteOptions, { flags, env: {} });
}

/** Syncs the emulated directory the way a user behind a proxy would: one root URL and an access token. */
export function syncWorkspace(
  store: GraphStore,
  ws: WorkspaceEmulator,
  updateTag: number,
  flags: Record<string, unknown> = {},
  options: CreateGsuiteProviderOptions = {},
): Promise<SyncResult> {
  const provider = createGsuiteProvider(gsuiteConfig({ gsuiteEndpoint: ws.url, ...flags }), {
    accessToken: 'test-access-token',
    ...options,
  });
  return sync({ store, providers: [provider], updateTag, retry: FAST_RETRY, changeLog: false });
}

export async function column<T = unknown>(
  store: GraphStore,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<T[]> {
  return (await store.read(cypher, params)).map((row) => Object.values(row)[0] as T);
}
