export { gcpAnalysis, gcpFirewallIngress, gcpGkeExposure, gcpInstanceExposure } from './analysis.ts';
export { classifyGoogleError, isServiceDisabled } from './api/google-error.ts';
export { GCP_SERVICES, type GcpConfig, type GcpService, gcpOptions } from './options.ts';
export { type CreateGcpProviderOptions, createGcpProvider } from './provider.ts';
export * from './schema/index.ts';
