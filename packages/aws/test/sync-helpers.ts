import { type AwsConfig, awsOptions, createAwsProvider } from '@skygraph/aws';
import type { AwsEmulator } from '@skygraph/aws/emulator';
import { type GraphStore, type Provider, resolveConfig, type SyncResult, sync } from '@skygraph/core';

/** Retries fast enough for tests, and enough of them to ride out a throttling emulator. */
export const FAST_RETRY = { retries: 8, minTimeoutMs: 1, maxTimeoutMs: 10 };

/** AWS settings from defaults plus the given values (config keys). */
export function awsConfig(values: Record<string, unknown> = {}): AwsConfig {
  return resolveConfig(awsOptions, { flags: values, env: {} });
}

/** The AWS provider pointed at an emulator the way a user points it at a proxy: endpoint override and static hub keys. */
export function emulatedProvider(
  emulator: AwsEmulator,
  values: Record<string, unknown> = {},
  env: NodeJS.ProcessEnv = {},
  requestTimeoutMs?: number,
): Provider {
  return createAwsProvider(awsConfig(values), {
    credentials: async () => emulator.hubCredentials,
    endpoint: emulator.url,
    env,
    ...(requestTimeoutMs ? { requestTimeoutMs } : {}),
  });
}

/** One sync of the emulated estate into the store. */
export function syncAws(
  store: GraphStore,
  emulator: AwsEmulator,
  values: Record<string, unknown> = {},
): Promise<SyncResult> {
  return sync({ store, providers: [emulatedProvider(emulator, values)], retry: FAST_RETRY });
}

/** The number a `RETURN count(...) AS c` query returns. */
export async function count(
  store: GraphStore,
  cypher: string,
  params: Record<string, unknown> = {},
): Promise<number> {
  const rows = await store.read(cypher, params);
  return Number(rows[0]?.c ?? 0);
}
