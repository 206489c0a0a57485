export { FixtureApiError, type FixtureEstate, fixtureProvider } from './fixture-provider.ts';
export { Disk, Server, Tenant } from './fixture-schemas.ts';
export { openTestStore } from './test-store.ts';
