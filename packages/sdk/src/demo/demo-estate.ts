/**
 * The demo estate (`@skygraph/sdk/demo`): the AWS, GCP and Workspace
 * emulators with a seeded estate, and providers pointed at them. This entry
 * point loads the emulators and the providers' cloud clients;
 * `startDemoEstate` from `@skygraph/sdk` loads it on first call.
 */
import { awsOptions, createAwsProvider } from '@skygraph/aws';
import {
  type AwsEmulator,
  type AwsEstateScale,
  generateAwsEstate,
  startAwsEmulator,
} from '@skygraph/aws/emulator';
import { type ConfigOf, type OptionSpec, type Provider, resolveConfig } from '@skygraph/core';
import { createGcpProvider, gcpOptions } from '@skygraph/gcp';
import {
  type GcpEmulator,
  type GenerateGcpEstateOptions,
  generateGcpEstate,
  startGcpEmulator,
} from '@skygraph/gcp/emulator';
import { createGsuiteProvider, gsuiteOptions } from '@skygraph/gsuite';
import {
  type GenerateWorkspaceOptions,
  generateWorkspace,
  startWorkspaceEmulator,
  type WorkspaceEmulator,
} from '@skygraph/gsuite/emulator';
import { DEMO_SCALE } from './demo-scale.ts';

/** How big the demo estate is and how its APIs behave. */
export interface DemoEstateOptions {
  seed?: number;
  aws?: AwsEstateScale;
  gcp?: GenerateGcpEstateOptions;
  workspace?: GenerateWorkspaceOptions;
  /** Added to every API request (a real regional API answers in ~20 ms). */
  latencyMs?: number;
  /** Probability of a throttling answer per request. */
  throttleRate?: number;
  /** Which providers to start (default all three). */
  providers?: readonly ('aws' | 'gcp' | 'gsuite')[];
}

/** The emulators of a demo estate and providers pointed at them. */
export interface DemoEstate {
  aws?: AwsEmulator;
  gcp?: GcpEmulator;
  workspace?: WorkspaceEmulator;
  /** Providers configured against the emulators; `overrides` are provider settings (config keys). */
  providers(overrides?: Record<string, unknown>): Provider[];
  /** API requests served, by provider. */
  requests(): Record<string, number>;
  stop(): Promise<void>;
}

const DEMO_TOKEN = 'demo-access-token';

/**
 * Starts the AWS, GCP and Workspace emulators in-process with a seeded
 * estate. The providers reach them exactly as a user would reach a proxy or
 * private endpoint: through the endpoint override and static credentials.
 */
export async function startDemoEstate(options: DemoEstateOptions = {}): Promise<DemoEstate> {
  const seed = options.seed ?? 7;
  const wanted = new Set(options.providers ?? ['aws', 'gcp', 'gsuite']);
  const latencyMs = options.latencyMs ?? 0;
  const throttleRate = options.throttleRate ?? 0;
  const [aws, gcp, workspace] = await Promise.all([
    wanted.has('aws')
      ? startAwsEmulator({
          estate: generateAwsEstate({ seed, ...(options.aws ?? DEMO_SCALE.aws) }),
          latencyMs,
          throttleRate,
        })
      : undefined,
    wanted.has('gcp')
      ? startGcpEmulator({
          estate: generateGcpEstate({ seed, ...(options.gcp ?? DEMO_SCALE.gcp) }),
          latencyMs,
          errorRate: { 429: throttleRate },
        })
      : undefined,
    wanted.has('gsuite')
      ? startWorkspaceEmulator({
          estate: generateWorkspace({ seed, ...(options.workspace ?? DEMO_SCALE.workspace) }),
          latencyMs,
          errorRate: { 429: throttleRate },
        })
      : undefined,
  ]);
  return {
    ...(aws ? { aws } : {}),
    ...(gcp ? { gcp } : {}),
    ...(workspace ? { workspace } : {}),
    providers(overrides = {}) {
      return demoProviders(
        {
          ...(aws ? { aws: { url: aws.url, credentials: aws.hubCredentials } } : {}),
          ...(gcp ? { gcp: { url: gcp.url } } : {}),
          ...(workspace ? { workspace: { url: workspace.url } } : {}),
        },
        overrides,
      );
    },
    requests() {
      return {
        ...(aws ? { aws: aws.stats().requests } : {}),
        ...(gcp ? { gcp: gcp.stats().requests } : {}),
        ...(workspace ? { gsuite: workspace.stats().requests } : {}),
      };
    },
    async stop() {
      await Promise.all([aws?.close(), gcp?.close(), workspace?.close()]);
    },
  };
}

/** Where the demo emulators listen (they may run in another process, as the benchmark runs them). */
export interface DemoEndpoints {
  aws?: { url: string; credentials: { accessKeyId: string; secretAccessKey: string } };
  gcp?: { url: string };
  workspace?: { url: string };
}

/** Providers configured against emulators: endpoint overrides and static credentials, as a user would set them. */
export function demoProviders(endpoints: DemoEndpoints, overrides: Record<string, unknown> = {}): Provider[] {
  const providers: Provider[] = [];
  const { aws, gcp, workspace } = endpoints;
  if (aws) {
    const config = settings(awsOptions, overrides);
    providers.push(
      createAwsProvider(config, { credentials: async () => aws.credentials, endpoint: aws.url, env: {} }),
    );
  }
  if (gcp) {
    const config = settings(gcpOptions, {
      gcpEndpoint: gcp.url,
      googleAccessTokenEnvVar: 'SKYGRAPH_DEMO_TOKEN',
      ...overrides,
    });
    providers.push(createGcpProvider(config, { env: { SKYGRAPH_DEMO_TOKEN: DEMO_TOKEN } }));
  }
  if (workspace) {
    const config = settings(gsuiteOptions, { gsuiteEndpoint: workspace.url, ...overrides });
    providers.push(createGsuiteProvider(config, { accessToken: DEMO_TOKEN }));
  }
  return providers;
}

/** A provider's settings from its defaults plus the given values (only its own keys). */
function settings<O extends Record<string, OptionSpec>>(
  specs: O,
  values: Record<string, unknown>,
): ConfigOf<O> {
  const own = Object.fromEntries(Object.entries(values).filter(([key]) => key in specs));
  return resolveConfig(specs, { flags: own, env: {} });
}
