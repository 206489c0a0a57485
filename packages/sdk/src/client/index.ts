export { GraphEmptyError } from './client-errors.ts';
export {
  assertHasData,
  type ConnectOptions,
  type CreateClientOptions,
  connect,
  createClient,
  type SkygraphClient,
} from './connect.ts';
export { type GraphStatus, type LastRun, readGraphStatus } from './graph-status.ts';
export { assertReadOnlyCypher } from './read-only-guard.ts';
