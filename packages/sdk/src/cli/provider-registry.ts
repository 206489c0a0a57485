import type { OptionSpec, Provider } from '@skygraph/core';

/** What the `collect` command needs to know about a provider. */
export interface ProviderEntry {
  readonly name: 'aws' | 'gcp' | 'gsuite';
  readonly options: Record<string, OptionSpec>;
  /**
   * Null when the provider has credentials to run with; otherwise what the
   * user must set, in words they can act on.
   */
  missingCredentials(config: Record<string, unknown>, env: NodeJS.ProcessEnv): string | null;
  /** Whether any of the provider's own flags/env/file settings were given (it was asked for). */
  create(config: Record<string, unknown>, env: NodeJS.ProcessEnv): Provider | Promise<Provider>;
}

/** Every provider the `collect` command can run, in the order they are listed. */
export const PROVIDERS: readonly ProviderEntry[] = [];
