import type { DemoEstate, DemoEstateOptions } from './demo-estate.ts';

export type { DemoEstate, DemoEstateOptions } from './demo-estate.ts';
export { DEMO_SCALE } from './demo-scale.ts';

/**
 * Starts the AWS, GCP and Workspace emulators in-process with a seeded
 * estate, and providers pointed at them: no credentials, no cloud. The
 * emulators and the providers' cloud clients load on the first call, so
 * importing the SDK to read a graph never pays for them.
 *
 * @example
 * const demo = await startDemoEstate();
 * const result = await sync({ store, providers: demo.providers() });
 * await demo.stop();
 */
export async function startDemoEstate(options: DemoEstateOptions = {}): Promise<DemoEstate> {
  const { startDemoEstate: start } = await import('./demo-estate.ts');
  return start(options);
}
