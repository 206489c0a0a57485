import { ConfigError } from '@skygraph/core';
import type { CollectHooks } from './collect-command.ts';

/** Starts the emulators with the demo estate and builds providers against them. */
export const demoHook: NonNullable<CollectHooks['demo']> = async () => {
  throw new ConfigError('--demo needs the provider emulators, which are not wired yet');
};
