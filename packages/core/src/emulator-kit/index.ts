/**
 * Building blocks of the providers' emulators: a seeded random source for
 * generated estates, and the REST/JSON conventions of Google's APIs (error
 * bodies, page tokens, partial responses) shared by the GCP and Workspace
 * emulators, whose packages may not depend on each other.
 */
export * from './google-rest.ts';
export { type ListeningServer, listenJsonServer, respondWithHandler } from './json-server.ts';
export { createSeededRandom, type SeededRandom } from './seeded-random.ts';
