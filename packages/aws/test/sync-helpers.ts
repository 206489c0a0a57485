import { Writable } from 'node:stream';
import { type AwsConfig, awsOptions, createAwsProvider } from '@skygraph/aws';
import {
  type AwsEmulator,
  type AwsEstate,
  type GenerateAwsEstateOptions,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import {
  createLogger,
  type GraphStore,
  type Provider,
  resolveConfig,
  type SyncResult,
  sync,
} from '@skygraph/core';
import { openTestStore } from '@skygraph/core/testing';
import { afterEach, beforeEach } from 'vitest';

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

/** A warning as a user reads it on standard error: the message and the fields `fields` names. */
export type Warning<F extends string> = { msg: string } & Partial<Record<F, string>>;

/** A logger that keeps its warnings with the given fields, as a user reads them on standard error. */
export function recordingLogger<F extends string>(fields: readonly F[]) {
  const warnings: Warning<F>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) {
        const entry = JSON.parse(line) as Record<string, unknown> & { level: number; msg: string };
        if (entry.level !== 40) continue;
        const warning = { msg: entry.msg } as Warning<F>;
        for (const f of fields) (warning as Record<string, unknown>)[f] = entry[f];
        warnings.push(warning);
      }
      done();
    },
  });
  return { log: createLogger({ level: 'warn', json: true, destination }), warnings };
}

/**
 * The estate the end-to-end tests start from: three accounts of two regions, generated as of a fixed
 * day so that ids and dates do not move with the calendar. Options given override these.
 */
export function testEstate(options: GenerateAwsEstateOptions): AwsEstate {
  return generateAwsEstate({ accounts: 3, regionsPerAccount: 2, now: '2025-06-01T00:00:00Z', ...options });
}

export interface EmulatedAwsOptions<F extends string> {
  /**
   * The estate (see `testEstate`) generated and served afresh before each test, so that a test may
   * mutate it freely; `false` when each test picks its own and serves it with `serve`.
   */
  estate: GenerateAwsEstateOptions | false;
  /** The fields each recorded warning keeps besides its message; default `collector`. */
  warnFields?: readonly F[];
  /** Config keys every sync starts from (a call's own values override them), e.g. only the services a file is about. */
  values?: Record<string, unknown>;
}

/** A test's store and emulated AWS; read the getters inside a test, not when the suite is declared. */
export interface EmulatedAws<F extends string> {
  readonly store: GraphStore;
  /** The estate the current emulator serves; mutate it to change what the next sync sees. */
  readonly estate: AwsEstate;
  /** The emulator last served in this test. */
  readonly emulator: AwsEmulator;
  /** Starts an emulator serving `estate`: the syncs that follow read it, and it is closed after the test. */
  serve(estate: AwsEstate): Promise<AwsEmulator>;
  /** One sync of the current emulator into the store, with the warnings a user would read. */
  sync(values?: Record<string, unknown>): Promise<{ result: SyncResult; warnings: Warning<F>[] }>;
}

/**
 * Registers, in the calling `describe`, hooks that give each test a fresh store and emulated estate,
 * and closes both after it.
 *
 * @example
 * const aws = useEmulatedAws({ estate: { seed: 47 }, warnFields: ['collector', 'key'] });
 * it('syncs', async () => {
 *   const { result, warnings } = await aws.sync({ awsServices: ['kms'] });
 *   await expectGraphMatchesEstate(aws.store, aws.estate);
 * });
 */
export function useEmulatedAws<F extends string = 'collector'>(
  options: EmulatedAwsOptions<F>,
): EmulatedAws<F> {
  const warnFields = options.warnFields ?? (['collector'] as readonly string[] as readonly F[]);
  let store: GraphStore | undefined;
  let emulators: AwsEmulator[] = [];
  const currentStore = () => {
    if (!store) throw new Error('no store: read it inside a test');
    return store;
  };
  const current = () => {
    const emulator = emulators.at(-1);
    if (!emulator) throw new Error('no emulator: read it inside a test, after the estate is served');
    return emulator;
  };
  const serve = async (estate: AwsEstate) => {
    const emulator = await startAwsEmulator({ estate });
    emulators.push(emulator);
    return emulator;
  };

  beforeEach(async () => {
    store = await openTestStore();
    if (options.estate) await serve(testEstate(options.estate));
  });
  afterEach(async () => {
    const closing = emulators;
    emulators = [];
    try {
      await store?.close();
    } finally {
      // A store that fails to close must not leave the test's emulators listening.
      store = undefined;
      await Promise.all(closing.map((e) => e.close()));
    }
  });

  return {
    get store() {
      return currentStore();
    },
    get estate() {
      return current().estate;
    },
    get emulator() {
      return current();
    },
    serve,
    async sync(values = {}) {
      const recorder = recordingLogger(warnFields);
      const result = await sync({
        store: currentStore(),
        providers: [emulatedProvider(current(), { ...options.values, ...values })],
        retry: FAST_RETRY,
        log: recorder.log,
      });
      return { result, warnings: recorder.warnings };
    },
  };
}
