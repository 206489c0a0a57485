export { type FaultyServer, startFaultyServer } from './faulty-server.ts';
export { FixtureApiError, type FixtureEstate, fixtureProvider } from './fixture-provider.ts';
export { Disk, Server, Tenant } from './fixture-schemas.ts';
export {
  createTestStoreTarget,
  emptyNeo4j,
  openTestStore,
  TEST_NEO4J_PASSWORD_ENV_VAR,
  type TestStoreKind,
  type TestStoreTarget,
  testNeo4jUri,
  testStoreKind,
} from './test-store.ts';
