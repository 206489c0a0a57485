import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type GraphStore, openStore, type Provider, type SyncResult, sync } from '@skygraph/core';
import {
  builtinCatalogue,
  createClient,
  type DemoEstate,
  type DemoEstateOptions,
  type SkygraphClient,
  startDemoEstate,
} from '@skygraph/sdk';

/** The demo estate synced into a store, and a read-only client over it. */
export interface DemoGraph {
  /** The running emulators: change `demo.aws.estate` and call `resync()` to see drift. */
  readonly demo: DemoEstate;
  readonly store: GraphStore;
  readonly client: SkygraphClient;
  /** The result of the last sync. */
  readonly result: SyncResult;
  /** Syncs the emulators (and the extra providers) into the store again. */
  resync(): Promise<SyncResult>;
  /** Closes the store (removing it when it was a temporary one) and stops the emulators. */
  close(): Promise<void>;
}

export interface OpenDemoGraphOptions {
  /** Where to sync (default: a new embedded store in a temporary folder). */
  readonly store?: GraphStore;
  /** Providers synced next to the demo ones (see custom-collector.ts). */
  readonly extraProviders?: readonly Provider[];
  readonly estate?: DemoEstateOptions;
}

/**
 * Starts the demo estate (AWS, GCP and Workspace emulators, in-process,
 * seeded with realistic misconfigurations) and syncs it the way `collect
 * --demo` does: a real sync, real providers, no credentials.
 *
 * @example
 * const graph = await openDemoGraph();
 * const { rows } = await graph.client.runQuery('s3_anonymous');
 * await graph.close();
 */
export async function openDemoGraph(options: OpenDemoGraphOptions = {}): Promise<DemoGraph> {
  const tempDir = options.store ? null : mkdtempSync(join(tmpdir(), 'skygraph-demo-'));
  const store = options.store ?? (await openStore(join(tempDir as string, 'graph.grafeo')));
  const demo = await startDemoEstate(options.estate);
  const close = async () => {
    await store.close();
    await demo.stop();
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  };
  const resync = () => sync({ store, providers: [...demo.providers(), ...(options.extraProviders ?? [])] });
  try {
    let result = await resync();
    if (result.status !== 'success') {
      throw new Error(
        `the demo sync ended ${result.status}: ${result.errors.map((e) => e.message).join('; ')}`,
      );
    }
    const client = createClient(store, { catalogue: builtinCatalogue });
    return {
      demo,
      store,
      client,
      get result() {
        return result;
      },
      async resync() {
        result = await resync();
        return result;
      },
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
