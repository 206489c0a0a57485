/**
 * The Google Workspace graph schemas (Cartography-compatible labels, keys and
 * relationships). Importable without loading any Google client library.
 */
export { GSuiteGroup } from './group.ts';
export { GSuiteTenant } from './tenant.ts';
export { GSuiteUser } from './user.ts';
