export { DIRECTORY_SCOPES } from './api/directory-auth.ts';
export { classifyDirectoryError } from './api/google-error.ts';
export { GSUITE_AUTH_MODES, type GsuiteAuthMode, type GsuiteConfig, gsuiteOptions } from './options.ts';
export { type CreateGsuiteProviderOptions, createGsuiteProvider } from './provider.ts';
export * from './schema/index.ts';
