/**
 * The emulator's model of a GCP organisation. It is plain, mutable data: tests
 * change it between syncs (add an instance, disable an API, delete a bucket)
 * and the next request sees the change. The HTTP layer renders it into the
 * real REST shapes (URLs, `kind`, selfLinks), so the model only holds what a
 * test would want to state.
 */

export type LifecycleState = 'ACTIVE' | 'DELETE_REQUESTED';

export interface GcpOrganization {
  /** Numeric id: the resource name is `organizations/<id>`. */
  id: string;
  /** The Workspace / Cloud Identity domain, e.g. `example.com`. */
  displayName: string;
  directoryCustomerId: string;
  state: LifecycleState;
  createTime: string;
}

export interface GcpFolder {
  /** Numeric id: the resource name is `folders/<id>`. */
  id: string;
  displayName: string;
  /** `organizations/<id>` or `folders/<id>`. */
  parent: string;
  state: LifecycleState;
  createTime: string;
}

export interface GcpNetwork {
  id: string;
  name: string;
  description: string;
  autoCreateSubnetworks: boolean;
  routingMode: 'REGIONAL' | 'GLOBAL';
  mtu: number;
  creationTimestamp: string;
}

export interface GcpSubnetwork {
  id: string;
  name: string;
  /** Network name (not URL) in the same project. */
  network: string;
  region: string;
  ipCidrRange: string;
  gatewayAddress: string;
  privateIpGoogleAccess: boolean;
  flowLogs: boolean;
  secondaryIpRanges: Array<{ rangeName: string; ipCidrRange: string }>;
  creationTimestamp: string;
}

export interface GcpFirewallRule {
  /** `tcp`, `udp`, `icmp`, `all`, ... */
  IPProtocol: string;
  ports?: string[];
}

export interface GcpFirewall {
  id: string;
  name: string;
  description: string;
  /** Network name (not URL) in the same project. */
  network: string;
  direction: 'INGRESS' | 'EGRESS';
  /** 0 is the highest priority, 65535 the lowest. */
  priority: number;
  sourceRanges?: string[];
  destinationRanges?: string[];
  sourceTags?: string[];
  targetTags?: string[];
  targetServiceAccounts?: string[];
  allowed?: GcpFirewallRule[];
  denied?: GcpFirewallRule[];
  disabled: boolean;
  logConfigEnabled: boolean;
  creationTimestamp: string;
}

export interface GcpNetworkInterface {
  /** `nic0`, `nic1`, ... */
  name: string;
  /** Network name (not URL) in the same project. */
  network: string;
  /** Subnetwork name; its region is the instance's zone's region. */
  subnetwork: string;
  networkIP: string;
  /** External IPv4 address; present means a ONE_TO_ONE_NAT access config. */
  natIP?: string;
}

export type GcpInstanceStatus =
  | 'PROVISIONING'
  | 'STAGING'
  | 'RUNNING'
  | 'STOPPING'
  | 'STOPPED'
  | 'SUSPENDING'
  | 'SUSPENDED'
  | 'REPAIRING'
  | 'TERMINATED';

export interface GcpInstance {
  id: string;
  name: string;
  zone: string;
  /** Machine type name, e.g. `e2-medium`. */
  machineType: string;
  status: GcpInstanceStatus;
  tags: string[];
  labels: Record<string, string>;
  networkInterfaces: GcpNetworkInterface[];
  serviceAccounts: Array<{ email: string; scopes: string[] }>;
  canIpForward: boolean;
  deletionProtection: boolean;
  shieldedInstance: { secureBoot: boolean; vtpm: boolean; integrityMonitoring: boolean };
  bootDiskSizeGb: number;
  creationTimestamp: string;
}

export interface GkeNodePool {
  name: string;
  machineType: string;
  diskSizeGb: number;
  imageType: string;
  nodeCount: number;
  version: string;
  status: 'RUNNING' | 'PROVISIONING' | 'RECONCILING' | 'STOPPING' | 'ERROR' | 'RUNNING_WITH_ERROR';
  /** `default` means the Compute Engine default service account. */
  serviceAccount: string;
  oauthScopes: string[];
  autoUpgrade: boolean;
  autoRepair: boolean;
  secureBoot: boolean;
  integrityMonitoring: boolean;
  autoscaling?: { minNodeCount: number; maxNodeCount: number };
}

export interface GkeCluster {
  /** 32 hex characters. */
  id: string;
  name: string;
  /** A zone (zonal cluster) or a region (regional cluster). */
  location: string;
  description: string;
  /** Network and subnetwork names in the same project. */
  network: string;
  subnetwork: string;
  status: 'PROVISIONING' | 'RUNNING' | 'RECONCILING' | 'STOPPING' | 'ERROR' | 'DEGRADED';
  /** The control-plane IP the API reports as `endpoint`. */
  endpoint: string;
  initialClusterVersion: string;
  currentMasterVersion: string;
  currentNodeVersion: string;
  createTime: string;
  /** Absent: a public cluster (no private nodes, public endpoint only). */
  privateCluster?: {
    enablePrivateNodes: boolean;
    enablePrivateEndpoint: boolean;
    masterIpv4CidrBlock: string;
    privateEndpoint: string;
    publicEndpoint?: string;
  };
  masterAuthorizedNetworks: {
    enabled: boolean;
    cidrBlocks: Array<{ displayName?: string; cidrBlock: string }>;
  };
  /** Legacy static basic auth (username/password in `masterAuth`). */
  basicAuth?: { username: string; password: string };
  issueClientCertificate: boolean;
  legacyAbac: boolean;
  /** `logging.googleapis.com/kubernetes` or `none`. */
  loggingService: string;
  monitoringService: string;
  networkPolicy: { enabled: boolean; provider?: 'CALICO' };
  shieldedNodes: boolean;
  releaseChannel?: 'RAPID' | 'REGULAR' | 'STABLE' | 'EXTENDED';
  workloadIdentity: boolean;
  /** Cloud KMS key for application-layer secrets encryption. */
  databaseEncryptionKey?: string;
  resourceLabels: Record<string, string>;
  clusterIpv4Cidr: string;
  servicesIpv4Cidr: string;
  nodePools: GkeNodePool[];
}

export interface GcsIamBinding {
  role: string;
  /** `allUsers`, `allAuthenticatedUsers`, `user:x@y`, `projectOwner:<projectId>`, ... */
  members: string[];
}

export interface GcsBucket {
  /** Globally unique; also the bucket's `id`. */
  name: string;
  /** `US`, `EU`, `US-CENTRAL1`, ... */
  location: string;
  locationType: 'multi-region' | 'region' | 'dual-region';
  storageClass: 'STANDARD' | 'NEARLINE' | 'COLDLINE' | 'ARCHIVE';
  timeCreated: string;
  updated: string;
  metageneration: number;
  uniformBucketLevelAccess: boolean;
  publicAccessPrevention: 'inherited' | 'enforced';
  versioning: boolean;
  defaultKmsKeyName?: string;
  labels: Record<string, string>;
  logging?: { logBucket: string; logObjectPrefix: string };
  retentionPeriodSeconds?: number;
  /** The full IAM policy, legacy project-convenience bindings included. */
  iamBindings: GcsIamBinding[];
}

export interface GcpProject {
  projectId: string;
  projectNumber: string;
  displayName: string;
  /** `organizations/<id>` or `folders/<id>`. */
  parent: string;
  state: LifecycleState;
  createTime: string;
  labels: Record<string, string>;
  /** Service names (`compute.googleapis.com`, ...). Compute, GKE and Storage calls fail with SERVICE_DISABLED when theirs is missing. */
  enabledServices: string[];
  /** The caller may see the project in Resource Manager but every data API answers 403 PERMISSION_DENIED. */
  permissionDenied: boolean;
  networks: GcpNetwork[];
  subnetworks: GcpSubnetwork[];
  firewalls: GcpFirewall[];
  instances: GcpInstance[];
  clusters: GkeCluster[];
  buckets: GcsBucket[];
}

export interface GcpEstate {
  organization: GcpOrganization;
  folders: GcpFolder[];
  projects: GcpProject[];
}

export interface GcpRegion {
  name: string;
  zones: string[];
  /** The auto-mode `default` subnetwork range of this region. */
  defaultSubnetRange: string;
}

/** Regions and zones the emulator knows; aggregated lists report every one of them. */
export const GCP_REGIONS: readonly GcpRegion[] = [
  {
    name: 'us-central1',
    zones: ['us-central1-a', 'us-central1-b', 'us-central1-c'],
    defaultSubnetRange: '10.128.0.0/20',
  },
  {
    name: 'us-east1',
    zones: ['us-east1-b', 'us-east1-c', 'us-east1-d'],
    defaultSubnetRange: '10.142.0.0/20',
  },
  {
    name: 'europe-west1',
    zones: ['europe-west1-b', 'europe-west1-c', 'europe-west1-d'],
    defaultSubnetRange: '10.132.0.0/20',
  },
  {
    name: 'asia-east1',
    zones: ['asia-east1-a', 'asia-east1-b', 'asia-east1-c'],
    defaultSubnetRange: '10.140.0.0/20',
  },
];

/** The region a zone belongs to (`us-central1-a` -> `us-central1`). */
export function regionOfZone(zone: string): string {
  return zone.replace(/-[a-z]$/, '');
}

/** Titles used by Service Usage and in SERVICE_DISABLED messages. */
export const GCP_SERVICE_TITLES: Readonly<Record<string, string>> = {
  'bigquery.googleapis.com': 'BigQuery API',
  'cloudkms.googleapis.com': 'Cloud Key Management Service (KMS) API',
  'cloudresourcemanager.googleapis.com': 'Cloud Resource Manager API',
  'compute.googleapis.com': 'Compute Engine API',
  'container.googleapis.com': 'Kubernetes Engine API',
  'dns.googleapis.com': 'Cloud DNS API',
  'iam.googleapis.com': 'Identity and Access Management (IAM) API',
  'logging.googleapis.com': 'Cloud Logging API',
  'monitoring.googleapis.com': 'Cloud Monitoring API',
  'oslogin.googleapis.com': 'Cloud OS Login API',
  'serviceusage.googleapis.com': 'Service Usage API',
  'storage-api.googleapis.com': 'Google Cloud Storage JSON API',
  'storage-component.googleapis.com': 'Cloud Storage',
  'storage.googleapis.com': 'Cloud Storage API',
};

/** Service names the emulator's Service Usage knows (its catalogue for `state:DISABLED`). */
export const KNOWN_SERVICES: readonly string[] = Object.keys(GCP_SERVICE_TITLES).sort();

/** Finds a project by project id or project number. */
export function findProject(estate: GcpEstate, key: string): GcpProject | undefined {
  return estate.projects.find((project) => project.projectId === key || project.projectNumber === key);
}

export function findBucket(
  estate: GcpEstate,
  name: string,
): { project: GcpProject; bucket: GcsBucket } | undefined {
  for (const project of estate.projects) {
    const bucket = project.buckets.find((candidate) => candidate.name === name);
    if (bucket) return { project, bucket };
  }
  return undefined;
}
