import { createSeededRandom, type SeededRandom } from '@skygraph/core/emulator-kit';
import {
  GCP_REGIONS,
  type GcpEstate,
  type GcpFirewall,
  type GcpFolder,
  type GcpInstance,
  type GcpNetwork,
  type GcpProject,
  type GcpSubnetwork,
  type GcsBucket,
  type GcsIamBinding,
  type GkeCluster,
  regionOfZone,
} from './estate.ts';

export interface GenerateGcpEstateOptions {
  /** Same seed, same estate. Default 1. */
  seed?: number | string;
  /** Organisation domain. Default `example.com`. */
  domain?: string;
  /** Folders: 0 and 1 under the organisation, then folder i inside folder i-2 (two nesting chains). Default 3. */
  folders?: number;
  /** Projects, including the deleted ones. Default 6. */
  projects?: number;
  /** The last N projects are DELETE_REQUESTED (no resources; data APIs answer 403). Default 1. */
  deletedProjects?: number;
  /** The last N ACTIVE projects are listed by Resource Manager but every data API answers 403. Default 0. */
  deniedProjects?: number;
  /** Default 4. Instances cycle through the four roles described in the README. */
  instancesPerProject?: number;
  /** Default 2. Clusters cycle through legacy (insecure), prod (hardened) and dev (open). */
  clustersPerProject?: number;
  /** Default 3. Buckets cycle through public-assets, legacy-uploads and backups. */
  bucketsPerProject?: number;
  /**
   * When true (default), ACTIVE project n (0-based) with n % 5 == 2 has Compute and GKE
   * disabled, n % 5 == 3 has GKE disabled, n % 5 == 4 has Cloud Storage disabled.
   */
  disableSomeServices?: boolean;
}

const TEAMS = [
  'payments',
  'identity',
  'search',
  'data',
  'web',
  'ml',
  'platform',
  'billing',
  'analytics',
  'mobile',
];
const ENVIRONMENTS = ['prod', 'staging', 'dev', 'sandbox'];
const FOLDER_NAMES = [
  'Engineering',
  'Finance',
  'Platform',
  'Security',
  'Data',
  'Sandbox',
  'Shared',
  'Marketing',
];
const INSTANCE_ZONES = ['us-central1-a', 'us-central1-b', 'europe-west1-b'];
const PROD_SUBNETS: ReadonlyArray<{ region: string; range: string }> = [
  { region: 'us-central1', range: '10.10.0.0/20' },
  { region: 'europe-west1', range: '10.20.0.0/20' },
];
const BASE_SERVICES = [
  'bigquery.googleapis.com',
  'cloudresourcemanager.googleapis.com',
  'compute.googleapis.com',
  'container.googleapis.com',
  'iam.googleapis.com',
  'logging.googleapis.com',
  'monitoring.googleapis.com',
  'oslogin.googleapis.com',
  'serviceusage.googleapis.com',
  'storage-api.googleapis.com',
  'storage-component.googleapis.com',
  'storage.googleapis.com',
];
const STORAGE_SERVICES = [
  'storage.googleapis.com',
  'storage-api.googleapis.com',
  'storage-component.googleapis.com',
];
const EPOCH_2021 = Date.UTC(2021, 0, 1);
const DAY_MS = 86_400_000;

function ipToInt(ip: string): number {
  return ip.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);
}

function intToIp(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join('.');
}

/** The n-th host address of a CIDR range (n = 1 is the gateway). */
export function hostInRange(cidr: string, n: number): string {
  const [base = '0.0.0.0'] = cidr.split('/');
  return intToIp(ipToInt(base) + n);
}

function timestamp(random: SeededRandom, maxDays = 1000): string {
  return new Date(EPOCH_2021 + random.int(0, maxDays) * DAY_MS + random.int(0, DAY_MS - 1)).toISOString();
}

function publicIp(random: SeededRandom): string {
  return `${random.pick([34, 35])}.${random.int(64, 250)}.${random.int(0, 255)}.${random.int(1, 254)}`;
}

function legacyBucketBindings(projectId: string, uniform: boolean): GcsIamBinding[] {
  const bindings: GcsIamBinding[] = [
    {
      role: 'roles/storage.legacyBucketOwner',
      members: [`projectEditor:${projectId}`, `projectOwner:${projectId}`],
    },
    { role: 'roles/storage.legacyBucketReader', members: [`projectViewer:${projectId}`] },
  ];
  if (uniform) {
    bindings.push(
      {
        role: 'roles/storage.legacyObjectOwner',
        members: [`projectEditor:${projectId}`, `projectOwner:${projectId}`],
      },
      { role: 'roles/storage.legacyObjectReader', members: [`projectViewer:${projectId}`] },
    );
  }
  return bindings;
}

function generateNetworking(
  random: SeededRandom,
  project: GcpProject,
): { networks: GcpNetwork[]; subnetworks: GcpSubnetwork[]; firewalls: GcpFirewall[] } {
  const networks: GcpNetwork[] = [
    {
      id: random.digits(19),
      name: 'default',
      description: 'Default network for the project',
      autoCreateSubnetworks: true,
      routingMode: 'REGIONAL',
      mtu: 1460,
      creationTimestamp: project.createTime,
    },
    {
      id: random.digits(19),
      name: 'prod-vpc',
      description: 'Production VPC',
      autoCreateSubnetworks: false,
      routingMode: 'GLOBAL',
      mtu: 1460,
      creationTimestamp: timestamp(random),
    },
  ];
  const subnetworks: GcpSubnetwork[] = [
    ...GCP_REGIONS.map(
      (region): GcpSubnetwork => ({
        id: random.digits(19),
        name: 'default',
        network: 'default',
        region: region.name,
        ipCidrRange: region.defaultSubnetRange,
        gatewayAddress: hostInRange(region.defaultSubnetRange, 1),
        privateIpGoogleAccess: false,
        flowLogs: false,
        secondaryIpRanges: [],
        creationTimestamp: project.createTime,
      }),
    ),
    ...PROD_SUBNETS.map(
      ({ region, range }, index): GcpSubnetwork => ({
        id: random.digits(19),
        name: `prod-${region}`,
        network: 'prod-vpc',
        region,
        ipCidrRange: range,
        gatewayAddress: hostInRange(range, 1),
        privateIpGoogleAccess: true,
        flowLogs: true,
        secondaryIpRanges: [
          { rangeName: 'gke-pods', ipCidrRange: `10.${100 + index}.0.0/16` },
          { rangeName: 'gke-services', ipCidrRange: `10.${110 + index}.0.0/20` },
        ],
        creationTimestamp: timestamp(random),
      }),
    ),
  ];
  const rule = (
    fields: Omit<GcpFirewall, 'id' | 'creationTimestamp' | 'disabled' | 'logConfigEnabled'> & {
      disabled?: boolean;
      logConfigEnabled?: boolean;
    },
  ): GcpFirewall => ({
    id: random.digits(19),
    creationTimestamp: timestamp(random),
    disabled: false,
    logConfigEnabled: false,
    ...fields,
  });
  const firewalls: GcpFirewall[] = [
    rule({
      name: 'default-allow-internal',
      description: 'Allow internal traffic on the default network',
      network: 'default',
      direction: 'INGRESS',
      priority: 65534,
      sourceRanges: ['10.128.0.0/9'],
      allowed: [
        { IPProtocol: 'tcp', ports: ['0-65535'] },
        { IPProtocol: 'udp', ports: ['0-65535'] },
        { IPProtocol: 'icmp' },
      ],
    }),
    rule({
      name: 'default-allow-icmp',
      description: 'Allow ICMP from anywhere',
      network: 'default',
      direction: 'INGRESS',
      priority: 65534,
      sourceRanges: ['0.0.0.0/0'],
      allowed: [{ IPProtocol: 'icmp' }],
    }),
    rule({
      name: 'allow-ssh-from-anywhere',
      description: 'SSH to bastions',
      network: 'default',
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['ssh'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    }),
    rule({
      name: 'allow-rdp-from-anywhere',
      description: 'RDP to Windows jump hosts',
      network: 'default',
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['rdp'],
      allowed: [{ IPProtocol: 'tcp', ports: ['3389'] }],
    }),
    rule({
      name: 'deny-rdp-quarantine',
      description: 'Quarantined hosts: block RDP whatever else allows it',
      network: 'default',
      direction: 'INGRESS',
      priority: 100,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['quarantine'],
      denied: [{ IPProtocol: 'tcp', ports: ['3389'] }],
      logConfigEnabled: true,
    }),
    rule({
      name: 'allow-ssh-legacy',
      description: 'Old SSH rule, switched off',
      network: 'default',
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['legacy-ssh'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
      disabled: true,
    }),
    rule({
      name: 'prod-allow-http',
      description: 'Public web traffic',
      network: 'prod-vpc',
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: ['0.0.0.0/0'],
      targetTags: ['http-server'],
      allowed: [{ IPProtocol: 'tcp', ports: ['80', '443'] }],
    }),
    rule({
      name: 'prod-allow-iap-ssh',
      description: 'SSH through Identity-Aware Proxy',
      network: 'prod-vpc',
      direction: 'INGRESS',
      priority: 1000,
      sourceRanges: ['35.235.240.0/20'],
      allowed: [{ IPProtocol: 'tcp', ports: ['22'] }],
    }),
    rule({
      name: 'prod-allow-egress-google-apis',
      description: 'Private Google Access',
      network: 'prod-vpc',
      direction: 'EGRESS',
      priority: 1000,
      destinationRanges: ['199.36.153.8/30'],
      allowed: [{ IPProtocol: 'tcp', ports: ['443'] }],
    }),
    rule({
      name: 'prod-deny-egress-all',
      description: 'Default-deny egress',
      network: 'prod-vpc',
      direction: 'EGRESS',
      priority: 65000,
      destinationRanges: ['0.0.0.0/0'],
      denied: [{ IPProtocol: 'all' }],
      logConfigEnabled: true,
    }),
  ];
  return { networks, subnetworks, firewalls };
}

const INSTANCE_ROLES = ['bastion', 'rdp-jump', 'rdp-quarantined', 'web'] as const;

function generateInstances(random: SeededRandom, project: GcpProject, count: number): GcpInstance[] {
  const nextHost = new Map<string, number>();
  const allocate = (subnet: GcpSubnetwork): string => {
    const key = `${subnet.network}/${subnet.region}`;
    const n = (nextHost.get(key) ?? 1) + 1;
    nextHost.set(key, n);
    return hostInRange(subnet.ipCidrRange, n);
  };
  const instances: GcpInstance[] = [];
  for (let i = 0; i < count; i++) {
    const role = INSTANCE_ROLES[i % INSTANCE_ROLES.length] ?? 'web';
    const onProd = role === 'web';
    const zone = onProd
      ? (['us-central1-a', 'europe-west1-b'][i % 2] ?? 'us-central1-a')
      : (INSTANCE_ZONES[i % INSTANCE_ZONES.length] ?? 'us-central1-a');
    const region = regionOfZone(zone);
    const network = onProd ? 'prod-vpc' : 'default';
    const subnet = project.subnetworks.find((s) => s.network === network && s.region === region);
    if (!subnet) throw new Error(`no ${network} subnetwork in ${region}`);
    const tags = {
      bastion: ['ssh'],
      'rdp-jump': ['rdp'],
      'rdp-quarantined': ['rdp', 'quarantine'],
      web: ['http-server'],
    }[role];
    const defaultServiceAccount = `${project.projectNumber}-compute@developer.gserviceaccount.com`;
    instances.push({
      id: random.digits(19),
      name: `${role}-${i}`,
      zone,
      machineType: role.startsWith('rdp')
        ? 'n2-standard-2'
        : random.pick(['e2-medium', 'e2-small', 'n2-standard-4']),
      status: i % 7 === 6 ? 'TERMINATED' : 'RUNNING',
      tags,
      labels: { role, env: project.labels.env ?? 'dev' },
      networkInterfaces: [
        {
          name: 'nic0',
          network,
          subnetwork: subnet.name,
          networkIP: allocate(subnet),
          ...(onProd ? {} : { natIP: publicIp(random) }),
        },
      ],
      serviceAccounts: [
        role === 'bastion'
          ? { email: defaultServiceAccount, scopes: ['https://www.googleapis.com/auth/cloud-platform'] }
          : {
              email: onProd ? `web@${project.projectId}.iam.gserviceaccount.com` : defaultServiceAccount,
              scopes: [
                'https://www.googleapis.com/auth/devstorage.read_only',
                'https://www.googleapis.com/auth/logging.write',
                'https://www.googleapis.com/auth/monitoring.write',
              ],
            },
      ],
      canIpForward: false,
      deletionProtection: onProd,
      shieldedInstance: { secureBoot: onProd, vtpm: true, integrityMonitoring: true },
      bootDiskSizeGb: role.startsWith('rdp') ? 50 : 10,
      creationTimestamp: timestamp(random),
    });
  }
  return instances;
}

function generateClusters(random: SeededRandom, project: GcpProject, count: number): GkeCluster[] {
  const clusters: GkeCluster[] = [];
  for (let i = 0; i < count; i++) {
    const pattern = i % 3;
    const createTime = timestamp(random);
    const common = {
      id: random.hex(32),
      description: '',
      status: 'RUNNING' as const,
      createTime,
      resourceLabels: { env: project.labels.env ?? 'dev' },
      clusterIpv4Cidr: `10.${40 + i * 4}.0.0/14`,
      servicesIpv4Cidr: `10.${120 + i}.0.0/20`,
    };
    if (pattern === 0) {
      const version = '1.27.16-gke.1008000';
      clusters.push({
        ...common,
        name: `legacy-cluster-${i}`,
        location: 'us-central1-a',
        network: 'default',
        subnetwork: 'default',
        endpoint: publicIp(random),
        initialClusterVersion: '1.24.10-gke.2300',
        currentMasterVersion: version,
        currentNodeVersion: version,
        masterAuthorizedNetworks: { enabled: false, cidrBlocks: [] },
        basicAuth: { username: 'admin', password: random.hex(16) },
        issueClientCertificate: true,
        legacyAbac: true,
        loggingService: 'none',
        monitoringService: 'none',
        networkPolicy: { enabled: false },
        shieldedNodes: false,
        workloadIdentity: false,
        nodePools: [
          {
            name: 'default-pool',
            machineType: 'e2-medium',
            diskSizeGb: 100,
            imageType: 'COS_CONTAINERD',
            nodeCount: 3,
            version,
            status: 'RUNNING',
            serviceAccount: 'default',
            oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
            autoUpgrade: false,
            autoRepair: true,
            secureBoot: false,
            integrityMonitoring: false,
          },
        ],
      });
    } else if (pattern === 1) {
      const version = '1.30.5-gke.1014001';
      const region = 'europe-west1';
      const publicEndpoint = publicIp(random);
      const masterBlock = `172.16.${(i * 16) % 256}.0/28`;
      clusters.push({
        ...common,
        name: `prod-cluster-${i}`,
        location: region,
        network: 'prod-vpc',
        subnetwork: `prod-${region}`,
        endpoint: publicEndpoint,
        initialClusterVersion: '1.28.3-gke.1203001',
        currentMasterVersion: version,
        currentNodeVersion: version,
        privateCluster: {
          enablePrivateNodes: true,
          enablePrivateEndpoint: false,
          masterIpv4CidrBlock: masterBlock,
          privateEndpoint: hostInRange(masterBlock, 2),
          publicEndpoint,
        },
        masterAuthorizedNetworks: {
          enabled: true,
          cidrBlocks: [{ displayName: 'corp-vpn', cidrBlock: '203.0.113.0/24' }],
        },
        issueClientCertificate: false,
        legacyAbac: false,
        loggingService: 'logging.googleapis.com/kubernetes',
        monitoringService: 'monitoring.googleapis.com/kubernetes',
        networkPolicy: { enabled: true, provider: 'CALICO' },
        shieldedNodes: true,
        releaseChannel: 'REGULAR',
        workloadIdentity: true,
        databaseEncryptionKey: `projects/${project.projectId}/locations/${region}/keyRings/gke/cryptoKeys/etcd`,
        nodePools: [
          {
            name: 'system-pool',
            machineType: 'e2-standard-4',
            diskSizeGb: 100,
            imageType: 'COS_CONTAINERD',
            nodeCount: 1,
            version,
            status: 'RUNNING',
            serviceAccount: `gke-nodes@${project.projectId}.iam.gserviceaccount.com`,
            oauthScopes: ['https://www.googleapis.com/auth/cloud-platform'],
            autoUpgrade: true,
            autoRepair: true,
            secureBoot: true,
            integrityMonitoring: true,
            autoscaling: { minNodeCount: 1, maxNodeCount: 5 },
          },
        ],
      });
    } else {
      const version = '1.31.1-gke.1678000';
      clusters.push({
        ...common,
        name: `dev-cluster-${i}`,
        location: 'us-central1',
        network: 'default',
        subnetwork: 'default',
        endpoint: publicIp(random),
        initialClusterVersion: version,
        currentMasterVersion: version,
        currentNodeVersion: version,
        masterAuthorizedNetworks: {
          enabled: true,
          cidrBlocks: [{ displayName: 'anywhere', cidrBlock: '0.0.0.0/0' }],
        },
        issueClientCertificate: false,
        legacyAbac: false,
        loggingService: 'logging.googleapis.com/kubernetes',
        monitoringService: 'monitoring.googleapis.com/kubernetes',
        networkPolicy: { enabled: false },
        shieldedNodes: true,
        releaseChannel: 'RAPID',
        workloadIdentity: false,
        nodePools: [
          {
            name: 'default-pool',
            machineType: 'e2-standard-2',
            diskSizeGb: 50,
            imageType: 'COS_CONTAINERD',
            nodeCount: 1,
            version,
            status: 'RUNNING',
            serviceAccount: 'default',
            oauthScopes: [
              'https://www.googleapis.com/auth/devstorage.read_only',
              'https://www.googleapis.com/auth/logging.write',
            ],
            autoUpgrade: true,
            autoRepair: true,
            secureBoot: true,
            integrityMonitoring: true,
          },
        ],
      });
    }
  }
  return clusters;
}

function generateBuckets(random: SeededRandom, project: GcpProject, count: number): GcsBucket[] {
  const buckets: GcsBucket[] = [];
  const pid = project.projectId;
  for (let i = 0; i < count; i++) {
    const pattern = i % 3;
    const suffix = i >= 3 ? `-${i}` : '';
    const timeCreated = timestamp(random);
    const common = { timeCreated, updated: timeCreated, metageneration: 1, labels: {} };
    if (pattern === 0) {
      buckets.push({
        ...common,
        name: `${pid}-public-assets${suffix}`,
        location: 'US',
        locationType: 'multi-region',
        storageClass: 'STANDARD',
        uniformBucketLevelAccess: true,
        publicAccessPrevention: 'inherited',
        versioning: false,
        labels: { purpose: 'website' },
        iamBindings: [
          ...legacyBucketBindings(pid, true),
          { role: 'roles/storage.objectViewer', members: ['allUsers'] },
        ],
      });
    } else if (pattern === 1) {
      buckets.push({
        ...common,
        name: `${pid}-legacy-uploads${suffix}`,
        location: 'US-CENTRAL1',
        locationType: 'region',
        storageClass: 'STANDARD',
        uniformBucketLevelAccess: false,
        publicAccessPrevention: 'inherited',
        versioning: false,
        iamBindings: [
          ...legacyBucketBindings(pid, false),
          { role: 'roles/storage.legacyObjectReader', members: ['allAuthenticatedUsers'] },
        ],
      });
    } else {
      buckets.push({
        ...common,
        name: `${pid}-backups${suffix}`,
        location: 'EU',
        locationType: 'multi-region',
        storageClass: 'NEARLINE',
        uniformBucketLevelAccess: true,
        publicAccessPrevention: 'enforced',
        versioning: true,
        defaultKmsKeyName: `projects/${pid}/locations/eu/keyRings/storage/cryptoKeys/backups`,
        labels: { purpose: 'backups', 'data-classification': 'confidential' },
        logging: { logBucket: `${pid}-access-logs`, logObjectPrefix: 'backups' },
        retentionPeriodSeconds: 30 * 86_400,
        iamBindings: [
          ...legacyBucketBindings(pid, true),
          {
            role: 'roles/storage.objectAdmin',
            members: [`serviceAccount:backup@${pid}.iam.gserviceaccount.com`],
          },
        ],
      });
    }
  }
  return buckets;
}

/**
 * Builds a deterministic GCP estate with deliberate misconfigurations (see the
 * emulator README for where each one sits).
 *
 * @example
 * const estate = generateGcpEstate({ seed: 7, projects: 20, instancesPerProject: 50 });
 */
export function generateGcpEstate(options: GenerateGcpEstateOptions = {}): GcpEstate {
  const random = createSeededRandom(options.seed ?? 1);
  const domain = options.domain ?? 'example.com';
  const folderCount = options.folders ?? 3;
  const projectCount = options.projects ?? 6;
  const deletedCount = Math.min(options.deletedProjects ?? 1, projectCount);
  const activeCount = projectCount - deletedCount;
  const deniedCount = Math.min(options.deniedProjects ?? 0, activeCount);
  const disableSome = options.disableSomeServices ?? true;

  const organization = {
    id: random.digits(12),
    displayName: domain,
    directoryCustomerId: `C0${random.hex(7)}`,
    state: 'ACTIVE' as const,
    createTime: new Date(EPOCH_2021 - 400 * DAY_MS).toISOString(),
  };
  const orgName = `organizations/${organization.id}`;

  const folders: GcpFolder[] = [];
  for (let i = 0; i < folderCount; i++) {
    const parentFolder = i < 2 ? undefined : folders[i - 2];
    const base = FOLDER_NAMES[i % FOLDER_NAMES.length] ?? 'Folder';
    folders.push({
      id: random.digits(12),
      displayName: i < FOLDER_NAMES.length ? base : `${base} ${Math.floor(i / FOLDER_NAMES.length) + 1}`,
      parent: parentFolder ? `folders/${parentFolder.id}` : orgName,
      state: 'ACTIVE',
      createTime: timestamp(random, 100),
    });
  }

  const usedIds = new Set<string>();
  const projects: GcpProject[] = [];
  for (let i = 0; i < projectCount; i++) {
    const team = TEAMS[i % TEAMS.length] ?? 'team';
    const env = ENVIRONMENTS[Math.floor(i / TEAMS.length) % ENVIRONMENTS.length] ?? 'dev';
    let projectId = `${team}-${env}-${random.digits(4)}`;
    while (usedIds.has(projectId)) projectId = `${team}-${env}-${random.digits(5)}`;
    usedIds.add(projectId);
    const slot = i % (folderCount + 1);
    const parentFolder = slot === 0 ? undefined : folders[slot - 1];
    const deleted = i >= activeCount;
    const active = i;
    let enabledServices = [...BASE_SERVICES];
    if (disableSome && !deleted) {
      if (active % 5 === 2) {
        enabledServices = enabledServices.filter(
          (s) => s !== 'compute.googleapis.com' && s !== 'container.googleapis.com',
        );
      } else if (active % 5 === 3) {
        enabledServices = enabledServices.filter((s) => s !== 'container.googleapis.com');
      } else if (active % 5 === 4) {
        enabledServices = enabledServices.filter((s) => !STORAGE_SERVICES.includes(s));
      }
    }
    const project: GcpProject = {
      projectId,
      projectNumber: random.digits(12),
      displayName: `${team[0]?.toUpperCase() ?? ''}${team.slice(1)} ${env}`,
      parent: parentFolder ? `folders/${parentFolder.id}` : orgName,
      state: deleted ? 'DELETE_REQUESTED' : 'ACTIVE',
      createTime: timestamp(random, 300),
      labels: { team, env },
      enabledServices,
      permissionDenied: !deleted && i >= activeCount - deniedCount,
      networks: [],
      subnetworks: [],
      firewalls: [],
      instances: [],
      clusters: [],
      buckets: [],
    };
    if (!deleted) {
      if (enabledServices.includes('compute.googleapis.com')) {
        Object.assign(project, generateNetworking(random, project));
        project.instances = generateInstances(random, project, options.instancesPerProject ?? 4);
      }
      if (enabledServices.includes('container.googleapis.com')) {
        project.clusters = generateClusters(random, project, options.clustersPerProject ?? 2);
      }
      if (enabledServices.includes('storage.googleapis.com')) {
        project.buckets = generateBuckets(random, project, options.bucketsPerProject ?? 3);
      }
    }
    projects.push(project);
  }
  return { organization, folders, projects };
}
