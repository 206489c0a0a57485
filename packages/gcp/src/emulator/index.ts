export type {
  GcpEstate,
  GcpFirewall,
  GcpFirewallRule,
  GcpFolder,
  GcpInstance,
  GcpInstanceStatus,
  GcpNetwork,
  GcpNetworkInterface,
  GcpOrganization,
  GcpProject,
  GcpRegion,
  GcpSubnetwork,
  GcsBucket,
  GcsIamBinding,
  GkeCluster,
  GkeNodePool,
  LifecycleState,
} from './estate.ts';
export {
  findBucket,
  findProject,
  GCP_REGIONS,
  GCP_SERVICE_TITLES,
  KNOWN_SERVICES,
  regionOfZone,
} from './estate.ts';
export type {
  GcpEmulator,
  GcpEmulatorStats,
  GcpFault,
  GcpFaultKind,
  GcpService,
  StartGcpEmulatorOptions,
} from './gcp-emulator.ts';
export { startGcpEmulator } from './gcp-emulator.ts';
export type { GenerateGcpEstateOptions } from './generate-estate.ts';
export { generateGcpEstate } from './generate-estate.ts';
